// The resume window survives a restart: a board that was away while the server stopped (cleanly
// or by SIGKILL) and started again resumes from its last sequence and gets exactly the events it
// missed, before and after the restart, with no SEQUENCE_TOO_OLD and no new snapshot.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"
#include "store/event_log.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace novbe::testing {
namespace {

v1::ClientMessage subscribe_board(std::uint64_t after) {
    v1::ClientMessage m;
    m.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    m.mutable_subscribe()->set_after_sequence(after);
    return m;
}

using M = v1::ClientMessage;

class resume_after_restart : public ::testing::TestWithParam<bool> {  // true: SIGKILL, false: SIGTERM
protected:
    void connect() {
        kiosk = std::make_unique<ws_client>(process.port());
        kiosk->hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        clerk = std::make_unique<ws_client>(process.port());
        clerk->hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    }
    void restart() {
        kiosk.reset();
        clerk.reset();
        if (GetParam()) process.kill();
        else ASSERT_EQ(0, process.stop());
        process.start();
        connect();
    }

    server_process process;
    std::unique_ptr<ws_client> kiosk, clerk;
};

TEST_P(resume_after_restart, a_board_gets_exactly_what_it_missed) {
    process.start();
    connect();
    clerk->request(counter_command(&M::mutable_open_counter, 7));
    std::uint64_t last = 0;
    {
        ws_client board(process.port());
        board.hello(v1::ROLE_BOARD);
        auto first = board.request(subscribe_board(0));
        ASSERT_TRUE(first.has_snapshot()) << first.DebugString();
        last = first.snapshot().sequence();
        kiosk->request(issue("utilities"));
        auto live = board.receive();
        ASSERT_TRUE(live && live->has_events()) << (live ? live->DebugString() : "closed");
        std::vector<std::uint64_t> seen;
        EXPECT_EQ("F001 issued; ", describe(live->events(), seen));
        last = seen.back();
    }
    // While the board is away: before the restart, and after it.
    kiosk->request(issue("utilities"));
    clerk->request(counter_command(&M::mutable_call_next, 7));
    kiosk->request(issue("utilities"));
    restart();
    EXPECT_NE(std::string::npos, process.log().find("the resume window holds")) << process.log();
    kiosk->request(issue("utilities"));
    kiosk->request(issue("utilities"));

    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto resumed = board.request(subscribe_board(last));
    ASSERT_TRUE(resumed.has_events()) << "not " << error_name(resumed) << ": " << resumed.DebugString();
    std::vector<std::uint64_t> seen;
    EXPECT_EQ("F002 issued; F001 to 7; F003 issued; F004 issued; F005 issued; ", describe(resumed.events(), seen));
    std::vector<std::uint64_t> expected;
    for (std::uint64_t s = last + 1; s <= last + 5; ++s) expected.push_back(s);
    EXPECT_EQ(expected, seen) << "no gap, no repeat";
    // The line as it is now: F001 called, F002 to F005 waiting.
    ASSERT_EQ(1, resumed.events().lines_size()) << resumed.DebugString();
    EXPECT_EQ("utilities", resumed.events().lines(0).service_id());
    EXPECT_EQ(4u, resumed.events().lines(0).waiting());

    kiosk->request(issue("utilities"));  // and then live, without a gap
    auto live = board.receive();
    ASSERT_TRUE(live && live->has_events());
    EXPECT_EQ("F006 issued; ", describe(live->events(), seen));
    EXPECT_EQ(last + 6, seen.back());
}

// A log longer than the window, whose newest snapshot (the clean close's) is at its very end:
// the server recovers from an older snapshot, so a board 19,000 events behind still resumes.
TEST(resume_after_restart_far_behind, a_board_resumes_from_before_the_newest_snapshot) {
    server_process process;
    auto config = app::load_config(process.folder() + "/centre.toml").centre;
    std::vector<bool> shown{false};  // by sequence: whether a board sees that event
    {
        auto opened = store::event_log::open({.path = process.folder() + "/centre.db", .resume_window = 20'000}, config);
        auto& c = opened.centre;
        auto now = std::chrono::time_point_cast<core::duration>(std::chrono::system_clock::now()) - std::chrono::minutes(10);
        std::vector<core::event> batch;
        auto run = [&](core::command const& cmd) {
            auto outcome = c.decide(cmd, now += std::chrono::milliseconds(5));
            ASSERT_TRUE(outcome.ok());
            for (auto const& ev : outcome.events()) {
                c.apply(ev);
                batch.push_back(ev);
                shown.push_back(!std::holds_alternative<core::service_started>(ev));
            }
        };
        for (core::counter_number n = 1; n <= 3; ++n) run(core::open_counter{n, "anna"});
        for (std::uint64_t t = 1; shown.size() <= 32'000; ++t) {
            run(core::issue_ticket{0, core::priority_class::normal, "en", {9, t}});
            auto n = static_cast<core::counter_number>(1 + t % 3);
            if (c.find_counter(n)->current) {
                run(core::start_serving{n, "anna"});
                run(core::complete_service{n, "", "anna"});
            }
            run(core::call_next{n, "anna"});
            if (batch.size() >= 1000 || shown.size() > 32'000) {
                std::promise<std::error_code> done;
                opened.log->append(std::exchange(batch, {}), [&](std::error_code ec, std::uint64_t) { done.set_value(ec); });
                ASSERT_FALSE(done.get_future().get());
            }
        }
    }  // closed cleanly: a snapshot at the last event
    std::uint64_t const last = shown.size() - 1;
    auto const started = std::chrono::steady_clock::now();
    process.start();
    auto const took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_NE(std::string::npos, process.log().find("the resume window holds 20000 events")) << process.log();
    RecordProperty("start_seconds", std::to_string(took));  // debug build, sanitizers on

    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    auto const after = last - 19'000;
    auto resumed = board.request(subscribe_board(after));
    ASSERT_TRUE(resumed.has_events()) << "not " << error_name(resumed);
    std::vector<std::uint64_t> seen, expected;
    for (auto const& e : resumed.events().events()) seen.push_back(e.sequence());
    for (auto s = after + 1; s <= last; ++s)
        if (shown[s]) expected.push_back(s);
    EXPECT_EQ(expected.size(), seen.size());
    EXPECT_TRUE(expected == seen) << "exactly the missed events a board sees, in order";
}

INSTANTIATE_TEST_SUITE_P(sigterm_and_sigkill, resume_after_restart, ::testing::Values(false, true),
                         [](auto const& test) { return test.param ? "sigkill" : "sigterm"; });

}  // namespace
}  // namespace novbe::testing
