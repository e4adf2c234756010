// The store's durable append rate with 1, 16 and 256 producers (group commit, synchronous=FULL),
// a lone append's latency, and recovery of a 1,000,000-event log; beside the bare limits of the
// same SQLite on the same disk: plain batches of 100 and 1,000 rows per FULL transaction, and a
// plain read and parse of 1,000,000 rows.  Run: build/release/bench/novbe_store_bench [folder]
#include "store/database.hpp"
#include "store/event_log.hpp"
#include "stored.pb.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using namespace novbe;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

core::centre_config centre_config() {
    core::centre_config config;
    for (char const* id : {"passport", "id_card", "civil", "notary"})
        config.services.push_back({.id = id, .prefix = std::string(1, static_cast<char>('A' + config.services.size()))});
    config.counters.push_back({.number = 1, .name = "1", .services = {0}});
    return config;
}

struct rate { double per_second; double p50_ms; double p99_ms; };

// `producers` requests always in flight, as the server's core strand keeps them: one thread
// decides, applies and appends an issue for each free slot, then sleeps until completions
// (which arrive in batches from the writer) free slots again. No thread per producer: that
// would measure the scheduler, not the store.
rate durable_appends(std::string const& path, int producers, std::chrono::seconds run_for) {
    std::filesystem::remove(path);
    auto opened = store::event_log::open({.path = path, .snapshot_every = 1'000'000}, centre_config());
    auto& c = opened.centre;
    auto now = core::time_point{std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + 5h};
    std::uint64_t token = 0;

    std::mutex mutex;
    std::condition_variable freed_cv;
    std::vector<steady::time_point> freed;  // start times of completed requests
    std::vector<double> latencies;
    int in_flight = 0;
    auto end = steady::now() + run_for;
    while (steady::now() < end) {
        std::vector<store::event_log::request> requests;
        for (; in_flight < producers; ++in_flight) {
            auto result = c.decide(core::issue_ticket{static_cast<core::service_index>(token % 4), {}, "en", {3, ++token}},
                                   now += 1ms);
            for (auto const& ev : result.events()) c.apply(ev);
            requests.push_back({std::move(result.events()), [&, start = steady::now()](std::error_code ec, std::uint64_t) {
                                    if (ec) std::abort();
                                    std::lock_guard lock(mutex);
                                    freed.push_back(start);
                                    if (freed.size() == 1) freed_cv.notify_one();
                                }});
        }
        opened.log->append(std::move(requests));
        std::vector<steady::time_point> done;
        {
            std::unique_lock lock(mutex);
            freed_cv.wait(lock, [&] { return !freed.empty(); });
            done.swap(freed);
        }
        auto at = steady::now();
        for (auto start : done) latencies.push_back(std::chrono::duration<double, std::milli>(at - start).count());
        in_flight -= static_cast<int>(done.size());
    }
    opened.log->close();  // waits for those still in flight
    std::sort(latencies.begin(), latencies.end());
    return {double(latencies.size()) / double(run_for.count()), latencies[latencies.size() / 2],
            latencies[latencies.size() * 99 / 100]};
}

double bare_batches(std::string const& path, int batch, int rows) {
    std::filesystem::remove(path);
    store::database db(path);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("CREATE TABLE events (seq INTEGER PRIMARY KEY, day INTEGER, at_ms INTEGER, kind INTEGER, body BLOB)");
    store::statement insert(db, "INSERT INTO events VALUES (?1, 20420, ?2, 2, ?3)");
    store::v1::StoredEvent ev;  // a typical event: a ticket issued
    ev.set_at_ms(1'795'000'000'000);
    auto& issued = *ev.mutable_ticket_issued();
    issued.set_ticket(1234);
    issued.set_service("passport");
    issued.set_sequence(1234);
    issued.set_language("en");
    issued.set_token_hi(0x0123456789abcdef);
    issued.set_token_lo(0xfedcba9876543210);
    issued.set_estimated_wait_ms(600'000);
    issued.set_people_ahead(17);
    auto body = ev.SerializeAsString();
    auto start = steady::now();
    for (int seq = 1; seq <= rows;) {
        store::transaction tx(db);
        for (int i = 0; i < batch; ++i, ++seq) insert.bind(1, seq).bind(2, seq).bind_blob(3, body).run();
        tx.commit();
    }
    return rows / std::chrono::duration<double>(steady::now() - start).count();
}

double bare_read_and_parse(std::string const& path) {
    store::database db(path);
    store::statement select(db, "SELECT seq, body FROM events ORDER BY seq");
    store::v1::StoredEvent ev;
    std::size_t parsed = 0;
    auto start = steady::now();
    while (select.step()) {
        auto body = select.column_blob(1);
        parsed += ev.ParseFromArray(body.data(), static_cast<int>(body.size()));
    }
    auto seconds = std::chrono::duration<double>(steady::now() - start).count();
    std::printf("  (read and parsed %zu rows)\n", parsed);
    return seconds;
}

core::centre_config fifty_counters() {
    auto config = centre_config();
    config.counters.clear();
    for (core::counter_number n = 1; n <= 50; ++n) config.counters.push_back({.number = n, .name = "c", .services = {0, 1, 2, 3}});
    return config;
}

// A log of `events` events: each ticket issued, called, started and completed at one of 50
// counters; a new day after every `tickets_per_day`. Ends as a crash would: without the
// snapshot a clean close writes.
void build_log(std::string const& path, std::size_t events, std::size_t tickets_per_day, std::uint64_t snapshot_every,
               std::uint64_t resume_window = 0) {
    std::filesystem::remove(path);
    auto opened = store::event_log::open({.path = path, .snapshot_every = snapshot_every, .resume_window = resume_window},
                                         fifty_counters());
    auto& c = opened.centre;
    auto day = core::time_point{std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + 5h};
    auto now = day;
    std::vector<core::event> batch;
    std::uint64_t token = 0;
    std::size_t written = 0, today = tickets_per_day;
    auto run = [&](core::command const& cmd) {
        auto result = c.decide(cmd, now += 10ms);
        for (auto const& ev : result.events()) {
            c.apply(ev);
            batch.push_back(ev);
        }
    };
    while (written + batch.size() < events) {
        if (today++ == tickets_per_day) {  // the next morning, counters opening
            now = day += std::chrono::days{1};
            today = 1;
            for (core::counter_number n = 1; n <= 50; ++n) run(core::open_counter{n, "clerk"});
        }
        run(core::issue_ticket{static_cast<core::service_index>(token % 4), {}, "en", {4, ++token}});
        auto n = static_cast<core::counter_number>(1 + token % 50);
        if (c.find_counter(n)->current) {
            run(core::start_serving{n, "clerk"});
            run(core::complete_service{n, "ok", "clerk"});
        }
        run(core::call_next{n, "clerk"});
        if (batch.size() >= 1000) {  // as a busy server would: a thousand events per commit
            written += batch.size();
            std::promise<std::error_code> done;
            opened.log->append(std::move(batch), [&](std::error_code ec, std::uint64_t) { done.set_value(ec); });
            if (done.get_future().get()) std::abort();
            batch = {};
        }
    }
    opened.log->append(std::move(batch), [](std::error_code, std::uint64_t) {});
    opened.log->close();
    store::database db(path);
    db.exec("DELETE FROM snapshots WHERE seq = (SELECT max(seq) FROM snapshots)");
}

// With a resume window, `recent` is handed each of its events (here only counted: the server
// builds a publication from each, which this benchmark of the store leaves out).
double recovery_seconds(std::string const& path, std::uint64_t& replayed, std::uint64_t& last,
                        std::uint64_t resume_window = 0, std::uint64_t* handed = nullptr) {
    auto start = steady::now();
    store::log_options options{.path = path, .resume_window = resume_window};
    if (handed) options.recent = [handed](std::uint64_t, core::event const&, core::centre const&) { ++*handed; };
    auto opened = store::event_log::open(std::move(options), fifty_counters());
    auto seconds = std::chrono::duration<double>(steady::now() - start).count();
    replayed = opened.replayed;
    last = opened.last_sequence;
    opened.log.reset();
    return seconds;
}

}  // namespace

int main(int argc, char** argv) {
    auto folder = std::filesystem::path(argc > 1 ? argv[1] : std::filesystem::temp_directory_path() / "novbe-store-bench");
    std::filesystem::create_directories(folder);
    auto file = [&](char const* name) { return (folder / name).string(); };

    std::string const only = argc > 2 ? argv[2] : "";  // "appends" or "recovery": one part, for profiling
    bool const only_recovery = only == "recovery";
    if (!only_recovery) {
    std::printf("durable appends (one issue each, group commit, synchronous=FULL):\n");
    std::printf("  producers   appends/s   p50 ms   p99 ms\n");
    double at256 = 0;
    for (int producers : {1, 16, 256}) {
        auto r = durable_appends(file("appends.db"), producers, 3s);
        std::printf("  %9d %11.0f %8.3f %8.3f\n", producers, r.per_second, r.p50_ms, r.p99_ms);
        if (producers == 256) at256 = r.per_second;
    }
    std::printf("bare limits, same disk (one stored ticket_issued per row, one FULL transaction per batch):\n");
    auto bare100 = bare_batches(file("bare.db"), 100, 300'000);
    auto bare1000 = bare_batches(file("bare.db"), 1000, 1'000'000);
    std::printf("  batch of 100:   %9.0f rows/s\n  batch of 1000:  %9.0f rows/s\n", bare100, bare1000);
    std::printf("  256 producers / bare batch of 100: %.2f (goal >= 0.5)\n", at256 / bare100);
    }
    if (only == "appends") return 0;
    std::printf("recovery of a 1,000,000-event log:\n");
    if (only_recovery) bare_batches(file("bare.db"), 1000, 1'000'000);
    auto bare_read = bare_read_and_parse(file("bare.db"));
    std::printf("  bare read and parse of 1,000,000 rows: %.3f s\n", bare_read);
    std::uint64_t replayed = 0, last = 0;
    build_log(file("million.db"), 1'000'000, 20'000, 10'000);
    auto usual = recovery_seconds(file("million.db"), replayed, last);
    std::printf("  days of 20,000 tickets, snapshots as configured (10,000), after a crash: %.3f s (%llu replayed, last %llu)\n",
                usual, static_cast<unsigned long long>(replayed), static_cast<unsigned long long>(last));
    build_log(file("million.db"), 1'000'000, 20'000, 10'000, 20'000);
    std::uint64_t handed = 0;
    auto windowed = recovery_seconds(file("million.db"), replayed, last, 20'000, &handed);
    std::printf("  the same, refilling a resume window of 20,000: %.3f s (%llu replayed, %llu handed back)\n", windowed,
                static_cast<unsigned long long>(replayed), static_cast<unsigned long long>(handed));
    build_log(file("million.db"), 1'000'000, 1'000'000, 100'000'000);
    auto full = recovery_seconds(file("million.db"), replayed, last);
    std::printf("  worst case, one day and no snapshot: replay all: %.3f s (%llu replayed), %.2f x bare\n", full,
                static_cast<unsigned long long>(replayed), full / bare_read);
    std::filesystem::remove_all(folder);
}
