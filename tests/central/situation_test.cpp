// novbe-central, the situation room, over a real PostgreSQL fed by three real centres
// (docs/CENTRAL.md#situation-room): its figures equal each centre's own statistics exactly, a
// call reaches it live, a regional manager sees only their centres, sign-ins are limited, and a
// SIGKILL of novbe-central loses nothing (its figures are the database's).
#include "../integration/program.hpp"
#include "central_support.hpp"
#include "net/secret_hash.hpp"
#include "situation_process.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>

namespace novbe::testing {
namespace {

using namespace central_support;
namespace json = boost::json;

std::int64_t num(json::object const& o, char const* key) {
    auto const& v = o.at(key);
    return v.is_null() ? 0 : v.to_number<std::int64_t>();
}

std::string share(double x) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4f", x);
    return buf;
}

// A service's day as the centre's dashboard gives it, one line per service that saw a ticket.
std::string own_figures(server_process const& p) {
    auto c = signed_in(p, v1::ROLE_CLERK);
    M stats;
    stats.mutable_get_statistics();
    std::map<std::string, std::string> lines;
    auto const answer = c.request(stats);
    for (auto const& s : answer.reply().statistics().by_service())
        if (s.issued() || s.called() || s.transferred_in())
            lines[s.key()] =
                s.key() + " issued=" + std::to_string(s.issued()) + " waiting=" + std::to_string(s.waiting()) +
                " called=" + std::to_string(s.called()) + " served=" + std::to_string(s.served()) +
                " no_shows=" + std::to_string(s.no_shows()) + " in=" + std::to_string(s.transferred_in()) +
                " out=" + std::to_string(s.transferred_out()) + " cancelled=" + std::to_string(s.cancelled()) +
                " closed=" + std::to_string(s.closed_unserved()) + " avg_s=" + std::to_string(s.average_wait_s()) +
                " max_s=" + std::to_string(s.max_wait_s()) + " within=" + share(s.within_target_share());
    std::string out;
    for (auto const& [key, line] : lines) out += line + "\n";
    return out;
}

// The same lines from novbe-central's detail of the centre.
std::string central_figures(json::object const& detail) {
    std::string out;
    for (auto const& v : detail.at("services").as_array()) {
        auto const& s = v.as_object();
        auto called = num(s, "called");
        if (!num(s, "issued") && !called && !num(s, "transferred_in")) continue;
        out += std::string(s.at("service").as_string()) + " issued=" + std::to_string(num(s, "issued")) +
               " waiting=" + std::to_string(num(s, "waiting")) + " called=" + std::to_string(called) +
               " served=" + std::to_string(num(s, "served")) + " no_shows=" + std::to_string(num(s, "no_shows")) +
               " in=" + std::to_string(num(s, "transferred_in")) + " out=" + std::to_string(num(s, "transferred_out")) +
               " cancelled=" + std::to_string(num(s, "cancelled")) +
               " closed=" + std::to_string(num(s, "closed_unserved")) +
               " avg_s=" + std::to_string(called ? num(s, "wait_sum_ms") / called / 1000 : 0) +
               " max_s=" + std::to_string(num(s, "wait_max_ms") / 1000) +
               " within=" + share(called ? double(num(s, "within_target")) / double(called) : 0.0) + "\n";
    }
    return out;
}

// A day at centre `n` (1, 2, 3): each a different mix of lines, calls, no-shows and transfers,
// with waits of over a second so that the seconds are not all zero.
void scripted_day(server_process const& p, int n) {
    auto k = signed_in(p, v1::ROLE_KIOSK);
    for (int i = 0; i < 2 + n; ++i) k.request(issue("passport"));
    for (int i = 0; i < n; ++i) k.request(issue("id_card"));
    for (int i = 0; i < 4 - n; ++i) k.request(issue("notary"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto c = signed_in(p, v1::ROLE_CLERK);
    c.request(counter_command(&M::mutable_open_counter, 1));
    for (int i = 0; i < n; ++i) {
        c.request(counter_command(&M::mutable_call_next, 1));
        c.request(counter_command(&M::mutable_start_serving, 1));
        c.request(counter_command(&M::mutable_complete_service, 1));
    }
    c.request(counter_command(&M::mutable_call_next, 1));
    c.request(counter_command(&M::mutable_mark_no_show, 1));
    c.request(counter_command(&M::mutable_call_next, 1));
    M transfer;
    transfer.mutable_transfer_ticket()->set_counter(1);
    transfer.mutable_transfer_ticket()->set_to_service_id("notary");
    ASSERT_EQ("no error", error_name(c.request(transfer)));
    ws_client m(p.port());
    m.hello(v1::ROLE_CLERK, "bora", "bora-secret-1");
    ASSERT_EQ("no error", error_name(m.request(counter_command(&M::mutable_open_counter, 5))));
    if (n < 3) {
        ASSERT_EQ("no error",
                  error_name(m.request(counter_command(&M::mutable_call_next, 5))));  // the oldest notary ticket
        return;
    }
    M pause;
    pause.mutable_pause_counter()->set_counter(5);
    pause.mutable_pause_counter()->set_reason("break");
    ASSERT_EQ("no error", error_name(m.request(pause)));
}

json::object detail_of(live_client& live, std::string const& centre) {
    live.send({{"follow", centre}});
    auto m = live.until([&](auto const& o) {
        return o.at("type") == "detail" && o.at("detail").as_object().at("centre") == centre.c_str();
    });
    return m ? m->at("detail").as_object() : json::object{};
}

// Each centre's summary once it covers its `seq` events (centre -> seq). Every summary pushed is
// kept as it arrives, so one centre's is never lost while another's is awaited.
std::map<std::string, json::object> summaries_at(live_client& live, json::object const& welcome,
                                                 std::map<std::string, std::int64_t> const& wanted) {
    std::map<std::string, json::object> latest;
    for (auto const& v : welcome.at("centres").as_array())
        latest[std::string(v.as_object().at("centre").as_string())] = v.as_object();
    auto done = [&] {
        for (auto const& [centre, seq] : wanted)
            if (!latest.contains(centre) || num(latest.at(centre), "forwarded_seq") < seq) return false;
        return true;
    };
    if (!done())
        live.until([&](auto const& o) {
            if (o.at("type") != "centre") return false;
            auto const& s = o.at("summary").as_object();
            latest[std::string(s.at("centre").as_string())] = s;
            return done();
        });
    std::erase_if(latest, [&](auto const& entry) {
        return !wanted.contains(entry.first) || num(entry.second, "forwarded_seq") < wanted.at(entry.first);
    });
    return latest;
}

// One centre's summary once it covers `seq` events.
std::optional<json::object> summary_at(live_client& live, json::object const& welcome, std::string const& centre,
                                       std::int64_t seq) {
    auto found = summaries_at(live, welcome, {{centre, seq}});
    if (!found.contains(centre)) return std::nullopt;
    return found.at(centre);
}

std::int64_t last_seq(server_process const& p) { return std::stoll(local_rows(p, "SELECT max(seq) FROM events")); }

TEST(situation, three_centres_figures_equal_their_own_statistics_live_and_after_a_sigkill) {
    pg_cluster pg;
    std::vector<std::unique_ptr<server_process>> centres;
    for (int n = 1; n <= 3; ++n) {
        centres.push_back(std::make_unique<server_process>());
        centres.back()->configure(central_config(pg, "baku-" + std::to_string(n), 5) +  // a second clerk for counter 5
                                  "\n[[users]]\nname = \"bora\"\nrole = \"clerk\"\nsecret = \"" +
                                  net::hash_secret("bora-secret-1") + "\"\n");
        centres.back()->start();
    }
    situation_process room(pg.connection(), users);
    room.start();  // before any centre forwarded: it waits for the schema, then reads live
    for (int n = 1; n <= 3; ++n) scripted_day(*centres[n - 1], n);
    std::map<std::string, std::string> seen;
    {
        live_client live(room.port());
        auto welcome = live.sign_in("nigar", "nigar-secret-1");
        ASSERT_EQ("welcome", welcome.at("type")) << json::serialize(welcome) << room.log();
        EXPECT_EQ("national", welcome.at("role"));
        std::map<std::string, std::int64_t> wanted;
        for (int n = 1; n <= 3; ++n) {
            auto id = "baku-" + std::to_string(n);
            ASSERT_TRUE(caught_up(pg, *centres[n - 1], id)) << centres[n - 1]->log();
            wanted[id] = last_seq(*centres[n - 1]);
        }
        auto summaries = summaries_at(live, welcome, wanted);
        for (int n = 1; n <= 3; ++n) {
            auto id = "baku-" + std::to_string(n);
            auto const& p = *centres[n - 1];
            auto summary = summaries.contains(id) ? std::optional<json::object>(summaries.at(id)) : std::nullopt;
            ASSERT_TRUE(summary) << id << "\n" << room.log();
            auto own = own_figures(p);
            auto detail = detail_of(live, id);
            ASSERT_FALSE(detail.empty()) << room.log();
            EXPECT_EQ(own, central_figures(detail)) << id;
            EXPECT_NE(std::string::npos, own.find(" in=1 ")) << own;   // the transfer arrived in notary
            EXPECT_TRUE(std::regex_search(own, std::regex("passport .* avg_s=[1-9]"))) << own;  // waits of a second and more
            seen[id] = central_figures(detail);
            // The glance agrees with the detail: the waiting total and the open counters.
            std::int64_t waiting = 0;
            for (auto const& s : detail.at("services").as_array()) waiting += num(s.as_object(), "waiting");
            EXPECT_EQ(waiting, num(*summary, "waiting")) << id;
            EXPECT_EQ(n == 3 ? 1 : 2, num(*summary, "open_counters")) << id;
            EXPECT_EQ(n == 3 ? 1 : 0, num(*summary, "paused_counters")) << id;
        }
        // A call at one centre reaches the room live, pushed on its NOTIFY.
        auto before = last_seq(*centres[1]);
        auto started = std::chrono::steady_clock::now();
        auto c = signed_in(*centres[1], v1::ROLE_CLERK);
        c.request(counter_command(&M::mutable_call_next, 1));
        auto live_summary = live.until([&](auto const& o) {
            return o.at("type") == "centre" && o.at("summary").as_object().at("centre") == "baku-2" &&
                   num(o.at("summary").as_object(), "forwarded_seq") > before;
        });
        ASSERT_TRUE(live_summary) << room.log();
        auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        std::printf("a call at baku-2 reached the room in %lld ms\n", static_cast<long long>(took.count()));
        EXPECT_LT(took, std::chrono::seconds(2));
        auto detail =
            live.until([](auto const& o) { return o.at("type") == "detail"; });  // baku-3 is followed, not baku-2
        EXPECT_FALSE(detail && detail->at("detail").as_object().at("centre") == "baku-2");
        ASSERT_TRUE(caught_up(pg, *centres[1], "baku-2"));
        seen["baku-2"] = central_figures(detail_of(live, "baku-2"));
        EXPECT_EQ(own_figures(*centres[1]), seen["baku-2"]);
    }
    room.kill();  // SIGKILL: it keeps nothing of its own, so the restarted one says the same
    room.start();
    live_client again(room.port());
    ASSERT_EQ("welcome", again.sign_in("nigar", "nigar-secret-1").at("type"));
    for (auto const& [id, figures] : seen) EXPECT_EQ(figures, central_figures(detail_of(again, id))) << id;
    EXPECT_EQ(0, room.stop()) << room.log();
}

TEST(situation, a_regional_manager_sees_only_their_centres_and_their_history) {
    pg_cluster pg;
    server_process one, two;
    one.configure(central_config(pg, "baku-1"));
    two.configure(central_config(pg, "baku-2"));
    one.start();
    two.start();
    issue_one(one);
    issue_one(two);
    ASSERT_TRUE(caught_up(pg, one, "baku-1"));
    ASSERT_TRUE(caught_up(pg, two, "baku-2"));
    situation_process room(pg.connection(), users);
    room.start();
    live_client live(room.port());
    auto welcome = live.sign_in("rauf", "rauf-secret-1");
    ASSERT_EQ("welcome", welcome.at("type")) << room.log();
    EXPECT_EQ("regional", welcome.at("role"));
    auto const& listed = welcome.at("centres").as_array();
    ASSERT_EQ(1u, listed.size()) << json::serialize(welcome);
    EXPECT_EQ("baku-2", listed[0].as_object().at("centre"));
    // Another region's centre: its detail is not sent, nor its changes.
    live.send({{"follow", "baku-1"}});
    issue_one(one);
    issue_one(two);
    auto m = live.until([](auto const& o) { return o.at("type") == "centre" || o.at("type") == "detail"; });
    ASSERT_TRUE(m);
    EXPECT_EQ("centre", m->at("type"));
    EXPECT_EQ("baku-2", m->at("summary").as_object().at("centre"));
    auto more = live.until([](auto const&) { return true; }, std::chrono::milliseconds(1500));
    EXPECT_FALSE(more) << json::serialize(*more);
    // History as CSV: their centre's day only; a national user's has both.
    std::string day(listed[0].as_object().at("day").as_string());
    auto history = [&](live_client& c) {
        c.send({{"history", {{"from", day}, {"to", day}}}});
        auto h = c.until([](auto const& o) { return o.at("type") == "history"; });
        return h && h->contains("csv") ? std::string(h->at("csv").as_string()) : std::string("no csv");
    };
    auto theirs = history(live);
    EXPECT_EQ(0u, theirs.find("centre,day,service,service_name,issued,served,no_shows,")) << theirs;
    EXPECT_NE(std::string::npos, theirs.find("\nbaku-2," + day + ",notary,Notary,2,0,0,0,0,")) << theirs;
    EXPECT_EQ(std::string::npos, theirs.find("baku-1")) << theirs;
    live_client national(room.port());
    ASSERT_EQ("welcome", national.sign_in("nigar", "nigar-secret-1").at("type"));
    auto all = history(national);
    EXPECT_NE(std::string::npos, all.find("\nbaku-1," + day + ",notary,Notary,2,")) << all;
    EXPECT_NE(std::string::npos, all.find("\nbaku-2,")) << all;
    national.send({{"history", {{"from", "2026-13-01"}, {"to", day}}}});
    auto refused = national.until([](auto const& o) { return o.at("type") == "history"; });
    ASSERT_TRUE(refused);
    EXPECT_EQ("from and to are dates YYYY-MM-DD", refused->at("error"));
}

TEST(situation, sign_ins_are_limited_like_the_centres) {
    pg_cluster pg;
    situation_process room(pg.connection(), users);
    room.start();
    live_client live(room.port());
    for (int i = 0; i < 4; ++i) EXPECT_EQ("unknown", live.sign_in("nigar", "wrong-secret").at("reason"));
    EXPECT_EQ("locked", live.sign_in("nigar", "wrong-secret").at("reason"));
    EXPECT_EQ("locked", live.sign_in("nigar", "nigar-secret-1").at("reason"));
    // Five wrong secrets lock the user at that address only: from another she signs in.
    live_client other(room.port(), "127.0.0.2");
    EXPECT_EQ("welcome", other.sign_in("nigar", "nigar-secret-1").at("type"));
    // A name nobody has is locked after as many, with the same words; the other user signs in
    // from that address at once.
    live_client guesser(room.port(), "127.0.0.3");
    for (int i = 0; i < 4; ++i) EXPECT_EQ("unknown", guesser.sign_in("nobody", "whatever-secret").at("reason"));
    EXPECT_EQ("locked", guesser.sign_in("nobody", "whatever-secret").at("reason"));
    auto started = std::chrono::steady_clock::now();
    EXPECT_EQ("welcome", guesser.sign_in("rauf", "rauf-secret-1").at("type"));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
    // The configuration is checked: an unknown key is named with its line.
    std::ofstream(room.config_path(), std::ios::app) << "\n[situation2]\nx = 1\n";
    auto checked = run_program({NOVBE_CENTRAL_BINARY, "check-config", "--config", room.config_path()});
    EXPECT_EQ(1, checked.exit_code);
    EXPECT_NE(std::string::npos, checked.err.find("unknown table [situation2]")) << checked.err;
    EXPECT_EQ(2, run_program({NOVBE_CENTRAL_BINARY, "--conf", "x"}).exit_code);
    EXPECT_EQ(0, run_program({NOVBE_CENTRAL_BINARY, "--help"}).exit_code);
}

TEST(situation, the_central_database_gone_and_back_is_said_and_reading_resumes) {
    pg_cluster pg;
    server_process p;
    p.configure(central_config(pg, "baku-1"));
    p.start();
    issue_one(p);
    ASSERT_TRUE(caught_up(pg, p));
    situation_process room(pg.connection(), users);
    room.start();
    live_client live(room.port());
    auto welcome = live.sign_in("nigar", "nigar-secret-1");
    ASSERT_EQ("welcome", welcome.at("type")) << room.log();
    EXPECT_EQ(true, welcome.at("database").as_bool());
    pg.stop();
    auto down = live.until([](auto const& o) { return o.at("type") == "status"; });
    ASSERT_TRUE(down) << room.log();
    EXPECT_EQ(false, down->at("database").as_bool());
    EXPECT_NE(std::string::npos, room.log().find("central: cannot read the central database ([database] connection)"))
        << room.log();
    issue_one(p);  // the centre serves meanwhile; its forwarder catches up once the database is back
    pg.start();
    auto up = live.until([](auto const& o) { return o.at("type") == "status"; }, std::chrono::seconds(20));
    ASSERT_TRUE(up) << room.log();
    EXPECT_EQ(true, up->at("database").as_bool());
    ASSERT_TRUE(caught_up(pg, p));
    EXPECT_TRUE(summary_at(live, json::object{{"centres", json::array{}}}, "baku-1", last_seq(p))) << room.log();
    EXPECT_EQ(0, room.stop()) << room.log();
}

TEST(situation, a_wrong_configuration_is_named_with_its_line) {
    situation_process room("host=/nonexistent dbname=x", users);
    std::ofstream(room.config_path(), std::ios::app) << "\n[server]\ntrusted_proxies = [\"not-an-address\"]\n";
    auto checked = run_program({NOVBE_CENTRAL_BINARY, "check-config", "--config", room.config_path()});
    EXPECT_EQ(1, checked.exit_code);
    EXPECT_NE(std::string::npos, checked.err.find("'not-an-address' is not an IP address")) << checked.err;
    EXPECT_NE(std::string::npos, checked.err.find("central.toml:")) << checked.err;
}

}  // namespace
}  // namespace novbe::testing
