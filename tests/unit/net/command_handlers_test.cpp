// The command table and its handlers: every command of novbe.proto has one row and one handler,
// and the handlers refuse what no sender may ask and tie bound senders to their own.
#include "handlers_fixture.hpp"

#include "net/command_handlers.hpp"

#include "net/auth.hpp"
#include "net/publication.hpp"
#include "net/read_sources.hpp"

#include <gtest/gtest.h>

#include <set>

namespace novbe::net {
namespace {

using testing::handlers;
using testing::M;

TEST(command_table, has_one_row_for_every_command_of_the_schema_under_its_own_name) {
    auto const* oneof = M::descriptor()->FindOneofByName("command");
    ASSERT_NE(nullptr, oneof);
    std::set<int> rows;
    for (auto const& row : commands::table) EXPECT_TRUE(rows.insert(row.command).second) << row.name << " twice";
    EXPECT_EQ(static_cast<std::size_t>(oneof->field_count()), rows.size());
    for (int i = 0; i < oneof->field_count(); ++i) {
        auto const* field = oneof->field(i);
        auto const* row = commands::find(static_cast<commands::command_case>(field->number()));
        ASSERT_NE(nullptr, row) << field->name() << " has no row in proto/command_table.hpp";
        EXPECT_EQ(field->name(), row->name);
        EXPECT_EQ(row->command, handler_of(*row).command);
    }
    EXPECT_EQ(nullptr, commands::find(M::COMMAND_NOT_SET));
}

TEST(command_table, reads_and_subscriptions_take_no_idempotency_key) {
    for (auto c : {M::kHello, M::kGetCentre, M::kGetTicketStatus, M::kSubscribe, M::kGetTickets})
        EXPECT_FALSE(commands::is_mutating(c)) << commands::find(c)->name;
    for (auto c : {M::kIssueTicket, M::kCallNext, M::kRateService, M::kCancelTicket, M::kCloseDay})
        EXPECT_TRUE(commands::is_mutating(c)) << commands::find(c)->name;
}

TEST(command_table, is_served_to_the_pages_with_protobufjs_names) {
    auto json = commands::table_json();
    EXPECT_NE(std::string::npos, json.find(R"({"command":"issueTicket","effect":"mutating","roles":["ROLE_KIOSK"],"own":"none"})"))
        << json;
    EXPECT_NE(std::string::npos, json.find(R"("command":"getLastServed","effect":"read")")) << json;
}


// CheckIn's own checks come before the engine's: a code of 1 to 64 bytes, a known language; the
// rest is decided over the bookings and the centre together (check_in_test.cpp).
TEST_F(handlers, a_check_in_bounds_its_code_and_language_then_decides_over_the_bookings) {
    identity kiosk{.kind = role::kiosk, .user = "entrance"};
    auto made_of = [&](std::string code, std::string language) {
        M m;
        m.mutable_check_in()->set_code(std::move(code));
        m.mutable_check_in()->set_language(std::move(language));
        return of(M::kCheckIn).make(as(kiosk), m);
    };
    for (auto [code, language] : {std::pair{std::string(65, 'A'), "en"}, {"", "en"}, {"APP-1", "xx"}}) {
        auto made = made_of(code, language);
        ASSERT_TRUE(std::holds_alternative<refusal>(made)) << code << " " << language;
        EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, std::get<refusal>(made).code);
    }
    auto made = made_of(std::string(64, 'A'), "");
    ASSERT_TRUE(std::holds_alternative<action>(made));
    EXPECT_TRUE(std::get<action>(made).decide);  // not a command of the centre alone
}

// Staff's bookings (staff_booking_test.cpp has them through the dispatcher): managers' and
// admins' only; an unknown service or booking number is refused before the engine, and a
// booking is decided over the bookings like a check-in, as the staff user.
TEST_F(handlers, staff_bookings_are_managers_and_admins_and_decided_over_the_bookings) {
    for (auto c : {M::kBookVisit, M::kListBookings, M::kCancelBooking}) {
        auto const& row = *commands::find(c);
        EXPECT_TRUE(row.roles.has(v1::ROLE_MANAGER) && row.roles.has(v1::ROLE_ADMIN)) << row.name;
        EXPECT_FALSE(row.roles.has(v1::ROLE_CLERK) || row.roles.has(v1::ROLE_KIOSK)) << row.name;
    }
    EXPECT_TRUE(commands::is_mutating(M::kBookVisit));
    EXPECT_TRUE(commands::is_mutating(M::kCancelBooking));
    EXPECT_FALSE(commands::is_mutating(M::kListBookings));
    identity manager{.kind = role::manager, .user = "leyla"};
    M m;
    m.mutable_book_visit()->set_service_id("visa");
    auto made = of(M::kBookVisit).make(as(manager), m);
    ASSERT_TRUE(std::holds_alternative<refusal>(made));
    EXPECT_EQ(v1::ERROR_CODE_UNKNOWN_SERVICE, std::get<refusal>(made).code);
    m.mutable_book_visit()->set_service_id("passport");
    made = of(M::kBookVisit).make(as(manager), m);
    ASSERT_TRUE(std::holds_alternative<action>(made));
    EXPECT_TRUE(std::get<action>(made).decide);
    M cancel;
    cancel.mutable_cancel_booking()->set_booking(7);
    made = of(M::kCancelBooking).make(as(manager), cancel);
    ASSERT_TRUE(std::holds_alternative<refusal>(made));
    EXPECT_EQ(v1::ERROR_CODE_UNKNOWN_BOOKING, std::get<refusal>(made).code);
}

TEST_F(handlers, a_kiosk_may_not_declare_an_appointment) {
    M m;
    m.mutable_issue_ticket()->set_service_id("passport");
    m.mutable_issue_ticket()->set_priority(v1::PRIORITY_CLASS_APPOINTMENT);
    m.mutable_issue_ticket()->set_appointment_at_ms(1);
    identity kiosk{.kind = role::kiosk, .user = "entrance"};
    auto made = of(M::kIssueTicket).make(as(kiosk), m);
    ASSERT_TRUE(std::holds_alternative<refusal>(made));
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, std::get<refusal>(made).code);
    m.mutable_issue_ticket()->set_priority(v1::PRIORITY_CLASS_PRIORITY);
    m.mutable_issue_ticket()->clear_appointment_at_ms();
    EXPECT_TRUE(std::holds_alternative<action>(of(M::kIssueTicket).make(as(kiosk), m)));
}

TEST_F(handlers, a_ticket_in_a_language_the_centre_does_not_speak_is_refused_naming_those_it_does) {
    M m;
    m.mutable_issue_ticket()->set_service_id("passport");
    m.mutable_issue_ticket()->set_language("xx");
    identity kiosk{.kind = role::kiosk, .user = "entrance"};
    auto context = as(kiosk);
    s_.profile.languages = {"az", "en"};
    auto made = of(M::kIssueTicket).make(context, m);
    ASSERT_TRUE(std::holds_alternative<refusal>(made));
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, std::get<refusal>(made).code);
    EXPECT_EQ("This centre has no language \"xx\"; it speaks az, en.", std::get<refusal>(made).message);
    m.mutable_issue_ticket()->set_language("az");
    EXPECT_TRUE(std::holds_alternative<action>(of(M::kIssueTicket).make(context, m)));
    m.mutable_issue_ticket()->clear_language();  // the centre's first
    EXPECT_TRUE(std::holds_alternative<action>(of(M::kIssueTicket).make(context, m)));
}

TEST_F(handlers, a_rating_pad_owns_its_own_counter_only) {
    identity pad{.kind = role::rating_device, .user = "pad 1", .counter = 1};
    M m;
    m.mutable_rate_at_counter()->set_counter(1);
    EXPECT_TRUE(of(M::kRateAtCounter).owns(as(pad), m));
    m.mutable_rate_at_counter()->set_counter(2);
    EXPECT_FALSE(of(M::kRateAtCounter).owns(as(pad), m));
    M last;
    last.mutable_get_last_served()->set_counter(2);
    EXPECT_FALSE(of(M::kGetLastServed).owns(as(pad), last));
}

TEST_F(handlers, a_ticket_holder_owns_its_own_ticket_only) {
    auto mine = random_token();
    identity holder{.kind = role::ticket_holder, .ticket = mine};
    M m;
    m.mutable_rate_service()->set_ticket_token(to_hex(mine));
    EXPECT_TRUE(of(M::kRateService).owns(as(holder), m));
    m.mutable_rate_service()->set_ticket_token(to_hex(random_token()));
    EXPECT_FALSE(of(M::kRateService).owns(as(holder), m));
    M ask;
    ask.mutable_get_ticket_status()->set_ticket_token(to_hex(random_token()));
    EXPECT_FALSE(of(M::kGetTicketStatus).owns(as(holder), ask));
    M cancel;  // no ticket of this holder exists: nothing is its own
    cancel.mutable_cancel_ticket()->set_number("A001");
    EXPECT_FALSE(of(M::kCancelTicket).owns(as(holder), cancel));
}

TEST_F(handlers, a_read_of_an_unknown_counter_is_a_refusal_not_an_empty_answer) {
    identity clerk{.kind = role::clerk, .user = "anna"};
    M m;
    m.mutable_get_counter()->set_counter(9);
    auto out = answer_to(7);
    of(M::kGetCounter).read(as(clerk), m, out);
    ASSERT_TRUE(out.has_error());
    EXPECT_EQ(v1::ERROR_CODE_UNKNOWN_COUNTER, out.error().code());
    EXPECT_EQ(7u, out.request_id());
}

TEST_F(handlers, the_hall_message_is_set_in_the_senders_name) {
    identity manager{.kind = role::manager, .user = "leyla"};
    M m;
    m.mutable_set_hall_message()->set_text("Counter 4 closes at 16:00");
    auto made = of(M::kSetHallMessage).make(as(manager), m);
    ASSERT_TRUE(std::holds_alternative<action>(made));
    auto const& cmd = std::get<core::set_hall_message>(std::get<action>(made).command);
    EXPECT_EQ("leyla", cmd.by);
    EXPECT_EQ("Counter 4 closes at 16:00", cmd.text);
    auto const* row = commands::find(M::kSetHallMessage);
    EXPECT_TRUE(commands::is_mutating(M::kSetHallMessage));
    EXPECT_FALSE(row->roles.has(v1::ROLE_CLERK)) << "a clerk may not speak to the hall";
    EXPECT_TRUE(row->roles.has(v1::ROLE_MANAGER));
}

// A new day closes every counter without a CounterChanged: its DayStarted says so to the boards.
TEST_F(handlers, a_new_day_tells_the_boards_every_counter_is_closed) {
    centre_.apply(core::counter_opened{1, "anna", core::time_point{}});
    core::day_started day{1, core::time_point{std::chrono::hours(24)}};
    centre_.apply(day);
    auto p = publish(centre_, {day}, 5, day.at);
    auto copy = board_copy(*p->events.front());
    ASSERT_TRUE(copy && copy->has_day_started());
    ASSERT_EQ(2, copy->day_started().counters_size());
    for (auto const& counter : copy->day_started().counters()) EXPECT_EQ(v1::COUNTER_STATUS_CLOSED, counter.status());
    EXPECT_EQ("", copy->day_started().counters(0).clerk());
}


// docs/SETUP.md: the set-up handlers hash what they are given, refuse bad secrets before the
// slow hash, and never put a hash or a token in a list; AddDevice's reply has the token once.
TEST_F(handlers, set_up_commands_hash_secrets_and_tokens_and_lists_carry_neither) {
    identity root{.kind = role::admin, .user = "root"};
    M add;
    add.mutable_add_user()->set_name("anna");
    add.mutable_add_user()->set_role(v1::ROLE_CLERK);
    add.mutable_add_user()->set_secret("short");
    auto made = of(M::kAddUser).make(as(root), add);
    ASSERT_TRUE(std::holds_alternative<refusal>(made));
    EXPECT_EQ("A secret has 8 to 256 bytes.", std::get<refusal>(made).message);
    add.mutable_add_user()->set_secret("anna-secret-1");
    made = of(M::kAddUser).make(as(root), add);
    ASSERT_TRUE(std::holds_alternative<action>(made));
    auto const& cmd = std::get<core::add_user>(std::get<action>(made).command);
    EXPECT_TRUE(verify_secret(cmd.secret_hash, "anna-secret-1"));
    EXPECT_EQ("root", cmd.by);
    centre_.apply(std::get<core::user_set>(centre_.decide(cmd, {}).events()[0]));

    M device;
    device.mutable_add_device()->set_name("entrance");
    device.mutable_add_device()->set_role(v1::ROLE_KIOSK);
    made = of(M::kAddDevice).make(as(root), device);
    ASSERT_TRUE(std::holds_alternative<action>(made));
    auto& act = std::get<action>(made);
    auto const& add_device = std::get<core::add_device>(act.command);
    auto const decided = centre_.decide(act.command, {});  // kept: events() refers into it
    for (auto const& ev : decided.events()) centre_.apply(ev);
    v1::Reply reply;
    act.reply(centre_, reply);
    EXPECT_EQ(32u, reply.device_added().token().size());
    EXPECT_EQ(device_token_hash(reply.device_added().token()), add_device.token_hash);
    EXPECT_EQ(find_device(centre_.roster(), reply.device_added().token()), std::optional<std::size_t>(0));

    for (auto c : {M::kListUsers, M::kListDevices}) {
        v1::ServerMessage out;
        of(c).read(as(root), M{}, out);
        auto bytes = out.SerializeAsString();
        EXPECT_EQ(std::string::npos, bytes.find("$argon2")) << commands::find(c)->name;
        EXPECT_EQ(std::string::npos, bytes.find(add_device.token_hash)) << commands::find(c)->name;
        EXPECT_EQ(std::string::npos, bytes.find(reply.device_added().token())) << commands::find(c)->name;
    }
}

TEST(command_table, the_set_up_is_the_admins_and_managers_may_only_list) {
    for (auto c : {M::kAddUser, M::kChangeUser, M::kAddDevice, M::kChangeDevice}) {
        EXPECT_TRUE(commands::find(c)->roles.has(v1::ROLE_ADMIN));
        EXPECT_FALSE(commands::find(c)->roles.has(v1::ROLE_MANAGER)) << commands::find(c)->name;
    }
    for (auto c : {M::kListUsers, M::kListDevices}) EXPECT_TRUE(commands::find(c)->roles.has(v1::ROLE_MANAGER));
}

}  // namespace
}  // namespace novbe::net
