// CheckIn through the dispatcher, over an in-memory log: a booking's code at the kiosk becomes
// its appointment ticket inside the window, and each other case is refused in words a citizen
// can act on, without telling a guesser what exists on other days (docs/DOMAIN.md#check-in).
#include "dispatcher_rig.hpp"
#include "memory_log.hpp"
#include "net/auth.hpp"
#include "net/check_in_handler.hpp"
#include "net/dispatcher.hpp"

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using M = v1::ClientMessage;
using namespace std::chrono_literals;

constexpr core::time_point midnight{std::chrono::hours(24 * 20'000)};  // day 20000, UTC+4 below

core::centre_config config() {
    core::centre_config c;
    c.services.push_back({.id = "passport", .prefix = "A"});
    c.counters.push_back({.number = 1, .name = "1", .services = {0}});
    c.rules.utc_offset = 4h;
    return c;
}

class check_in_test : public ::testing::Test {
protected:
    check_in_test()
        : centre_(io_.get_executor(), log_, booked(), 0, [this] { return now_; }, hub_),
          dispatch_(centre_, settings_, io_.get_executor(), io_.get_executor()) {}

    // Today's 10:30 (local) for "APP-TODAY", tomorrow's 10:30 for "APP-TOMORROW", both made the
    // evening before.
    core::centre booked() {
        core::centre c(config(), core::booking_config::defaults(config()));
        auto made = midnight - 4h - 3h;  // 21:00 local, the day before
        for (auto [reference, slot, token] : {std::tuple{"APP-TODAY", today(10h + 30min), &today_token_},
                                              std::tuple{"APP-TOMORROW", today(24h + 10h + 30min), &tomorrow_token_}}) {
            *token = random_token();
            auto out = c.appointments().decide(core::book_slot{.service = 0, .slot = slot, .reference = reference,
                                                               .portal = "test", .token = *token},
                                               made, c);
            EXPECT_TRUE(out.ok()) << name(out.error);
            for (auto const& e : out.events) c.apply(core::as_event(e));
        }
        return c;
    }
    static core::time_point today(core::duration local) { return midnight - 4h + local; }
    settings make_settings() {
        settings s;
        s.centre = config();
        s.profile.languages = {"en", "az"};
        s.profile.time_zone = "Asia/Baku";
        return s;
    }
    static M check_in(std::string code, std::string language = "az") {
        M m;
        m.mutable_check_in()->set_code(std::move(code));
        m.mutable_check_in()->set_language(std::move(language));
        return m;
    }
    // The answer to `m` from `who`, once durable (and once any delay has passed).
    v1::ServerMessage ask(M m, identity const& who) {
        m.set_request_id(++id_);
        return testing::answer_when_durable(dispatch_, io_, log_, m, who, 50ms);
    }
    v1::ServerMessage ask(M m) { return ask(std::move(m), kiosk_); }
    core::booking_state state_of(core::ticket_token const& t) { return centre_.state().appointments().find(t)->state; }

    boost::asio::io_context io_;
    testing::memory_log log_;
    hub hub_;
    settings settings_ = make_settings();
    core::ticket_token today_token_, tomorrow_token_;
    core::time_point now_ = today(10h + 10min);
    centre_service centre_;
    dispatcher dispatch_;
    std::uint64_t id_ = 0;
    identity kiosk_{.kind = role::kiosk, .user = "entrance", .address = "10.0.0.7"};
};

TEST_F(check_in_test, a_typed_code_inside_the_window_gets_an_appointment_ticket_in_the_citizens_language) {
    auto a = ask(check_in("APP-TODAY"));
    ASSERT_TRUE(a.has_reply()) << a.DebugString();
    auto const& t = a.reply().issued_ticket();
    EXPECT_EQ("A001", t.number());
    EXPECT_EQ("passport", t.service_id());
    EXPECT_EQ(v1::PRIORITY_CLASS_APPOINTMENT, t.priority());
    EXPECT_EQ("az", t.language());
    EXPECT_EQ(32u, t.token().size());
    EXPECT_EQ(core::booking_state::checked_in, state_of(today_token_));
    // Checked in once: the same code again finds no active booking, and says only that.
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_UNKNOWN, ask(check_in("APP-TODAY")).error().code());
    EXPECT_EQ(1u, centre_.state().tickets().size());
}

// The hall sees the checked-in ticket as any other: its number and service, no class, nothing of
// the booking.
TEST_F(check_in_test, a_board_sees_the_appointment_ticket_issued_like_any_other) {
    std::vector<v1::ServerMessage> frames;
    M follow;
    follow.set_request_id(900);
    follow.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    identity board{.kind = role::board, .user = "public board"};
    dispatch_.handle(board, follow, {&frames, [](v1::ServerMessage const&) {}, [&](std::shared_ptr<std::string const> f) {
                                         frames.emplace_back().ParseFromString(*f);
                                     }});
    ask(check_in("APP-TODAY"));
    for (int i = 0; i < 50 && (frames.empty() || !frames.back().has_events()); ++i) io_.run_for(10ms), io_.restart();
    ASSERT_FALSE(frames.empty());
    ASSERT_TRUE(frames.back().has_events()) << frames.back().DebugString();
    std::vector<std::string> issued;
    for (auto const& e : frames.back().events().events())
        if (e.has_ticket_issued()) issued.push_back(e.ticket_issued().ShortDebugString());
    EXPECT_EQ(std::vector<std::string>{R"(number: "A001" service_id: "passport")"}, issued);
}

TEST_F(check_in_test, the_qr_codes_token_checks_in_once_and_then_says_it_was_used) {
    now_ = today(10h + 40min);  // the window's last minute: both ends count
    EXPECT_EQ("A001", ask(check_in(to_hex(today_token_))).reply().issued_ticket().number());
    auto again = ask(check_in(to_hex(today_token_)));
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_NOT_ACTIVE, again.error().code()) << again.DebugString();
}

TEST_F(check_in_test, too_early_says_when_to_come_back_in_the_centres_time_and_writes_nothing) {
    now_ = today(8h + 5min);
    auto before = log_.durable_events();
    auto a = ask(check_in("APP-TODAY"));
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_TOO_EARLY, a.error().code()) << a.DebugString();
    EXPECT_EQ(unix_ms(today(10h)), a.error().check_in_from_ms());
    EXPECT_EQ("Check-in for this booking opens at 10:00.", a.error().message());
    EXPECT_EQ(before, log_.durable_events());
    EXPECT_EQ(core::booking_state::active, state_of(today_token_));
}

TEST_F(check_in_test, too_late_lapses_the_booking_and_offers_a_walk_in_ticket_for_its_service) {
    now_ = today(10h + 41min);
    auto a = ask(check_in("APP-TODAY"));
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_LAPSED, a.error().code()) << a.DebugString();
    EXPECT_EQ("passport", a.error().service_id());
    EXPECT_EQ(core::booking_state::lapsed, state_of(today_token_));
    EXPECT_TRUE(centre_.state().tickets().empty());
    M walk_in;
    walk_in.mutable_issue_ticket()->set_service_id(a.error().service_id());
    EXPECT_EQ("A001", ask(walk_in).reply().issued_ticket().number());
}

// A guesser typing codes learns nothing of other days: tomorrow's booking by its reference is
// answered exactly as a code that was never booked. Its QR token, a secret, is told the day.
TEST_F(check_in_test, a_typed_code_of_another_day_is_answered_as_no_booking_at_all) {
    auto tomorrow = ask(check_in("APP-TOMORROW"));
    auto never = ask(check_in("APP-NEVER"));
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_UNKNOWN, tomorrow.error().code()) << tomorrow.DebugString();
    tomorrow.set_request_id(never.request_id());
    EXPECT_EQ(never.SerializeAsString(), tomorrow.SerializeAsString());
    auto by_token = ask(check_in(to_hex(tomorrow_token_)));
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_TOO_EARLY, by_token.error().code());
    EXPECT_EQ("Check-in for this booking opens at 2024-10-05 10:00.", by_token.error().message());
}

TEST_F(check_in_test, a_retry_with_the_same_key_gets_the_same_ticket) {
    auto m = check_in("APP-TODAY");
    m.set_idempotency_key("kiosk-1/42");
    auto first = ask(m);
    auto retry = ask(m);
    EXPECT_EQ(first.reply().issued_ticket().token(), retry.reply().issued_ticket().token());
    EXPECT_EQ(1u, centre_.state().tickets().size());
}

// A stranger at the kiosk: a huge code is refused before anything is looked up, and a flood of
// made-up codes from one address is answered later and later while another kiosk is not slowed.
TEST_F(check_in_test, a_huge_code_is_refused_and_a_flood_of_guesses_slows_that_address_only) {
    auto huge = ask(check_in(std::string(1 << 20, '7')));
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, huge.error().code());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, ask(check_in(std::string(65, 'A'))).error().code());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, ask(check_in("")).error().code());
    auto const started = std::chrono::steady_clock::now();
    for (int i = 0; i < 6; ++i) EXPECT_EQ(v1::ERROR_CODE_BOOKING_UNKNOWN, ask(check_in("GUESS-" + std::to_string(i))).error().code());
    // 3 free, then 250 + 500 + 1000 ms.
    EXPECT_GE(std::chrono::steady_clock::now() - started, 1750ms);
    identity other = kiosk_;
    other.address = "10.0.0.8";
    auto const quick = std::chrono::steady_clock::now();
    EXPECT_EQ("A001", ask(check_in("APP-TODAY"), other).reply().issued_ticket().number());
    EXPECT_LT(std::chrono::steady_clock::now() - quick, 1000ms);
    EXPECT_EQ(core::booking_state::active, state_of(tomorrow_token_));
    EXPECT_EQ(1u, centre_.state().tickets().size());
}

TEST_F(check_in_test, the_local_time_is_a_clock_today_and_a_date_and_clock_otherwise) {
    auto rules = config().rules;
    EXPECT_EQ("10:00", local_time(today(10h), today(9h), rules));
    EXPECT_EQ("2024-10-05 09:30", local_time(today(24h + 9h + 30min), today(9h), rules));
}

}  // namespace
}  // namespace novbe::net
