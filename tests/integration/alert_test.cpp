// Alerts before a breach with a real server (docs/DOMAIN.md#alerts-before-a-breach): a line
// predicted to pass its target raises an alert, on the server's own 15-second tick, that a
// dashboard hears live and finds in the figures, naming the counter that would help; the
// counter opening for it ends the alert on a later tick. Each wait is for what it checks,
// bounded by three ticks.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <thread>

namespace novbe::testing {
namespace {

using namespace std::chrono_literals;
constexpr auto three_ticks = 50s;

v1::ClientMessage get_statistics() {
    v1::ClientMessage m;
    m.mutable_get_statistics();
    return m;
}

// The line's alert in the figures, asked for twice a second until `wanted` says yes (or the bound).
std::optional<v1::LineAlert> alert_when(ws_client& manager, std::string const& service, bool raised) {
    auto deadline = std::chrono::steady_clock::now() + three_ticks;
    while (std::chrono::steady_clock::now() < deadline) {
        std::optional<v1::LineAlert> found;
        auto answer = manager.request(get_statistics());
        for (auto const& a : answer.reply().statistics().alerts())
            if (a.service_id() == service) found = a;
        if (found.has_value() == raised) return found;
        std::this_thread::sleep_for(500ms);
    }
    throw std::runtime_error("the alert of " + service + " did not " + (raised ? "rise" : "end") + " within three ticks");
}

// The next AlertChanged a dashboard hears for `service`; nullopt if none within the bound. The
// dashboard asks for its figures each second meanwhile, so that every read has an answer coming
// (a read that times out closes the client's stream), and the events come in between.
std::optional<v1::LineAlert> next_alert_event(ws_client& dashboard, std::string const& service) {
    static std::uint64_t next_id = 1000;  // apart from the client's own request ids
    auto deadline = std::chrono::steady_clock::now() + three_ticks;
    while (std::chrono::steady_clock::now() < deadline) {
        auto ask = get_statistics();
        ask.set_request_id(++next_id);
        dashboard.send(ask);
        for (;;) {
            auto m = dashboard.receive();
            if (!m) return std::nullopt;
            if (m->has_events())
                for (auto const& e : m->events().events())
                    if (e.has_alert_changed() && e.alert_changed().service_id() == service) return e.alert_changed();
            if (m->request_id() == next_id && m->has_reply()) break;
        }
        std::this_thread::sleep_for(1s);
    }
    return std::nullopt;
}

TEST(alert, a_line_nobody_serves_raises_an_alert_naming_its_counter_and_opening_that_counter_ends_it) {
    server_process process;
    process.start();
    ws_client leyla(process.port());
    ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
    ws_client dashboard(process.port());
    ASSERT_TRUE(dashboard.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
    v1::ClientMessage subscribe;
    subscribe.mutable_subscribe()->set_view(v1::VIEW_DASHBOARD);
    ASSERT_TRUE(dashboard.request(subscribe).has_snapshot());

    // Property registration (demo: target 20 min, counter 6 only, closed): a citizen waits and
    // nobody will call them, so the target passes 20 minutes from now, inside the horizon.
    ws_client kiosk(process.port());
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply());
    ASSERT_TRUE(kiosk.request(issue("property")).reply().has_issued_ticket());

    auto live = next_alert_event(dashboard, "property");
    ASSERT_TRUE(live) << "the dashboard hears the alert";
    EXPECT_EQ(v1::ALERT_LEVEL_TARGET, live->level());
    ASSERT_EQ(1, live->could_open_size());
    EXPECT_EQ(6u, live->could_open(0)) << "the advice: open counter 6";
    EXPECT_EQ(1u, live->counters_needed());
    auto raised = alert_when(leyla, "property", true);
    ASSERT_TRUE(raised);
    EXPECT_EQ(v1::ALERT_LEVEL_TARGET, raised->level());
    EXPECT_GT(raised->breach_at_ms(), 0);

    ws_client anna(process.port());
    ASSERT_TRUE(anna.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret).has_reply());
    ASSERT_TRUE(anna.request(counter_command(&v1::ClientMessage::mutable_open_counter, 6)).reply().has_counter());

    auto ended = next_alert_event(dashboard, "property");
    ASSERT_TRUE(ended) << "the dashboard hears the alert end";
    EXPECT_EQ(v1::ALERT_LEVEL_UNSPECIFIED, ended->level());
    EXPECT_FALSE(alert_when(leyla, "property", false)) << "and the figures no longer carry it";
    EXPECT_EQ(0, process.stop());
}

}  // namespace
}  // namespace novbe::testing
