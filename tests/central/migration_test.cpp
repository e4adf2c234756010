// Migration 4 -> 5 over a version-4 database with a centre's data in it (docs/CENTRAL.md#schema):
// the older rows stay valid (no agency, not retired), what its set-up events already say is
// filled in, its tickets and figures are untouched, set-up events after it keep the reference
// tables in step, and a batch in one statement is projected in its order.
#include "forward/central_schema.hpp"
#include "pg_cluster.hpp"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

namespace novbe::testing {
namespace {

// An event as the forwarder inserts it (server/forward/forwarder.cpp), day 2026-12-01.
std::string event(int seq, std::string const& kind, std::string const& fields) {
    return "INSERT INTO events (centre_id, seq, day, at_ms, kind, fields) VALUES ('baku-1', " + std::to_string(seq) +
           ", '2026-12-01', " + std::to_string(1'796'100'000'000 + seq * 60'000LL) + ", '" + kind + "', '" + fields +
           "'::jsonb);";
}

std::string tax(std::string const& agency, std::string const& name, bool retired) {
    return R"({"service": {"id": "tax", "prefix": "T", "names": {"en": ")" + name + R"("}, "target_wait_ms": "600000",
               "max_wait_ms": "1200000", "default_service_ms": "300000", "agency": ")" + agency +
           R"(", "agency_names": {"en": "Ministry )" + agency + R"("}, "retired": )" + (retired ? "true" : "false") +
           R"(}, "by": "root"})";
}

TEST(central, migration_5_keeps_a_version_4_database_and_fills_in_agencies_from_its_events) {
    pg_cluster pg;
    {
        pqxx::connection c(pg.connection());
        novbe::forward::prepare_central_schema(c, 4);
    }
    ASSERT_EQ("4", pg.query("SELECT version FROM schema_version"));
    // A centre forwarded by an older Novbe: its claim's rows, a service added at runtime, a day.
    pg.query("INSERT INTO centres (centre_id, identity, forwarded_seq) VALUES ('baku-1', 'x', 6);"
             "INSERT INTO services VALUES ('baku-1', 'notary', 'D', 900000);"
             "INSERT INTO service_names VALUES ('baku-1', 'notary', 'en', 'Notary');"
             "INSERT INTO counters (centre_id, counter, name) VALUES ('baku-1', 1, 'One');" +
             event(1, "day_started", R"({"day": 20788})") + event(2, "service_set", tax("finance", "Tax", false)) +
             event(3, "counter_set", R"({"counter": {"number": 9, "name": "Tax desk", "services": ["tax"], "retired": false}, "by": "root"})") +
             event(4, "ticket_issued", R"({"ticket": 1, "service": "notary", "sequence": 1, "estimated_wait_ms": "0"})") +
             event(5, "ticket_issued", R"({"ticket": 2, "service": "tax", "sequence": 1, "estimated_wait_ms": "0"})") +
             event(6, "ticket_called", R"({"ticket": 2, "counter": 9, "clerk": "anna"})"));
    auto const figures = "SELECT service, issued, called, within_target FROM service_days ORDER BY service";
    auto before = pg.query(figures);
    auto tickets = pg.query("SELECT * FROM tickets ORDER BY ticket");
    {
        pqxx::connection c(pg.connection());
        novbe::forward::prepare_central_schema(c, 5);
    }
    EXPECT_EQ("5", pg.query("SELECT version FROM schema_version"));
    auto const services = "SELECT service_id, prefix, target_wait_ms, agency, retired FROM services ORDER BY service_id";
    EXPECT_EQ("notary|D|900000||f\ntax|T|600000|finance|f", pg.query(services));
    EXPECT_EQ("notary|Notary\ntax|Tax", pg.query("SELECT service_id, name FROM service_names WHERE language = 'en' ORDER BY 1"));
    EXPECT_EQ("finance|Ministry finance", pg.query("SELECT agency, name FROM agency_names"));
    EXPECT_EQ("1|One|closed|f\n9|Tax desk|closed|f", pg.query("SELECT counter, name, state, retired FROM counters ORDER BY counter"));
    EXPECT_EQ(before, pg.query(figures));
    EXPECT_EQ(tickets, pg.query("SELECT * FROM tickets ORDER BY ticket"));
    // After it, each set-up event moves the reference tables with its batch.
    pg.query(event(7, "service_set", tax("revenue", "Taxes", true)) +
             event(8, "counter_set", R"({"counter": {"number": 9, "name": "Desk 9", "services": ["tax"], "retired": true}, "by": "root"})"));
    EXPECT_EQ("notary|D|900000||f\ntax|T|600000|revenue|t", pg.query(services));
    EXPECT_EQ("notary|Notary\ntax|Taxes", pg.query("SELECT service_id, name FROM service_names WHERE language = 'en' ORDER BY 1"));
    EXPECT_EQ("finance|Ministry finance\nrevenue|Ministry revenue", pg.query("SELECT agency, name FROM agency_names ORDER BY 1"));
    EXPECT_EQ("1|One|f\n9|Desk 9|t", pg.query("SELECT counter, name, retired FROM counters ORDER BY counter"));
    // One batch in one statement, projected in its order: the service added, a ticket for it
    // issued and called a minute later, within its ten minutes' target.
    auto visa = tax("migration", "Visa", false);
    for (auto at = visa.find("tax"); at != std::string::npos; at = visa.find("tax")) visa.replace(at, 3, "visa");
    auto batch = event(9, "service_set", visa) + event(10, "ticket_issued", R"({"ticket": 3, "service": "visa", "sequence": 1, "estimated_wait_ms": "0"})") +
                 event(11, "ticket_called", R"({"ticket": 3, "counter": 1, "clerk": "anna"})");
    std::string const glue = ";INSERT INTO events (centre_id, seq, day, at_ms, kind, fields) VALUES";
    for (auto at = batch.find(glue); at != std::string::npos; at = batch.find(glue)) batch.replace(at, glue.size(), ",");
    ASSERT_EQ(std::string::npos, batch.find(";INSERT")) << batch;
    pg.query(batch);
    EXPECT_EQ("visa|1|1|1|60000", pg.query("SELECT service, issued, called, within_target, wait_sum_ms FROM service_days WHERE service = 'visa'"));
    EXPECT_EQ("called|1|anna", pg.query("SELECT state, counter, clerk FROM tickets WHERE ticket = 3"));
}

}  // namespace
}  // namespace novbe::testing
