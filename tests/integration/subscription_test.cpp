// Boards and dashboards: a snapshot with a sequence, then every durable event in order, once;
// a reconnect with the last sequence gets exactly what was missed. Boards see nothing personal.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

// Sequences count from the file's seed events (docs/SETUP.md).
constexpr std::uint64_t seed = server_process::seed_events;
std::string at(std::uint64_t n) { return std::to_string(seed + n); }

using M = v1::ClientMessage;

v1::ClientMessage subscribe(v1::View view, std::uint64_t after = 0, std::vector<std::string> services = {}) {
    M m;
    m.mutable_subscribe()->set_view(view);
    m.mutable_subscribe()->set_after_sequence(after);
    for (auto& s : services) m.mutable_subscribe()->add_service_ids(s);
    return m;
}

class subscriptions : public ::testing::Test {
protected:
    void SetUp() override {
        process.start();
        kiosk = std::make_unique<ws_client>(process.port());
        kiosk->hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        clerk = std::make_unique<ws_client>(process.port());
        clerk->hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    }
    // Reads event batches until `want` events arrived; their description.
    std::string events(ws_client& c, std::size_t want, std::vector<std::uint64_t>& sequences) {
        std::string out;
        while (sequences.size() < want) {
            auto m = c.receive();
            if (!m) return out + "(closed)";
            EXPECT_TRUE(m->has_events()) << m->DebugString();
            out += describe(m->events(), sequences);
        }
        return out;
    }
    void serve_one(std::string const& service, std::uint32_t counter) {
        kiosk->request(issue(service));
        clerk->request(counter_command(&M::mutable_call_next, counter));
        clerk->request(counter_command(&M::mutable_start_serving, counter));
        clerk->request(counter_command(&M::mutable_complete_service, counter));
    }

    server_process process;
    std::unique_ptr<ws_client> kiosk, clerk;
};

TEST_F(subscriptions, a_board_gets_a_snapshot_then_each_durable_event_once_in_order) {
    kiosk->request(issue("passport"));  // before the board: in its snapshot
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto first = board.request(subscribe(v1::VIEW_BOARD));
    ASSERT_TRUE(first.has_snapshot()) << first.DebugString();
    auto const& shot = first.snapshot();
    EXPECT_EQ(seed + 2u, shot.sequence());  // the file's users and devices, the day began, A001 was issued
    EXPECT_EQ(7, shot.lines_size());
    EXPECT_EQ(1u, shot.lines(0).waiting());
    EXPECT_EQ(8, shot.counters_size());

    clerk->request(counter_command(&M::mutable_open_counter, 2));
    clerk->request(counter_command(&M::mutable_call_next, 2));
    std::vector<std::uint64_t> seen;
    EXPECT_EQ("counter 2 by ''; A001 to 2; ", events(board, 2, seen));  // no clerk's name on a board
    EXPECT_EQ((std::vector<std::uint64_t>{seed + 3, seed + 4}), seen);
}

TEST_F(subscriptions, a_board_never_hears_ratings_and_a_dashboard_hears_everything) {
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    ASSERT_TRUE(board.request(subscribe(v1::VIEW_BOARD)).has_snapshot());
    ws_client manager(process.port());
    manager.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    auto shot = manager.request(subscribe(v1::VIEW_DASHBOARD));
    ASSERT_TRUE(shot.snapshot().has_statistics()) << shot.DebugString();

    clerk->request(counter_command(&M::mutable_open_counter, 1));
    auto token = kiosk->request(issue("passport")).reply().issued_ticket().token();
    clerk->request(counter_command(&M::mutable_call_next, 1));
    clerk->request(counter_command(&M::mutable_start_serving, 1));
    clerk->request(counter_command(&M::mutable_complete_service, 1));
    ws_client phone(process.port());
    phone.hello(v1::ROLE_TICKET_HOLDER, token);
    M rate;
    rate.mutable_rate_service()->set_ticket_token(token);
    rate.mutable_rate_service()->set_score(4);
    phone.request(rate);

    std::vector<std::uint64_t> dashboard_seen, board_seen;
    EXPECT_EQ("day; counter 1 by 'anna'; A001 issued; A001 to 1; A001 done; A001 rated; ",
              events(manager, 7, dashboard_seen));
    // Boards hear no ratings, and nothing of service starting (nothing a board shows changes).
    EXPECT_EQ("day; counter 1 by ''; A001 issued; A001 to 1; A001 done; ", events(board, 5, board_seen));
}

TEST_F(subscriptions, a_zone_shows_only_its_services) {
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto shot = board.request(subscribe(v1::VIEW_BOARD, 0, {"notary"}));
    ASSERT_EQ(1, shot.snapshot().lines_size());
    kiosk->request(issue("passport"));
    kiosk->request(issue("notary"));
    std::vector<std::uint64_t> seen;
    EXPECT_EQ("day; D001 issued; ", events(board, 2, seen));
    EXPECT_EQ("ERROR_CODE_UNKNOWN_SERVICE", error_name(board.request(subscribe(v1::VIEW_BOARD, 0, {"tax"}))));
}

TEST_F(subscriptions, a_board_that_reconnects_gets_exactly_what_it_missed) {
    std::uint64_t last = 0;
    {
        ws_client board(process.port());
        board.hello(v1::ROLE_BOARD);
        last = board.request(subscribe(v1::VIEW_BOARD)).snapshot().sequence();
        kiosk->request(issue("utilities"));
        std::vector<std::uint64_t> seen;
        events(board, 2, seen);
        last = seen.back();
    }
    kiosk->request(issue("utilities"));  // while the board is away
    kiosk->request(issue("utilities"));
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto resumed = board.request(subscribe(v1::VIEW_BOARD, last));
    ASSERT_TRUE(resumed.has_events()) << resumed.DebugString();
    std::vector<std::uint64_t> seen;
    EXPECT_EQ("F002 issued; F003 issued; ", describe(resumed.events(), seen));
    EXPECT_EQ((std::vector<std::uint64_t>{last + 1, last + 2}), seen);
    EXPECT_EQ(last + 1, resumed.events().first_sequence());  // right after the sequence given
    EXPECT_EQ(last + 2, resumed.events().last_sequence());
    kiosk->request(issue("utilities"));  // and then live, without a gap
    EXPECT_EQ("F004 issued; ", events(board, 3, seen));
    EXPECT_EQ(last + 3, seen.back());
}

// "3-5: D001 issued; " per batch: the log range it covers, then what it shows.
std::string ranges(ws_client& c, std::string const& until, std::uint64_t& last) {
    std::string out;
    while (out.find(until) == std::string::npos) {
        auto m = c.receive();
        if (!m) return out + "(closed)";
        if (!m->has_events()) return out + "(not events: " + m->ShortDebugString() + ")";
        std::vector<std::uint64_t> sequences;
        out += std::to_string(m->events().first_sequence()) + "-" + std::to_string(m->events().last_sequence()) +
               ": " + describe(m->events(), sequences);
        last = m->events().last_sequence();
    }
    return out;
}

TEST_F(subscriptions, a_zone_that_filters_events_sees_ranges_that_join_without_a_hole) {
    kiosk->request(issue("utilities"));  // 1 the day, 2 F001: before the board
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto shot = board.request(subscribe(v1::VIEW_BOARD, 0, {"notary"}));
    ASSERT_EQ(seed + 2u, shot.snapshot().sequence()) << shot.DebugString();
    for (auto service : {"passport", "passport", "notary", "passport", "notary"}) kiosk->request(issue(service));
    std::uint64_t last = 0;
    // Passport's events (3, 4, 6) are not shown, yet each range starts where the one before ended.
    EXPECT_EQ(at(3) + "-" + at(5) + ": D001 issued; " + at(6) + "-" + at(7) + ": D002 issued; ", ranges(board, "D002", last));
}

TEST_F(subscriptions, a_resume_covers_the_log_from_the_sequence_given_even_with_nothing_to_show) {
    kiosk->request(issue("utilities"));  // 1, 2
    kiosk->request(issue("passport"));   // 3: a notary board is not shown it
    kiosk->request(issue("passport"));   // 4
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto resumed = board.request(subscribe(v1::VIEW_BOARD, seed + 2, {"notary"}));
    ASSERT_TRUE(resumed.has_events()) << resumed.DebugString();
    EXPECT_EQ(0, resumed.events().events_size());
    EXPECT_EQ(seed + 3u, resumed.events().first_sequence());
    EXPECT_EQ(seed + 4u, resumed.events().last_sequence());
    kiosk->request(issue("notary"));  // 5: live, joining on
    std::uint64_t last = 0;
    EXPECT_EQ(at(5) + "-" + at(5) + ": D001 issued; ", ranges(board, "D001", last));

    ws_client current(process.port());  // up to date already: an empty range, right after it
    current.hello(v1::ROLE_BOARD);
    auto nothing = current.request(subscribe(v1::VIEW_BOARD, seed + 5, {"notary"}));
    ASSERT_TRUE(nothing.has_events()) << nothing.DebugString();
    EXPECT_EQ(seed + 6u, nothing.events().first_sequence());
    EXPECT_EQ(seed + 5u, nothing.events().last_sequence());
}

TEST_F(subscriptions, an_unknown_resume_point_gets_a_fresh_snapshot) {
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto answer = board.request(subscribe(v1::VIEW_BOARD, 999'999));
    EXPECT_EQ("ERROR_CODE_SEQUENCE_TOO_OLD", error_name(answer));
    auto shot = board.receive();
    ASSERT_TRUE(shot && shot->has_snapshot());
}

TEST_F(subscriptions, a_phone_follows_its_ticket_until_it_is_called) {
    kiosk->request(issue("passport"));
    auto mine = kiosk->request(issue("passport")).reply().issued_ticket();
    kiosk->request(issue("notary"));
    ws_client phone(process.port());
    phone.hello(v1::ROLE_TICKET_HOLDER, mine.token());
    auto shot = phone.request(subscribe(v1::VIEW_TICKET));
    ASSERT_TRUE(shot.has_snapshot()) << shot.DebugString();
    EXPECT_EQ("A002", shot.snapshot().ticket().number());
    EXPECT_EQ(1u, shot.snapshot().ticket().people_ahead());
    ASSERT_EQ(1, shot.snapshot().lines_size());  // its own line only
    EXPECT_EQ("passport", shot.snapshot().lines(0).service_id());
    clerk->request(counter_command(&M::mutable_open_counter, 1));
    clerk->request(counter_command(&M::mutable_call_next, 1));
    serve_one("notary", 4);  // another line: the phone hears nothing of it
    clerk->request(counter_command(&M::mutable_start_serving, 1));
    clerk->request(counter_command(&M::mutable_complete_service, 1));
    clerk->request(counter_command(&M::mutable_call_next, 1));
    std::vector<std::uint64_t> seen;
    EXPECT_EQ("counter 1 by ''; A001 to 1; A001 done; A002 to 1; ", events(phone, 4, seen));
}

TEST_F(subscriptions, only_some_roles_may_follow_each_view) {
    EXPECT_TRUE(kiosk->request(subscribe(v1::VIEW_BOARD)).has_snapshot());  // its buttons' lines
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(kiosk->request(subscribe(v1::VIEW_DASHBOARD))));
    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(board.request(subscribe(v1::VIEW_DASHBOARD))));
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(board.request(subscribe(v1::VIEW_TICKET))));
}

}  // namespace
}  // namespace novbe::testing
