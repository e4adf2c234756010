// Migration 5 -> 6 (docs/CENTRAL.md#schema): the batch's projection made set-wise. A centre's
// days forwarded under version 5 (the event-by-event projection) keep their rows through the
// migration, and the same events forwarded under version 6, in the same batches, make the same
// tickets, figures and counters to the digit: transfers (a clerk's and a manager's), recalls,
// a takeover, no-show, cancellation, rating, a target changed within a batch, a day closed and
// the next one started.
#include "forward/central_schema.hpp"
#include "pg_cluster.hpp"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace novbe::testing {
namespace {

struct event {
    std::string day;  // "2026-12-01"
    std::string kind;
    std::string fields;
};

std::string service(std::string const& id, long target_ms) {
    return R"({"service": {"id": ")" + id + R"(", "prefix": "X", "names": {"en": ")" + id + R"("}, "target_wait_ms": ")" +
           std::to_string(target_ms) + R"("}, "by": "root"})";
}
std::string ticket(int t, std::string const& more = "") { return R"({"ticket": )" + std::to_string(t) + more + "}"; }
std::string issued(int t, std::string const& s) {
    return ticket(t, R"(, "service": ")" + s + R"(", "sequence": )" + std::to_string(t) + R"(, "estimated_wait_ms": "120000")");
}
std::string at(int t, int counter, std::string const& clerk = "") {
    return ticket(t, ", \"counter\": " + std::to_string(counter) + (clerk.empty() ? "" : R"(, "clerk": ")" + clerk + "\""));
}

std::string const d1 = "2026-12-01", d2 = "2026-12-02";
// Four batches, each inserted in one statement as the forwarder's COPY is.
std::vector<std::vector<event>> const batches = {
    {{d1, "day_started", R"({"day": 20788})"}, {d1, "service_set", service("a", 600'000)}, {d1, "service_set", service("b", 600'000)},
     {d1, "counter_set", R"({"counter": {"number": 1, "name": "One"}, "by": "root"})"},
     {d1, "counter_set", R"({"counter": {"number": 2, "name": "Two"}, "by": "root"})"},
     {d1, "counter_opened", R"({"counter": 1, "clerk": "anna"})"}, {d1, "counter_opened", R"({"counter": 2, "clerk": "bo"})"},
     {d1, "ticket_issued", issued(1, "a")}, {d1, "ticket_issued", issued(2, "a")}, {d1, "ticket_issued", issued(3, "b")}},
    {{d1, "ticket_called", at(1, 1, "anna")}, {d1, "ticket_recalled", at(1, 1)}, {d1, "service_started", at(1, 1)},
     {d1, "ticket_transferred", ticket(1, R"(, "counter": 1, "to": "b", "reason": "")")},
     {d1, "ticket_called", at(2, 2, "bo")},
     {d1, "counter_taken_over", R"({"counter": 2, "from_clerk": "bo", "to_user": "carl", "reason": "x"})"},
     {d1, "ticket_no_show", at(2, 2)}, {d1, "ticket_called", at(1, 1, "anna")}, {d1, "ticket_recalled", at(1, 1)},
     {d1, "ticket_called", at(3, 2, "carl")}, {d1, "ticket_issued", issued(4, "b")},
     {d1, "ticket_transferred", ticket(4, R"(, "counter": 0, "to": "a", "reason": "moved")")}, {d1, "ticket_cancelled", ticket(4)}},
    {{d1, "service_started", at(1, 1)}, {d1, "service_completed", at(1, 1)}, {d1, "ticket_rated", ticket(1, R"(, "score": 4)")},
     {d1, "service_set", service("b", 1)}, {d1, "ticket_issued", issued(5, "b")}, {d1, "ticket_called", at(5, 1, "anna")},
     {d1, "service_started", at(3, 2)}, {d1, "counter_paused", R"({"counter": 2, "reason": "tea"})"},
     {d1, "ticket_issued", issued(6, "a")}, {d1, "ticket_rated", ticket(1, R"(, "score": 2)")}},
    {{d1, "day_closed", "{}"}, {d1, "counter_closed", R"({"counter": 1})"}, {d2, "day_started", R"({"day": 20789})"},
     {d2, "ticket_issued", issued(1, "a")}, {d2, "ticket_called", at(1, 2, "carl")}},
};

void forward(pg_cluster& pg, std::string const& centre) {
    int seq = 0;
    for (auto const& batch : batches) {
        std::string sql = "INSERT INTO events (centre_id, seq, day, at_ms, kind, fields) VALUES ";
        for (auto const& e : batch) {
            ++seq;
            sql += (sql.back() == ' ' ? "('" : ", ('") + centre + "', " + std::to_string(seq) + ", '" + e.day + "', " +
                   std::to_string(1'796'100'000'000 + seq * 60'000LL) + ", '" + e.kind + "', '" + e.fields + "'::jsonb)";
        }
        pg.query(sql);
    }
}

std::string rows(pg_cluster& pg, std::string const& centre) {
    return pg.query("SELECT day, ticket, service, current_service, sequence, issued_ms, estimated_wait_ms, called_ms, counter, clerk, "
                    "started_ms, ended_ms, state, rating, transfers, recalls, joined_ms FROM tickets WHERE centre_id = '" + centre +
                    "' ORDER BY day, ticket") + "\n" +
           pg.query("SELECT day, service, issued, transferred_in, called, served, no_shows, transferred_out, cancelled, "
                    "closed_unserved, within_target, wait_sum_ms, wait_max_ms, ratings, rating_sum FROM service_days "
                    "WHERE centre_id = '" + centre + "' ORDER BY day, service") + "\n" +
           pg.query("SELECT counter, name, state, clerk FROM counters WHERE centre_id = '" + centre + "' ORDER BY counter");
}

TEST(central, migration_6_projects_each_batch_set_wise_as_version_5_did_event_by_event) {
    pg_cluster pg;
    {
        pqxx::connection c(pg.connection());
        novbe::forward::prepare_central_schema(c, 5);
    }
    pg.query("INSERT INTO centres (centre_id, identity) VALUES ('five', 'x'), ('six', 'y')");
    forward(pg, "five");
    auto const by_version_5 = rows(pg, "five");
    {
        pqxx::connection c(pg.connection());
        novbe::forward::prepare_central_schema(c);
    }
    EXPECT_EQ("6", pg.query("SELECT version FROM schema_version"));
    EXPECT_EQ(by_version_5, rows(pg, "five"));  // the migration leaves the rows made before it
    forward(pg, "six");
    EXPECT_EQ(by_version_5, rows(pg, "six"));
    // What both say, as a report reads it: ticket 1 was transferred to b, recalled once in its
    // new stay, served and rated twice (the last counts); 2 was a no-show credited to carl, who
    // took counter 2 over; b had three tickets issued (4 moved on to a) and one transferred in, and
    // of its three calls 5's alone was past its target, 1 ms since the batch that called it.
    EXPECT_EQ("b|done|1|1|2|anna", pg.query("SELECT current_service, state, transfers, recalls, rating, clerk FROM tickets "
                                            "WHERE centre_id = 'six' AND day = '2026-12-01' AND ticket = 1"));
    EXPECT_EQ("no_show|carl", pg.query("SELECT state, clerk FROM tickets WHERE centre_id = 'six' AND day = '2026-12-01' AND ticket = 2"));
    EXPECT_EQ("b|3|1|3|2|1", pg.query("SELECT service, issued, transferred_in, called, within_target, served FROM service_days "
                                      "WHERE centre_id = 'six' AND day = '2026-12-01' AND service = 'b'"));
    EXPECT_EQ("3|closed\n5|closed\n6|closed", pg.query("SELECT ticket, state FROM tickets WHERE centre_id = 'six' AND day = '2026-12-01' "
                                                       "AND state = 'closed' ORDER BY ticket"));
}

}  // namespace
}  // namespace novbe::testing
