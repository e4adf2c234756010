// GetHistory off the event loop (docs/PROTOCOL.md#history-and-forwarding): three managers ask
// for a whole year of the centre's history again and again while the entrance kiosk issues
// tickets. Each ticket is still answered at once (what a citizen at the kiosk notices), and
// every year's answer holds exactly the rows the log keeps. A second ask on a connection whose
// first is still being read is refused in words, and the first is answered all the same. A range
// whose figures would not fit one answer is refused with its size; a shorter one is answered.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace novbe::testing {
namespace {

using steady = std::chrono::steady_clock;
constexpr int days_back = 365;  // with today, a leap year's 366 days: the longest range

// The demo's services and nine retired ones, as an older set-up left them in the log.
std::vector<std::string> services(int retired = 9) {
    std::vector<std::string> out{"passport", "id_card", "civil_registry", "notary", "property", "utilities", "driving_licence"};
    for (int i = 1; i <= retired; ++i) out.push_back("retired_" + std::to_string(i));
    return out;
}

// Tickets issued on `day` for service `s`: every figure follows from it.
std::uint32_t issued_on(std::int64_t day, std::size_t s) { return 10 + static_cast<std::uint32_t>((day * 7 + s * 3) % 50); }

// Today in the demo centre's time zone (Asia/Baku, UTC+4 all year).
std::int64_t centre_today() {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
    return (ms.count() + 4 * 3600 * 1000) / 86400000;
}

std::string date_of(std::int64_t day) {
    auto t = static_cast<std::time_t>(day * 86400);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

// A year of days as the server's writer keeps them (service_days), written while it runs.
void write_year(std::string const& db_path, std::int64_t today, int retired = 9) {
    sqlite3* db = nullptr;
    ASSERT_EQ(SQLITE_OK, sqlite3_open(db_path.c_str(), &db));
    sqlite3_busy_timeout(db, 5000);
    std::string sql = "BEGIN;";
    auto const ids = services(retired);
    for (std::int64_t d = today - days_back; d < today; ++d)
        for (std::size_t s = 0; s < ids.size(); ++s) {
            auto n = issued_on(d, s);
            sql += "INSERT INTO service_days VALUES (" + std::to_string(d) + ",'" + ids[s] + "'," + std::to_string(n) +
                   ",0," + std::to_string(n - 1) + "," + std::to_string(n - 2) + ",1,0,0,0," + std::to_string(n / 2) + "," +
                   std::to_string((n - 1) * 300000) + "," + std::to_string(600000 + s * 1000) + "," +
                   std::to_string((n - 2) * 240000) + ",0,0,0,0,0,0,0,0,0,0);";
        }
    sql += "COMMIT;";
    char* why = nullptr;
    EXPECT_EQ(SQLITE_OK, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &why)) << (why ? why : "");
    sqlite3_free(why);
    sqlite3_close(db);
}

v1::ClientMessage history(std::int64_t from, std::int64_t to) {
    v1::ClientMessage m;
    m.mutable_get_history()->set_from(date_of(from));
    m.mutable_get_history()->set_to(date_of(to));
    return m;
}

// Why a year's answer is not exactly the log's rows (and today's, which grow), or "".
std::string wrong_in(v1::ServerMessage const& m, std::int64_t today) {
    if (!m.has_reply()) return "no reply: " + m.ShortDebugString().substr(0, 300);
    auto const& h = m.reply().history();
    if (h.days_size() != days_back + 1) return "days: " + std::to_string(h.days_size());
    auto const ids = services();
    std::map<std::string, std::uint64_t> issued, issued_today;
    for (int i = 0; i < days_back; ++i) {
        auto const d = today - days_back + i;
        auto const& day = h.days(i);
        if (day.day() != date_of(d)) return "day " + std::to_string(i) + " is " + day.day();
        if (day.by_service_size() != static_cast<int>(ids.size())) return day.day() + ": " + std::to_string(day.by_service_size()) + " services";
        for (auto const& f : day.by_service()) {
            auto s = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), f.key()) - ids.begin());
            if (s == ids.size()) return day.day() + ": unknown service " + f.key();
            auto n = issued_on(d, s);
            if (f.issued() != n || f.called() != n - 1 || f.served() != n - 2 || f.average_wait_s() != 300)
                return day.day() + " " + f.key() + ": " + f.ShortDebugString();
            issued[f.key()] += n;
        }
    }
    for (auto const& f : h.days(days_back).by_service()) issued_today[f.key()] = f.issued();  // the engine's, growing
    for (auto const& f : h.by_service()) {
        auto want = issued[f.key()] + issued_today[f.key()];
        if (f.issued() != want) return "range " + f.key() + ": issued " + std::to_string(f.issued()) + ", want " + std::to_string(want);
        // The longest of any day, not a sum (nobody was called today).
        auto s = std::find(ids.begin(), ids.end(), f.key()) - ids.begin();
        if (f.max_wait_s() != 600 + s) return "range " + f.key() + ": longest wait " + std::to_string(f.max_wait_s());
    }
    return h.by_service_size() == static_cast<int>(ids.size()) ? "" : "range: " + std::to_string(h.by_service_size()) + " services";
}

std::chrono::milliseconds percentile(std::vector<std::chrono::milliseconds> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

TEST(history, a_year_read_over_and_over_never_holds_up_the_kiosk_and_every_answer_is_exact) {
    server_process process;
    process.start();
    auto const today = centre_today();
    write_year(process.folder() + "/centre.db", today);

    ws_client kiosk(process.port());
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply());
    // At least `n` tickets, and on until `more` (if set) says enough.
    auto issue_times = [&](int n, std::function<bool()> more = {}) {
        std::vector<std::chrono::milliseconds> took;
        for (int i = 0; i < n || (more && more() && i < 5000); ++i) {
            auto start = steady::now();
            auto answer = kiosk.request(issue("passport"));
            took.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - start));
            if (!answer.has_reply()) ADD_FAILURE() << answer.ShortDebugString();
        }
        return took;
    };
    auto quiet = issue_times(40);

    std::atomic<bool> done{false};
    std::atomic<int> answers{0};
    std::vector<std::string> wrong(3);
    std::vector<std::thread> managers;
    for (int i = 0; i < 3; ++i)
        managers.emplace_back([&, i] {
            ws_client leyla(process.port());
            if (!leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply())
                return void(wrong[static_cast<std::size_t>(i)] = "not let in");
            while (!done && wrong[static_cast<std::size_t>(i)].empty()) {
                wrong[static_cast<std::size_t>(i)] = wrong_in(leyla.request(history(today - days_back, today)), today);
                ++answers;
            }
        });
    while (answers < 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the reads are under way
    auto const started = steady::now();
    auto const before = answers.load();
    auto busy = issue_times(150, [&] { return answers < before + 9; });  // each manager's year, three times more
    auto const read_while_issuing = answers.load() - before;
    auto const each_read = std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - started) * 3 /
                           std::max(1, read_while_issuing);
    done = true;
    for (auto& t : managers) t.join();
    for (auto const& w : wrong) EXPECT_EQ("", w);

    auto p99 = percentile(busy, 0.99);
    std::cout << "kiosk issue while the year is read: median " << percentile(busy, 0.5).count() << " ms, p99 "
              << p99.count() << " ms, longest " << percentile(busy, 1).count() << " ms (quiet: median "
              << percentile(quiet, 0.5).count() << " ms, p99 " << percentile(quiet, 0.99).count() << " ms); "
              << read_while_issuing << " years read meanwhile, " << each_read.count() << " ms each\n";
    EXPECT_GE(read_while_issuing, 9) << "the managers' reads ran all along the kiosk's issues";
    // A citizen notices a kiosk that hesitates. Read on the event loop, as before, three managers'
    // back-to-back years kept the loop busy, so a typical issue waited behind part of a read: this
    // run's p99 was 276 ms against a quiet 12 ms (debug build, ASan); off it, 12-56 ms. The
    // median stays near the quiet one; the p99's bound leaves room for a machine loaded by other
    // tests (the read's CPU still competes with the loop's on 2 cores).
    EXPECT_LT(percentile(busy, 0.5), std::chrono::milliseconds(50) + percentile(quiet, 0.5));
    EXPECT_LT(p99, std::chrono::milliseconds(250) + percentile(quiet, 0.99));

    // One read per connection at a time: a second ask before the first is answered is refused
    // in words, and the first still gets its whole year.
    ws_client leyla(process.port());
    ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
    auto first = history(today - days_back, today);
    first.set_request_id(1001);
    auto second = first;
    second.set_request_id(1002);
    leyla.send_pipelined(std::vector<v1::ClientMessage>{first, second});
    std::map<std::uint64_t, v1::ServerMessage> got;
    for (int i = 0; i < 2; ++i)
        if (auto m = leyla.receive()) got[m->request_id()] = *m;
    EXPECT_EQ("", wrong_in(got[1001], today));
    EXPECT_EQ("ERROR_CODE_LIMIT_REACHED", error_name(got[1002]));
    EXPECT_EQ("This connection's history is still being read; ask again once it is answered.", got[1002].error().message());
    auto too_long = leyla.request(history(today - days_back - 1, today));
    EXPECT_EQ("A range has at most 366 days.", too_long.error().message());
    EXPECT_EQ(0, process.stop());
}

TEST(history, a_year_of_the_most_services_a_centre_may_have_is_answered_whole_beside_a_small_outbound_bound) {
    server_process process;
    // The connection's bound on unread bytes at its smallest but one: the year's answer (about
    // 2.5 MiB) still goes out whole, beside it (docs/PROTOCOL.md#history-and-forwarding).
    process.configure("[server]\nmax_queued_kib = 64");
    process.start();
    auto const today = centre_today();
    write_year(process.folder() + "/centre.db", today, 93);  // 100 services a day: the most a centre has
    ws_client leyla(process.port());
    ASSERT_TRUE(leyla.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).has_reply());
    auto year = leyla.request(history(today - days_back, today));
    ASSERT_TRUE(year.has_reply()) << year.ShortDebugString().substr(0, 300);
    auto const& h = year.reply().history();
    EXPECT_EQ(days_back + 1, h.days_size());
    EXPECT_EQ(100, h.days(0).by_service_size());
    EXPECT_EQ(100, h.by_service_size());
    EXPECT_GT(year.ByteSizeLong(), 1024u * 1024) << "larger than the connection's bound many times over";
    std::uint32_t issued = 0;
    for (auto const& f : h.by_service())
        if (f.key() == "retired_93") issued = f.issued();
    std::uint32_t expected = 0;
    for (auto d = today - days_back; d < today; ++d) expected += issued_on(d, 99);
    EXPECT_EQ(expected, issued) << "the last service's year, summed";
    // The connection is still served, and so is an ask right after.
    auto month = leyla.request(history(today - 30, today - 1));
    ASSERT_TRUE(month.has_reply()) << month.ShortDebugString().substr(0, 300);
    EXPECT_EQ(30, month.reply().history().days_size());
    EXPECT_EQ(0, process.stop());
}

}  // namespace
}  // namespace novbe::testing
