// The engine's rules over the wire: a counter belongs to its clerk until a manager takes it
// over; no tickets once the centre is closed; one DayClosed a day whatever the restarts.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"
#include "core/event.hpp"
#include "store/database.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace novbe::testing {
namespace {

ws_client signed_in(server_process& p, v1::Role role, std::string const& user, std::string const& secret) {
    ws_client c(p.port());
    EXPECT_TRUE(c.hello(role, user, secret).has_reply());
    return c;
}

v1::ClientMessage take_over(std::uint32_t counter, std::string const& reason) {
    v1::ClientMessage m;
    m.mutable_take_over_counter()->set_counter(counter);
    m.mutable_take_over_counter()->set_reason(reason);
    m.mutable_take_over_counter()->set_reason_code("clerk_absent");
    return m;
}

// "called=1 served=0" for one user in the day's figures, as the manager's GetStatistics says.
std::string figures_of(ws_client& manager, std::string const& user) {
    v1::ClientMessage m;
    m.mutable_get_statistics();
    auto stats = manager.request(m).reply().statistics();
    for (auto const& f : stats.by_clerk())
        if (f.key() == user) return "called=" + std::to_string(f.called()) + " served=" + std::to_string(f.served());
    return "none";
}

v1::ClientMessage subscribe(v1::View view) {
    v1::ClientMessage m;
    m.mutable_subscribe()->set_view(view);
    return m;
}

// "counter 1 by 'leyla' serving" for the next event a subscriber hears.
std::string next_counter_change(ws_client& c) {
    auto m = c.receive();
    if (!m || !m->has_events() || m->events().events_size() == 0) return "no event";
    auto const& e = m->events().events(0);
    if (!e.has_counter_changed()) return "not a counter change";
    auto const& view = e.counter_changed().counter();
    return "counter " + std::to_string(view.number()) + " by '" + view.clerk() + "' " + v1::CounterStatus_Name(view.status());
}

std::int64_t day_closes_in_log(server_process const& p) {
    store::database db(p.folder() + "/centre.db", false);
    auto kind = core::event{core::day_closed{}}.index();
    return db.query_int("SELECT count(*) FROM events WHERE kind = " + std::to_string(kind));
}

TEST(rules, another_clerk_is_refused_and_a_manager_takes_the_counter_over) {
    server_process process;
    app::add_user(process.folder() + "/centre.toml", "bora", net::role::clerk, "bora-secret-1");
    process.start();
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    kiosk.request(issue("passport"));
    auto anna = signed_in(process, v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    auto bora = signed_in(process, v1::ROLE_CLERK, "bora", "bora-secret-1");
    auto leyla = signed_in(process, v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    using C = v1::ClientMessage;

    ASSERT_TRUE(anna.request(counter_command(&C::mutable_open_counter, 1)).has_reply());
    auto refused = bora.request(counter_command(&C::mutable_call_next, 1));
    EXPECT_EQ("ERROR_CODE_COUNTER_NOT_YOURS", error_name(refused));
    EXPECT_NE(std::string::npos, refused.error().message().find("anna")) << refused.error().message();
    EXPECT_EQ("ERROR_CODE_COUNTER_NOT_YOURS", error_name(leyla.request(counter_command(&C::mutable_call_next, 1))));
    ASSERT_TRUE(anna.request(counter_command(&C::mutable_call_next, 1)).has_reply());
    ASSERT_TRUE(anna.request(counter_command(&C::mutable_start_serving, 1)).has_reply());

    ws_client board(process.port());
    board.hello(v1::ROLE_BOARD);
    ASSERT_TRUE(board.request(subscribe(v1::VIEW_BOARD)).has_snapshot());
    auto dashboard = signed_in(process, v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    ASSERT_TRUE(dashboard.request(subscribe(v1::VIEW_DASHBOARD)).has_snapshot());

    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(bora.request(take_over(1, "mine now"))));
    EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT", error_name(leyla.request(take_over(1, ""))));
    auto taken = leyla.request(take_over(1, "anna was called away"));
    ASSERT_TRUE(taken.has_reply()) << taken.DebugString();
    EXPECT_EQ("leyla", taken.reply().counter().clerk());
    // Dashboards hear who has the counter now; boards only that it is still serving.
    EXPECT_EQ("counter 1 by 'leyla' COUNTER_STATUS_SERVING", next_counter_change(dashboard));
    EXPECT_EQ("counter 1 by '' COUNTER_STATUS_SERVING", next_counter_change(board));
    EXPECT_EQ("ERROR_CODE_COUNTER_NOT_YOURS", error_name(anna.request(counter_command(&C::mutable_complete_service, 1))));
    EXPECT_TRUE(leyla.request(counter_command(&C::mutable_complete_service, 1)).has_reply());
    EXPECT_TRUE(leyla.request(counter_command(&C::mutable_close_counter, 1)).has_reply());

    EXPECT_EQ("called=1 served=0", figures_of(leyla, "anna"));
    EXPECT_EQ("called=0 served=1", figures_of(leyla, "leyla"));
    EXPECT_EQ("none", figures_of(leyla, "bora"));
}

TEST(rules, no_tickets_after_close_day_and_one_day_close_across_a_restart) {
    server_process process;
    process.start();
    {
        ws_client kiosk(process.port());
        kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        EXPECT_TRUE(kiosk.request(issue("notary")).has_reply());
        auto leyla = signed_in(process, v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
        v1::ClientMessage close;
        close.mutable_close_day();
        EXPECT_TRUE(leyla.request(close).has_reply());
        auto refused = kiosk.request(issue("notary"));
        EXPECT_EQ("ERROR_CODE_CENTRE_CLOSED", error_name(refused));
        auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
        EXPECT_GT(refused.error().opens_at_ms(), now_ms);  // tomorrow's opening
        EXPECT_TRUE(leyla.request(close).has_reply());  // a second CloseDay changes nothing
    }
    EXPECT_EQ(0, process.stop());
    process.start();
    {
        ws_client kiosk(process.port());
        kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        EXPECT_EQ("ERROR_CODE_CENTRE_CLOSED", error_name(kiosk.request(issue("notary"))));  // still closed
    }
    EXPECT_EQ(0, process.stop());
    EXPECT_EQ(1, day_closes_in_log(process));
}

// Closing time passed a minute ago: the server closes the day at start, and not again after a
// restart, however often it ticks.
TEST(rules, the_server_closes_the_day_at_closing_time_once_across_restarts) {
    using namespace std::chrono;
    auto local = floor<minutes>(system_clock::now() + hours(4));  // the demo centre is in Asia/Baku, UTC+4
    auto minute = (local - floor<days>(local)).count();
    if (minute < 2) GTEST_SKIP() << "the first minutes of the local day leave no closing time behind";
    auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    server_process process;
    process.hours("00:00", two((minute - 1) / 60) + ":" + two((minute - 1) % 60));
    process.start();
    {
        ws_client kiosk(process.port());
        kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        EXPECT_EQ("ERROR_CODE_CENTRE_CLOSED", error_name(kiosk.request(issue("notary"))));
    }
    EXPECT_EQ(0, process.stop());
    EXPECT_NE(std::string::npos, process.log().find("closing time"));
    process.start();
    {
        ws_client kiosk(process.port());
        kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        EXPECT_EQ("ERROR_CODE_CENTRE_CLOSED", error_name(kiosk.request(issue("notary"))));
    }
    EXPECT_EQ(0, process.stop());
    EXPECT_EQ(1, day_closes_in_log(process));
}

}  // namespace
}  // namespace novbe::testing
