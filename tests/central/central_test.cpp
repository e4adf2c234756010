// Forwarding to a real central PostgreSQL (docs/CENTRAL.md): what arrives equals the centre's own
// log and figures, the centre serves while the central side is gone, and every kind of bad input
// is a clear log line while it goes on serving.
#include "central_support.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

using namespace central_support;

TEST(central, a_scripted_day_arrives_exactly_as_the_centre_has_it) {
    pg_cluster pg;
    server_process p;
    p.configure(central_config(pg, "baku-1", 4));  // small batches: several transactions
    p.start();
    {  // the clients close before the stop, which would otherwise wait for them
    auto k = signed_in(p, v1::ROLE_KIOSK);
    std::string token;
    for (auto const* service : {"passport", "id_card", "notary", "passport", "id_card", "notary", "notary"}) {
        auto issued = k.request(issue(service));
        if (token.empty()) token = issued.reply().issued_ticket().token();
    }
    auto c = signed_in(p, v1::ROLE_CLERK);
    c.request(counter_command(&M::mutable_open_counter, 1));
    c.request(counter_command(&M::mutable_call_next, 1));
    c.request(counter_command(&M::mutable_start_serving, 1));
    c.request(counter_command(&M::mutable_complete_service, 1));
    c.request(counter_command(&M::mutable_call_next, 1));
    c.request(counter_command(&M::mutable_mark_no_show, 1));
    c.request(counter_command(&M::mutable_call_next, 1));
    c.request(counter_command(&M::mutable_recall_ticket, 1));
    c.request(counter_command(&M::mutable_start_serving, 1));
    ws_client phone(p.port());
    phone.hello(v1::ROLE_TICKET_HOLDER, token);
    M rate;
    rate.mutable_rate_service()->set_ticket_token(token);
    rate.mutable_rate_service()->set_score(4);
    phone.request(rate);

    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    EXPECT_EQ(local_rows(p, events_sql), pg.query(central_events_sql));
    // The projection, column by column, against the centre's own report.
    auto const columns = "ordinal, service, current_service, issued_ms, called_ms, counter, clerk, started_ms, "
                         "ended_ms, state, rating, transfers, recalls";
    auto const local = local_rows(p, std::string("SELECT ") + columns + " FROM tickets ORDER BY day, ordinal");
    auto const central = pg.query("SELECT ticket, service, current_service, issued_ms, called_ms, counter, "
                                  "coalesce(clerk, ''), started_ms, ended_ms, state, rating, transfers, recalls "
                                  "FROM tickets WHERE centre_id = 'baku-1' ORDER BY day, ticket");
    EXPECT_EQ(local, central);
    EXPECT_NE(std::string::npos, central.find("|done|4|")) << central;
    EXPECT_NE(std::string::npos, central.find("|no_show|")) << central;
    // The centre's own figures, by plain SQL on the central side.
    M stats;
    stats.mutable_get_statistics();
    auto figures = c.request(stats).reply().statistics();
    std::map<std::string, std::string> by_service;
    for (auto const& s : figures.by_service())
        if (s.issued() > 0)
            by_service[s.key()] = s.key() + "|" + std::to_string(s.issued()) + "|" + std::to_string(s.served()) + "|" +
                                  std::to_string(s.no_shows());
    std::string own;
    for (auto const& [key, row] : by_service) own += (own.empty() ? "" : "\n") + row;
    EXPECT_EQ(own, pg.query("SELECT service, count(*), count(*) FILTER (WHERE state = 'done'), "
                            "count(*) FILTER (WHERE state = 'no_show') FROM tickets WHERE centre_id = 'baku-1' "
                            "GROUP BY service ORDER BY service"));
    // The ticket's token, its holder's secret, stays at the centre.
    EXPECT_EQ("0|0", pg.query("SELECT DISTINCT fields->>'token_hi', fields->>'token_lo' FROM events "
                              "WHERE kind = 'ticket_issued'"));
    // Who did what reaches the central events (docs/DOMAIN.md#audit): the clerk's calls are hers.
    EXPECT_EQ("clerk|anna", pg.query("SELECT DISTINCT actor_role, actor FROM events WHERE kind = 'ticket_called'"));
    EXPECT_EQ("kiosk", pg.query("SELECT DISTINCT actor_role FROM events WHERE kind = 'ticket_issued'"));
    EXPECT_EQ("server|server", pg.query("SELECT DISTINCT actor_role, actor FROM events WHERE kind = 'day_started'"));
    EXPECT_EQ("8", pg.query("SELECT count(*) FROM counters WHERE centre_id = 'baku-1'"));
    EXPECT_EQ("Passport", pg.query("SELECT name FROM service_names WHERE service_id = 'passport' AND language = 'en'"));
    auto [status, metrics] = http_get(p.port(), "/metrics");
    EXPECT_NE(std::string::npos, metrics.find("novbe_central_lag_events 0")) << metrics;
    }
    EXPECT_EQ(0, p.stop());
}

}  // namespace
}  // namespace novbe::testing
