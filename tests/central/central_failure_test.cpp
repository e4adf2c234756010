// The central side gone, the centre killed, bad input: the centre serves on, and forwarding
// resumes from the central high-water mark with no gap and no repeat (docs/CENTRAL.md#guarantees).
#include "central_support.hpp"

#include <gtest/gtest.h>

#include <csignal>

namespace novbe::testing {
namespace {

using namespace central_support;

// Every event once, in order: central sequences 1..N equal the centre's, and N is all of them.
void expect_exact_copy(pg_cluster const& pg, server_process const& p) {
    EXPECT_EQ(local_rows(p, events_sql), pg.query(central_events_sql));
    EXPECT_EQ(pg.query("SELECT count(*) FROM events WHERE centre_id = 'baku-1'"),
              pg.query("SELECT max(seq) FROM events WHERE centre_id = 'baku-1'"));
}

TEST(central, the_centre_serves_while_the_central_database_is_gone_then_catches_up) {
    pg_cluster pg;
    server_process p;
    p.configure(central_config(pg, "baku-1", 3));
    p.start();
    EXPECT_EQ("D001", issue_one(p));
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    pg.stop();
    auto const gone = std::chrono::steady_clock::now();
    for (int i = 2; i <= 9; ++i) EXPECT_EQ("D00" + std::to_string(i), issue_one(p));
    // Each issue is acknowledged as fast as ever: nothing waited for the central side.
    EXPECT_LT(std::chrono::steady_clock::now() - gone, 5s);
    std::this_thread::sleep_for(500ms);
    auto [status, metrics] = http_get(p.port(), "/metrics");
    EXPECT_NE(std::string::npos, metrics.find("novbe_central_lag_events 8")) << metrics;
    EXPECT_EQ(std::string::npos, metrics.find("novbe_central_lag_seconds 0\n")) << metrics;  // the oldest is waiting
    EXPECT_NE(std::string::npos, p.log().find("central: cannot forward ([central] connection)")) << p.log();
    pg.start();
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    expect_exact_copy(pg, p);
    EXPECT_EQ("9", pg.query("SELECT count(*) FROM tickets WHERE centre_id = 'baku-1'"));
    EXPECT_NE(std::string::npos, p.log().find("(recovered from: ")) << p.log();
    EXPECT_EQ(0, p.stop());
}

TEST(central, a_sigkill_mid_forwarding_loses_and_doubles_nothing) {
    pg_cluster pg;
    server_process p;
    p.configure(central_config(pg, "baku-1", 2));
    p.start();
    std::string forwarded;
    {
        auto k = signed_in(p, v1::ROLE_KIOSK);
        for (int i = 0; i < 20; ++i) k.request(issue("notary"));
        ASSERT_TRUE(caught_up(pg, p)) << p.log();
        forwarded = pg.query("SELECT forwarded_seq FROM centres");
        // The central side slows down: the next batch waits on the centre's row, mid-transaction.
        pg.query_in_background("BEGIN; SELECT 1 FROM centres FOR UPDATE; SELECT pg_sleep(2); COMMIT;");
        std::this_thread::sleep_for(500ms);
        for (int i = 0; i < 20; ++i) k.request(issue("notary"));
        std::this_thread::sleep_for(300ms);
    }
    p.kill();
    std::this_thread::sleep_for(2s);  // the lock goes; the killed centre's transaction never commits
    EXPECT_EQ(forwarded, pg.query("SELECT forwarded_seq FROM centres")) << "the kill was not mid-forwarding";
    p.start();
    EXPECT_EQ("D041", issue_one(p));
    ASSERT_TRUE(caught_up(pg, p)) << p.log();
    expect_exact_copy(pg, p);
    EXPECT_EQ("41", pg.query("SELECT count(*) FROM tickets WHERE centre_id = 'baku-1'"));
    EXPECT_EQ(0, p.stop());
}

TEST(central, a_wrong_connection_string_is_named_and_the_centre_serves) {
    for (auto const* connection : {"host=/nonexistent-folder port=1 user=novbe", "not a connection string"}) {
        server_process p;
        p.configure(std::string("\n[central]\nconnection = \"") + connection + "\"\ncentre_id = \"baku-1\"\n");
        p.start();
        EXPECT_EQ("D001", issue_one(p));
        EXPECT_TRUE(p.logs_soon("central: cannot forward ([central] connection): ")) << p.log();
        EXPECT_EQ(0, p.stop());
    }
}

TEST(central, a_centre_id_claimed_by_another_centre_is_refused_and_both_serve) {
    pg_cluster pg;
    server_process first;
    first.configure(central_config(pg, "baku-1"));
    first.start();
    issue_one(first);
    ASSERT_TRUE(caught_up(pg, first)) << first.log();
    server_process second;  // another DATA_DIR: another centre
    second.configure(central_config(pg, "baku-1"));
    second.start();
    EXPECT_EQ("D001", issue_one(second));
    EXPECT_TRUE(second.logs_soon("centre_id 'baku-1' is already claimed by another centre")) << second.log();
    EXPECT_EQ("D002", issue_one(first));
    ASSERT_TRUE(caught_up(pg, first)) << first.log();
    EXPECT_EQ(local_rows(first, events_sql), pg.query(central_events_sql));  // nothing of the second's
    EXPECT_EQ(0, second.stop());
    EXPECT_EQ(0, first.stop());
}

TEST(central, a_central_schema_newer_than_ours_stops_forwarding_and_the_centre_serves) {
    pg_cluster pg;
    {
        server_process p;
        p.configure(central_config(pg, "baku-1"));
        p.start();
        ASSERT_TRUE(p.logs_soon("central: forwarding to the central database as 'baku-1'")) << p.log();
        EXPECT_EQ(0, p.stop());
    }
    auto const before = pg.query("SELECT count(*) FROM events");  // the users and devices the file seeded
    pg.query("UPDATE schema_version SET version = 99");
    server_process p;
    p.configure(central_config(pg, "baku-1"));
    p.start();
    EXPECT_EQ("D001", issue_one(p));
    EXPECT_TRUE(p.logs_soon("the central schema is version 99, newer than this build knows (")) << p.log();
    EXPECT_EQ(before, pg.query("SELECT count(*) FROM events")) << "nothing more forwarded";
    EXPECT_EQ(0, p.stop());
}

}  // namespace
}  // namespace novbe::testing
