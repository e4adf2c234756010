// The central reference tables (services, their names, counters) follow the centre's set-up as
// its log holds it: a service and a counter an admin added at runtime are there after a restart,
// not only the file's (docs/CENTRAL.md).
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

TEST(central, the_reference_tables_follow_services_and_counters_added_at_runtime) {
    pg_cluster pg;
    server_process p;
    app::add_user(p.folder() + "/centre.toml", "root", net::role::admin, "root-secret-1");
    p.configure(central_config(pg, "baku-1"));
    p.start();
    {
        ws_client root(p.port());
        ASSERT_TRUE(root.hello(v1::ROLE_ADMIN, "root", "root-secret-1").has_reply());
        M add;
        auto& s = *add.mutable_add_service()->mutable_service();
        s.set_id("tax");
        s.set_prefix("T");
        for (auto const* lang : {"az", "en", "ru", "rw", "fr"}) (*s.mutable_names())[lang] = std::string("Tax ") + lang;
        ASSERT_TRUE(root.request(add).has_reply());
        M counter;
        counter.mutable_add_counter()->mutable_counter()->set_number(9);
        counter.mutable_add_counter()->mutable_counter()->set_name("Tax desk");
        counter.mutable_add_counter()->mutable_counter()->add_service_ids("tax");
        ASSERT_TRUE(root.request(counter).has_reply());
    }
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    ASSERT_EQ(0, p.stop());
    p.start();
    EXPECT_EQ("T|900000", soon(pg, "SELECT prefix, target_wait_ms FROM services WHERE centre_id = 'baku-1' AND service_id = 'tax'", "T|900000")) << p.log();
    EXPECT_EQ("Tax en", soon(pg, "SELECT name FROM service_names WHERE service_id = 'tax' AND language = 'en'", "Tax en"));
    EXPECT_EQ("Tax desk", soon(pg, "SELECT name FROM counters WHERE centre_id = 'baku-1' AND counter = 9", "Tax desk"));
    EXPECT_EQ(0, p.stop());
}

}  // namespace
}  // namespace novbe::testing
