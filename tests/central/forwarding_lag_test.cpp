// The centre dashboard's forwarding line (GetForwarding, docs/CENTRAL.md#lag) against a real
// PostgreSQL that is stopped and started again: in step, then unreachable since the first
// failure with the events that wait, then in step again once it is back.
#include "central_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace novbe::testing {
namespace {

using namespace central_support;

v1::Forwarding forwarding(ws_client& manager) {
    M m;
    m.mutable_get_forwarding();
    return manager.request(m).reply().forwarding();
}

// Asks every 100 ms until `ok` holds (20 s at most); the last answer either way.
v1::Forwarding wait_for(ws_client& manager, std::function<bool(v1::Forwarding const&)> const& ok) {
    auto f = forwarding(manager);
    for (auto until = std::chrono::steady_clock::now() + 20s; !ok(f) && std::chrono::steady_clock::now() < until;) {
        std::this_thread::sleep_for(100ms);
        f = forwarding(manager);
    }
    return f;
}

ws_client manager_of(server_process const& p) {
    ws_client c(p.port());
    c.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    return c;
}

TEST(central, the_dashboard_is_told_the_lag_and_since_when_the_central_database_is_unreachable) {
    pg_cluster pg;
    server_process p;
    p.configure(central_config(pg, "baku-1"));
    p.start();
    auto manager = manager_of(p);
    EXPECT_EQ("D001", issue_one(p));
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    auto f = wait_for(manager, [](auto const& g) { return g.configured() && g.lag_events() == 0; });
    EXPECT_TRUE(f.configured());
    EXPECT_EQ(0u, f.lag_events());
    EXPECT_EQ(0, f.unreachable_since_ms());

    auto const before = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    auto const forwarded = std::stoull(local_rows(p, "SELECT max(seq) FROM events"));
    pg.stop();
    for (int i = 2; i <= 4; ++i) EXPECT_EQ("D00" + std::to_string(i), issue_one(p));
    auto const issued = std::stoull(local_rows(p, "SELECT max(seq) FROM events")) - forwarded;
    f = wait_for(manager, [&](auto const& g) { return g.unreachable_since_ms() > 0 && g.lag_events() == issued; });
    EXPECT_EQ(issued, f.lag_events()) << f.DebugString();
    EXPECT_GE(f.unreachable_since_ms(), before - 1000) << f.DebugString();  // the server's clock, this machine's
    EXPECT_FALSE(f.problem().empty());
    EXPECT_FALSE(f.stopped());
    f = wait_for(manager, [](auto const& g) { return g.lag_seconds() >= 1; });
    EXPECT_GE(f.lag_seconds(), 1) << f.DebugString();  // the oldest waiting event ages

    pg.start();
    f = wait_for(manager, [](auto const& g) { return g.unreachable_since_ms() == 0 && g.lag_events() == 0; });
    EXPECT_EQ(0u, f.lag_events()) << f.DebugString();
    EXPECT_EQ(0, f.unreachable_since_ms());
    EXPECT_TRUE(f.problem().empty());
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    EXPECT_EQ(0, p.stop());
}

TEST(central, the_dashboard_is_told_when_no_central_database_is_configured) {
    server_process p;
    p.start();
    auto manager = manager_of(p);
    auto f = forwarding(manager);
    EXPECT_FALSE(f.configured());
    EXPECT_EQ(0u, f.lag_events());
    EXPECT_EQ(0, p.stop());
}

}  // namespace
}  // namespace novbe::testing
