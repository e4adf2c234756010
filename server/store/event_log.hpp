#pragma once
// The durable, append-only log of the centre's events, with one writer thread and group commit:
// appends that arrive while a transaction commits wait for the next one, so batches grow with
// load and no timer is involved. Nothing is reported durable before its transaction commits.
// Each turn of the writer: the batch's events in one transaction (fsync), the completions, then
// the report rows (a chunk per transaction) and any snapshot in transactions that need not wait
// for the disk (the next fsync covers them; a crash in between is repaired from the log at the
// next start). Checkpoints run beside it (checkpointer.hpp).
//
// Thread-safety: append(), last_durable() and close() may be called from any thread.
// Completions run on the writer thread, in append order, right after their batch's commit.
#include "durable_log.hpp"
#include "folder_owner.hpp"
#include "checkpointer.hpp"
#include "core/centre.hpp"
#include "database.hpp"
#include "schema.hpp"
#include "day_figures.hpp"
#include "ticket_report.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace novbe::store {

struct log_options {
    std::string path;                      // the SQLite file; created if missing
    bool synchronous_full = true;          // FULL: fsync at every commit; NORMAL: only at checkpoints
    std::uint64_t snapshot_every = 10'000; // events between snapshots (also one at each new day and at close)
    int retention_days = 0;                // personal data erased after this many days; 0 keeps it
    std::int64_t max_page_count = 0;       // caps the file's size (pages), as a full disk would; 0: no cap
    // The resume window: open() hands `recent` the last `resume_window` events (fewer if the
    // log or its oldest kept snapshot does not reach so far back), each with the centre just
    // after it, in order, so that subscribers can resume across a restart. Snapshots are kept
    // far enough back for it (the newest at least this many events old, and all newer ones).
    std::uint64_t resume_window = 0;
    std::function<void(std::uint64_t sequence, core::event const&, core::centre const&, core::actor const&)> recent;
    // What the centre offers for booking ([booking]); unset: nothing bookable. Static for a run,
    // like the centre's configuration: recovery builds the centre with it.
    std::optional<core::booking_config> booking;
    // The server's start (docs/SETUP.md#one-source-of-truth): a log that holds no service_set or
    // counter_set event yet (a new one, or one written before the set-up was logged) takes the
    // recovered centre's services and counters (the file's) as those events, `by` config, at
    // this time, with a snapshot after them, in one transaction before open() returns. From then
    // on a start recovers them from the log, whatever the file says. Unset: nothing is written
    // (tools that only read a stopped server's folder, tests of the log itself).
    std::optional<core::time_point> seed_set_up;
    // Whose folder this is (folder_owner.hpp), checked before recovery writes anything. Unset:
    // not checked (tools that only read, tests of the log itself).
    std::optional<folder_owner> owner;
};

// Why an append was not made durable, besides SQLite's own codes (sqlite_category).
enum class log_errc {
    failed = 1,  // an earlier commit failed: nothing more is accepted until a restart recovers
    closed,      // close() was called
    rejected,    // the events do not follow the logged state: appended out of order
};
std::error_category const& log_category();
inline std::error_code make_error_code(log_errc e) { return {static_cast<int>(e), log_category()}; }

class event_log final : public durable_log {
public:
    using durable_log::completion;
    using durable_log::request;

    struct opened;
    // Opens (creating, migrating) and recovers. Throws store_error naming the file and problem.
    static opened open(log_options options, core::centre_config config);

    ~event_log() override;  // close()
    event_log(event_log const&) = delete;
    event_log& operator=(event_log const&) = delete;

    // The events, in the order they were applied, get the next sequence numbers in call order.
    // After a failed commit every append fails with log_errc::failed (fail-stop); once failed or
    // closed, `done` runs at once on the caller's thread.
    void append(std::vector<core::event> events, completion done);

    // Several appends at once, as the core hands over all it decided in one turn: one lock and
    // one wake-up of the writer instead of one per request.
    void append(std::vector<request> requests) override;
    void append(request r);

    std::uint64_t last_durable() const { return durable_.load(std::memory_order_acquire); }
    // Report rows per transaction: appends that arrive meanwhile wait for one chunk at most.
    static constexpr std::size_t report_chunk = 128;

    // Figures for /metrics, kept by the writer: commits, their sizes and how long they took.
    struct figures {
        static constexpr std::array<std::uint64_t, 8> size_bounds{1, 4, 16, 64, 256, 1024, 4096, 16384};
        static constexpr std::array<double, 8> latency_bounds{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05};
        std::uint64_t commits = 0;
        std::uint64_t events = 0;
        double commit_seconds = 0;
        std::array<std::uint64_t, 9> by_size{};     // events per commit, cumulative buckets + overflow
        std::array<std::uint64_t, 9> by_latency{};  // seconds per commit
    };
    figures statistics() const;
    bool failed() const { return failed_.load(std::memory_order_acquire); }
    std::string failure() const override;
    // Commits what is pending, writes a snapshot, stops the writer. Later appends fail with closed.
    void close();

private:
    struct pending {
        std::vector<core::event> events;
        std::uint64_t first_sequence = 0;
        completion done;
        std::string key;
        std::string reply;
        core::actor by;
    };

    event_log(log_options options, core::centre_config config);
    void run();
    std::error_code write_events(std::vector<pending>& batch);
    void write_report();
    bool report_due() const;
    bool snapshot_due() const;
    static constexpr auto report_pause = std::chrono::milliseconds(10);
    void flush_touched(std::size_t at_most = SIZE_MAX);
    void write_snapshot(std::uint64_t sequence);
    void seed_set_up(core::time_point at);  // young_log.cpp
    void fail(std::string why);

    log_options options_;
    database db_;
    core::centre shadow_;  // the state as of the last durable event, for snapshots and reports
    std::uint64_t since_snapshot_ = 0;
    std::uint64_t replayed_ = 0;
    std::uint64_t seeded_ = 0;
    std::vector<std::string> languages_before_;
    std::vector<core::ticket_ordinal> touched_;  // tickets whose report rows are behind the log
    bool new_day_ = false;                       // a day_started awaits retention and a snapshot
    // A checkpoint once the WAL holds this many frames (~4 MB), whatever the number or size of
    // the commits that put them there.
    static constexpr int checkpoint_frames = 1000;
    int wal_frames_ = 0;  // after the last commit (the WAL hook)
    void checkpoint_now();
    bool report_owed_ = false;                   // durable events the report has not taken yet
    std::chrono::steady_clock::time_point last_report_{};
    std::unique_ptr<statement> insert_event_;
    std::unique_ptr<statement> insert_snapshot_;
    std::unique_ptr<statement> prune_snapshots_;
    std::unique_ptr<statement> mark_reported_;
    std::unique_ptr<statement> remember_;
    std::unique_ptr<ticket_report> report_;
    std::unique_ptr<day_figures> day_rows_;  // service_days, beside the report
    std::unique_ptr<checkpointer> checkpointer_;  // after db_: stopped before the writer's connection closes
    std::string failure_;  // guarded by mutex_

    figures figures_;  // guarded by mutex_
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<pending> pending_;
    std::uint64_t next_sequence_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> durable_;
    std::atomic<bool> failed_{false};
    std::thread writer_;
};

// An answer kept for a retry with the same idempotency key.
struct remembered_reply {
    std::string key;
    core::day_number day = 0;
    std::string reply;
};

struct event_log::opened {
    std::unique_ptr<event_log> log;
    core::centre centre;               // the recovered state, for the caller's core
    std::uint64_t last_sequence = 0;
    std::uint64_t replayed = 0;        // events replayed after the snapshot used (older, for a resume window)
    std::uint64_t seeded = 0;          // set-up events written from the configuration (log_options::seed_set_up)
    std::vector<std::string> languages_before;  // the centre's languages, when this start changed them
    std::vector<remembered_reply> replies;  // of today and yesterday
};

}  // namespace novbe::store

template <>
struct std::is_error_code_enum<novbe::store::log_errc> : std::true_type {};
