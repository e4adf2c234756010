// The central reference tables (services with their agency, their names, agencies' names,
// counters) follow the centre's set-up as an admin changes it at runtime, with the batch that
// carries the change, and after a restart as the log holds it (docs/CENTRAL.md#schema).
#include "central_support.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

using namespace central_support;

// The query's answer once it is `wanted`, or the last one after 20 s: the forwarder upserts the
// reference when it connects, which no event of ours marks.
std::string soon(pg_cluster& pg, std::string const& sql, std::string const& wanted) {
    std::string got;
    for (auto until = std::chrono::steady_clock::now() + 20s; std::chrono::steady_clock::now() < until;
         std::this_thread::sleep_for(100ms))
        if ((got = pg.query(sql)) == wanted) break;
    return got;
}

TEST(central, the_reference_tables_follow_the_set_up_changed_at_runtime_before_any_restart) {
    pg_cluster pg;
    server_process p;
    app::add_user(p.folder() + "/centre.toml", "root", net::role::admin, "root-secret-1");
    p.configure(central_config(pg, "baku-1"));
    p.start();
    ws_client root(p.port());
    ASSERT_TRUE(root.hello(v1::ROLE_ADMIN, "root", "root-secret-1").has_reply());
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("tax");
    s.set_prefix("T");
    s.set_target_wait_s(600);
    s.set_max_wait_s(1200);
    s.set_agency("finance");
    for (auto const* lang : {"az", "en", "ru", "rw", "fr"}) {
        (*s.mutable_names())[lang] = std::string("Tax ") + lang;
        (*s.mutable_agency_names())[lang] = std::string("Ministry of Finance ") + lang;
    }
    ASSERT_TRUE(root.request(add).has_reply());
    M counter;
    counter.mutable_add_counter()->mutable_counter()->set_number(9);
    counter.mutable_add_counter()->mutable_counter()->set_name("Tax desk");
    counter.mutable_add_counter()->mutable_counter()->add_service_ids("tax");
    ASSERT_TRUE(root.request(counter).has_reply());
    // With the centre still running: the batch that carries the change carries the reference.
    auto const service_sql = "SELECT prefix, target_wait_ms, agency, retired FROM services WHERE centre_id = 'baku-1' AND service_id = 'tax'";
    EXPECT_EQ("T|600000|finance|f", soon(pg, service_sql, "T|600000|finance|f")) << p.log();
    EXPECT_EQ("Tax en", soon(pg, "SELECT name FROM service_names WHERE service_id = 'tax' AND language = 'en'", "Tax en"));
    EXPECT_EQ("Ministry of Finance en",
              soon(pg, "SELECT name FROM agency_names WHERE agency = 'finance' AND language = 'en'", "Ministry of Finance en"));
    EXPECT_EQ("Tax desk|f", soon(pg, "SELECT name, retired FROM counters WHERE centre_id = 'baku-1' AND counter = 9", "Tax desk|f"));
    // Renamed and moved to another agency, then its counter retired: still before any restart.
    M change;
    change.mutable_change_service()->set_id("tax");
    for (auto const* lang : {"az", "en", "ru", "rw", "fr"}) {
        (*change.mutable_change_service()->mutable_names())[lang] = std::string("Taxes ") + lang;
        (*change.mutable_change_service()->mutable_agency_names())[lang] = std::string("Revenue ") + lang;
    }
    change.mutable_change_service()->set_agency("revenue");
    ASSERT_TRUE(root.request(change).has_reply());
    M retire;
    retire.mutable_retire_counter()->set_number(9);
    ASSERT_TRUE(root.request(retire).has_reply());
    EXPECT_EQ("T|600000|revenue|f", soon(pg, service_sql, "T|600000|revenue|f")) << p.log();
    EXPECT_EQ("Taxes en", soon(pg, "SELECT name FROM service_names WHERE service_id = 'tax' AND language = 'en'", "Taxes en"));
    EXPECT_EQ("Revenue en", soon(pg, "SELECT name FROM agency_names WHERE agency = 'revenue' AND language = 'en'", "Revenue en"));
    EXPECT_EQ("Tax desk|t", soon(pg, "SELECT name, retired FROM counters WHERE centre_id = 'baku-1' AND counter = 9", "Tax desk|t"));
    // A restart's claim (the set-up as the log holds it) says the same.
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    ASSERT_EQ(0, p.stop());
    p.start();
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    EXPECT_EQ("T|600000|revenue|f", soon(pg, service_sql, "T|600000|revenue|f")) << p.log();
    EXPECT_EQ("Taxes en", pg.query("SELECT name FROM service_names WHERE service_id = 'tax' AND language = 'en'"));
    EXPECT_EQ(0, p.stop());
}

}  // namespace
}  // namespace novbe::testing
