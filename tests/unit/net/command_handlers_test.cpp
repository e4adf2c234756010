// The command table and its handlers: every command of novbe.proto has one row and one handler,
// and the handlers refuse what no sender may ask and tie bound senders to their own.
#include "net/command_handlers.hpp"

#include "net/auth.hpp"
#include "net/publication.hpp"
#include "net/read_sources.hpp"

#include <gtest/gtest.h>

#include <set>

namespace novbe::net {
namespace {

using M = v1::ClientMessage;

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

class handlers : public ::testing::Test {
protected:
    handlers() : centre_(config()) {}
    static core::centre_config config() {
        core::centre_config c;
        c.services.push_back({.id = "passport", .prefix = "A"});
        c.counters.push_back({.number = 1, .name = "1", .services = {0}});
        c.counters.push_back({.number = 2, .name = "2", .services = {0}});
        return c;
    }
    command_context as(identity const& who) {
        s_.centre = centre_.config();
        s_.profile.languages = {"en"};
        return {centre_, s_, who, core::time_point{}, &sources_};
    }
    static command_handler const& of(M::CommandCase c) { return handler_of(*commands::find(c)); }

    core::centre centre_;
    settings s_;
    read_sources sources_;
};

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

namespace novbe::net {
namespace {

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

// ---- GetHistory, GetForwarding ----

v1::ServerMessage history(command_handler const& h, command_context const& x, std::string from, std::string to) {
    M m;
    m.mutable_get_history()->set_from(std::move(from));
    m.mutable_get_history()->set_to(std::move(to));
    v1::ServerMessage out;
    h.read(x, m, out);
    return out;
}

TEST_F(handlers, a_history_range_is_two_dates_at_most_a_leap_year_apart) {
    identity manager{.kind = role::manager, .user = "mona"};
    auto const& h = of(M::kGetHistory);
    EXPECT_EQ("GetHistory's from and to are dates, YYYY-MM-DD.", history(h, as(manager), "2026-02-30", "2026-03-01").error().message());
    EXPECT_EQ("GetHistory's from and to are dates, YYYY-MM-DD.", history(h, as(manager), "2026-3-01", "2026-03-01").error().message());
    EXPECT_EQ("The range ends before it starts.", history(h, as(manager), "2026-03-02", "2026-03-01").error().message());
    EXPECT_EQ("A range has at most 366 days.", history(h, as(manager), "2024-01-01", "2025-01-01").error().message());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, history(h, as(manager), "x", "y").error().code());
    EXPECT_EQ(v1::ERROR_CODE_INTERNAL, history(h, as(manager), "2026-01-01", "2026-01-01").error().code());  // no log here
    sources_.history = [](core::day_number, core::day_number) { return std::vector<store::service_day>{}; };
    auto out = history(h, as(manager), "2024-01-01", "2024-12-31");
    ASSERT_TRUE(out.has_reply()) << out.DebugString();
    EXPECT_EQ(366, out.reply().history().days_size());
    EXPECT_EQ("2024-12-31", out.reply().history().days(365).day());
}

TEST_F(handlers, a_history_sums_earlier_days_from_the_log_and_today_from_the_engine) {
    auto const today = *day_of_date("2026-03-03");
    centre_.apply(core::day_started{today, core::time_point{std::chrono::days(today)}});
    core::ticket_issued issued;
    issued.at = core::time_point{std::chrono::days(today)};
    centre_.apply(issued);
    std::vector<std::pair<core::day_number, core::day_number>> asked;
    sources_.history = [&](core::day_number from, core::day_number to) {
        asked.emplace_back(from, to);
        std::vector<store::service_day> rows(2);
        rows[0] = {from, "passport", {.issued = 3, .called = 2, .wait_sum = std::chrono::seconds(100), .wait_max = std::chrono::seconds(70)}};
        rows[1] = {from + 1, "gone", {.issued = 1}};  // a service the configuration no longer has
        return rows;
    };
    identity manager{.kind = role::manager, .user = "mona"};
    auto out = history(of(M::kGetHistory), as(manager), "2026-03-01", "2026-03-04");
    ASSERT_TRUE(out.has_reply()) << out.DebugString();
    ASSERT_EQ(1u, asked.size());
    EXPECT_EQ(std::make_pair(*day_of_date("2026-03-01"), *day_of_date("2026-03-02")), asked[0]);  // not today
    auto const& h = out.reply().history();
    ASSERT_EQ(4, h.days_size());
    EXPECT_EQ("2026-03-01", h.days(0).day());
    EXPECT_EQ(1, h.days(0).by_service_size());
    EXPECT_EQ("gone", h.days(1).by_service(0).key());
    EXPECT_EQ("passport", h.days(2).by_service(0).key());
    EXPECT_EQ(1u, h.days(2).by_service(0).issued());  // today's ticket, as the engine has it
    EXPECT_EQ(0, h.days(3).by_service_size());
    ASSERT_EQ(2, h.by_service_size());
    EXPECT_EQ("passport", h.by_service(0).key());  // the configuration's order first
    EXPECT_EQ(4u, h.by_service(0).issued());
    EXPECT_EQ(50, h.by_service(0).average_wait_s());
    EXPECT_EQ(70, h.by_service(0).max_wait_s());
    EXPECT_EQ("gone", h.by_service(1).key());
}

TEST_F(handlers, a_history_of_earlier_days_fails_clearly_when_the_log_cannot_be_read) {
    centre_.apply(core::day_started{*day_of_date("2026-03-03"), {}});
    identity manager{.kind = role::manager, .user = "mona"};
    sources_.history = [](core::day_number, core::day_number) -> std::vector<store::service_day> {
        throw std::runtime_error("centre.db: history: the read took too long");
    };
    auto out = history(of(M::kGetHistory), as(manager), "2026-03-01", "2026-03-03");
    EXPECT_EQ(v1::ERROR_CODE_INTERNAL, out.error().code());
    EXPECT_EQ("centre.db: history: the read took too long", out.error().message());
}

TEST_F(handlers, forwarding_says_not_configured_without_central) {
    identity manager{.kind = role::manager, .user = "mona"};
    v1::ServerMessage out;
    of(M::kGetForwarding).read(as(manager), M{}, out);
    EXPECT_FALSE(out.reply().forwarding().configured());
    sources_.forwarding = [] {
        v1::Forwarding f;
        f.set_configured(true);
        f.set_lag_events(12);
        return f;
    };
    of(M::kGetForwarding).read(as(manager), M{}, out);
    EXPECT_EQ(12u, out.reply().forwarding().lag_events());
}

}  // namespace
}  // namespace novbe::net

namespace audit_checks {

v1::ServerMessage ask(command_context const& x, std::function<void(v1::GetAudit&)> fill) {
    M m;
    fill(*m.mutable_get_audit());
    auto out = answer_to(7);
    handler_of(*commands::find(M::kGetAudit)).read(x, m, out);
    return out;
}

}  // namespace audit_checks

TEST_F(handlers, get_audit_refuses_what_a_stranger_might_ask_and_names_the_limit) {
    identity mira{.kind = role::manager, .user = "mira"};
    auto refused = [&](std::function<void(v1::GetAudit&)> fill) {
        auto out = audit_checks::ask(as(mira), std::move(fill));
        EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, out.error().code()) << out.DebugString();
        return out.error().message();
    };
    EXPECT_EQ("GetAudit.page_size is at most 200 rows.", refused([](auto& a) { a.set_page_size(1000000); }));
    EXPECT_EQ("GetAudit covers at most 31 days at once.", refused([](auto& a) {
                  a.set_from_day("2020-01-01");
                  a.set_to_day("2026-12-01");
              }));
    EXPECT_EQ("GetAudit.to_day comes before its from_day.", refused([](auto& a) {
                  a.set_from_day("2026-12-02");
                  a.set_to_day("2026-12-01");
              }));
    EXPECT_NE("", refused([](auto& a) { a.set_from_day("2026-02-30"); }));
    EXPECT_NE("", refused([](auto& a) { a.set_to_day("yesterday"); }));
    EXPECT_NE("", refused([](auto& a) { a.set_user(std::string(100000, 'x')); }));
    EXPECT_NE("", refused([](auto& a) { a.set_kind(static_cast<v1::AuditKind>(99)); }));
    // Within bounds it passes the checks (and, with no reader here, goes no further).
    auto fine = audit_checks::ask(as(mira), [](auto& a) {
        a.set_from_day("2026-11-01");
        a.set_to_day("2026-12-01");
        a.set_page_size(200);
    });
    EXPECT_EQ(v1::ERROR_CODE_UNAVAILABLE, fine.error().code());
}

TEST(command_table, only_managers_and_admins_read_the_audit) {
    auto const* row = commands::find(M::kGetAudit);
    ASSERT_NE(nullptr, row);
    EXPECT_EQ(commands::effect::read, row->kind);
    EXPECT_TRUE(row->roles.has(v1::ROLE_MANAGER));
    EXPECT_TRUE(row->roles.has(v1::ROLE_ADMIN));
    for (auto r : {v1::ROLE_CLERK, v1::ROLE_KIOSK, v1::ROLE_BOARD, v1::ROLE_TICKET_HOLDER, v1::ROLE_RATING_DEVICE})
        EXPECT_FALSE(row->roles.has(r)) << v1::Role_Name(r);
}

}  // namespace
}  // namespace novbe::net

namespace novbe::net {
namespace {

// docs/SETUP.md#services-and-counters-at-runtime: an admin's commands become the engine's in the
// admin's name, the reply is the centre as it is after them, and boards see only names.
class service_handlers : public handlers {
protected:
    // Decides and applies what the handler made; the refusal's wire code, or the reply.
    v1::Reply run(M const& m, v1::ErrorCode* refused = nullptr) {
        auto made = of(m.command_case()).make(as(root_), m);
        if (auto const* no = std::get_if<refusal>(&made)) {
            if (refused) *refused = no->code;
            return {};
        }
        auto& act = std::get<action>(made);
        auto decided = centre_.decide(act.command, {});
        if (!decided.ok()) {
            if (refused) *refused = wire_code(decided.error());
            return {};
        }
        for (auto const& ev : decided.events()) {
            centre_.apply(ev);
            events_.push_back(ev);
        }
        v1::Reply reply;
        act.reply(centre_, reply);
        return reply;
    }
    identity root_{.kind = role::admin, .user = "root"};
    std::vector<core::event> events_;
};

TEST_F(service_handlers, an_added_service_is_in_the_reply_and_boards_get_its_names_only) {
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    (*s.mutable_names())["en"] = "Visa";
    s.set_target_wait_s(600);
    s.set_max_wait_s(1800);
    auto reply = run(add);
    ASSERT_EQ(2, reply.centre().services_size());
    EXPECT_EQ("Visa", reply.centre().services(1).names().at("en"));
    EXPECT_EQ(600, reply.centre().services(1).target_wait_s());
    auto const& set = std::get<core::service_set>(events_.back());
    EXPECT_EQ("root", set.by);

    auto p = publish(centre_, {set}, 7, core::time_point{});
    auto const& full = *p->events.front();
    ASSERT_TRUE(full.has_service_changed());
    EXPECT_EQ("root", full.service_changed().by());
    auto copy = board_copy(full);
    ASSERT_TRUE(copy && copy->has_service_changed());
    EXPECT_EQ("Visa", copy->service_changed().service().names().at("en"));
    EXPECT_EQ(0, copy->service_changed().service().target_wait_s()) << "a board sees names, not targets";
    EXPECT_EQ("", copy->service_changed().by());
}

TEST_F(service_handlers, a_new_service_needs_every_language_and_waits_in_range) {
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    (*s.mutable_names())["az"] = "Viza";
    v1::ErrorCode code{};
    run(add, &code);
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, code) << "the centre speaks en";
    (*s.mutable_names())["en"] = "Visa";
    s.set_target_wait_s(-5);
    code = {};
    run(add, &code);
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, code);
}

TEST_F(service_handlers, counters_are_added_reordered_and_retired_and_the_retired_refusals_have_codes) {
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    (*s.mutable_names())["en"] = "Visa";
    run(add);
    M counter;
    auto& k = *counter.mutable_add_counter()->mutable_counter();
    k.set_number(3);
    k.set_name("Visa desk");
    k.add_service_ids("visa");
    k.add_service_ids("passport");
    auto reply = run(counter);
    ASSERT_EQ(3, reply.centre().counters_size());
    EXPECT_EQ("visa", reply.centre().counters(2).service_ids(0));
    M change;
    change.mutable_change_counter()->set_number(3);
    change.mutable_change_counter()->add_service_ids("passport");
    change.mutable_change_counter()->set_policy(v1::ROUTING_POLICY_STRICT_SERVICE_ORDER);
    reply = run(change);
    EXPECT_EQ(1, reply.centre().counters(2).service_ids_size());
    EXPECT_EQ(v1::ROUTING_POLICY_STRICT_SERVICE_ORDER, reply.centre().counters(2).policy());

    M retire;
    retire.mutable_retire_counter()->set_number(3);
    reply = run(retire);
    EXPECT_TRUE(reply.centre().counters(2).retired());
    v1::ErrorCode code{};
    run(retire, &code);
    EXPECT_EQ(v1::ERROR_CODE_COUNTER_RETIRED, code);
    M service;
    service.mutable_retire_service()->set_id("visa");
    EXPECT_TRUE(run(service).centre().services(1).retired());
    code = {};
    run(service, &code);
    EXPECT_EQ(v1::ERROR_CODE_SERVICE_RETIRED, code);
}

TEST(command_table, services_and_counters_are_the_admins) {
    for (auto c : {M::kAddService, M::kChangeService, M::kRetireService, M::kAddCounter, M::kChangeCounter, M::kRetireCounter}) {
        EXPECT_TRUE(commands::is_mutating(c)) << commands::find(c)->name;
        EXPECT_TRUE(commands::find(c)->roles.has(v1::ROLE_ADMIN)) << commands::find(c)->name;
        EXPECT_FALSE(commands::find(c)->roles.has(v1::ROLE_MANAGER)) << commands::find(c)->name;
    }
}

}  // namespace
}  // namespace novbe::net
