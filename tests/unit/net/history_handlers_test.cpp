// GetHistory, GetForwarding and GetAudit: their checks come before any read, and a history
// sums what the log holds of earlier days with today's figures from the engine.
#include "handlers_fixture.hpp"

#include "net/command_handlers.hpp"
#include "net/read_sources.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace novbe::net {
namespace {

using testing::handlers;
using testing::M;

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
    sources_.history = [](core::day_number, core::day_number) { return store::stored_range{}; };
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
        store::stored_range rows;
        rows.days.resize(2);
        rows.days[0] = {from, "passport", {.issued = 3, .called = 2, .wait_sum = std::chrono::seconds(100), .wait_max = std::chrono::seconds(70)}};
        rows.days[1] = {from + 1, "gone", {.issued = 1}};  // a service the configuration no longer has
        rows.by_counter[1] = {.called = 4, .walks = 4, .walk_sum = std::chrono::seconds(80), .idle_waiting = std::chrono::seconds(30),
                              .pause_by_reason = {{"lunch", std::chrono::minutes(30)}}};
        rows.by_counter[7] = {.called = 1};  // a counter retired since
        rows.by_clerk["anna"] = rows.by_counter[1];
        return rows;
    };
    // Today: anna at counter 1 paused for lunch again, then for prayer.
    auto at = [&](int minutes) { return core::time_point{std::chrono::days(today)} + std::chrono::minutes(minutes); };
    centre_.apply(core::counter_opened{1, "anna", at(1)});
    centre_.apply(core::counter_paused{1, "lunch", at(2)});
    centre_.apply(core::counter_resumed{1, at(12)});
    centre_.apply(core::counter_paused{1, "prayer", at(13)});
    centre_.apply(core::counter_resumed{1, at(18)});
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
    // Counters and clerks: the log's sums over the earlier days, and today's added.
    ASSERT_EQ(2, h.by_counter_size());
    EXPECT_EQ("1", h.by_counter(0).key());
    EXPECT_EQ(20, h.by_counter(0).average_walk_s());
    EXPECT_EQ(30 + 2 * 60, h.by_counter(0).idle_waiting_s());  // today: free a minute twice while A001 waited
    ASSERT_EQ(2, h.by_counter(0).pauses_size());
    EXPECT_EQ("lunch", h.by_counter(0).pauses(0).reason());
    EXPECT_EQ(40 * 60, h.by_counter(0).pauses(0).seconds());
    EXPECT_EQ("prayer", h.by_counter(0).pauses(1).reason());
    EXPECT_EQ(5 * 60, h.by_counter(0).pauses(1).seconds());
    EXPECT_EQ("7", h.by_counter(1).key());
    ASSERT_EQ(1, h.by_clerk_size());
    EXPECT_EQ("anna", h.by_clerk(0).key());
    EXPECT_EQ(h.by_counter(0).pauses(0).seconds(), h.by_clerk(0).pauses(0).seconds());
}

TEST_F(handlers, a_history_of_earlier_days_fails_clearly_when_the_log_cannot_be_read) {
    centre_.apply(core::day_started{*day_of_date("2026-03-03"), {}});
    identity manager{.kind = role::manager, .user = "mona"};
    sources_.history = [](core::day_number, core::day_number) -> store::stored_range {
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
