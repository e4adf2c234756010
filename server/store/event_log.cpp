#include "event_log.hpp"

#include "codec.hpp"
#include "recovery.hpp"
#include "retention.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>

namespace novbe::store {

namespace {

class log_error_category final : public std::error_category {
public:
    char const* name() const noexcept override { return "novbe.store"; }
    std::string message(int ev) const override {
        switch (static_cast<log_errc>(ev)) {
        case log_errc::failed: return "an earlier commit failed; the log accepts nothing until a restart recovers it";
        case log_errc::closed: return "the event log is closed";
        case log_errc::rejected: return "the events do not follow the logged state (appended out of order)";
        }
        return "unknown event log error";
    }
};

class rejected_batch : public std::exception {};

}  // namespace

std::error_category const& log_category() {
    static log_error_category const instance;
    return instance;
}

event_log::opened event_log::open(log_options options, core::centre_config config) {
    std::unique_ptr<event_log> log;
    try {
        log.reset(new event_log(std::move(options), std::move(config)));
    } catch (sqlite_error const& e) {
        throw store_error(e.what());  // already names the file
    }
    opened result{.centre = log->shadow_, .last_sequence = log->last_durable(), .replayed = log->replayed_, .seeded = log->seeded_,
                   .languages_before = log->languages_before_};
    statement replies(log->db_, "SELECT scoped_key, day, reply FROM requests WHERE day >= ?1");
    replies.bind(1, std::int64_t{log->shadow_.day()} - 1);  // a new log's day is no_day: all of none
    while (replies.step())
        result.replies.push_back({std::string(replies.column_text(0)), static_cast<core::day_number>(replies.column_int(1)),
                                  std::string(replies.column_blob(2))});
    log->writer_ = std::thread([raw = log.get()] {
        pthread_setname_np(pthread_self(), "novbe-store");  // for top -H and perf: the thread that commits
        raw->run();
    });
    result.log = std::move(log);
    return result;
}

event_log::event_log(log_options options, core::centre_config config)
    : options_(std::move(options)), db_(options_.path), shadow_(config) {
    prepare_schema(db_, options_.synchronous_full);
    if (options_.owner) languages_before_ = claim_folder(db_, *options_.owner);
    // Checkpoints run on their own connection and thread (checkpointer.hpp), due by the WAL's
    // size as this connection's WAL hook counts it after each commit.
    db_.exec("PRAGMA wal_autocheckpoint=0");
    sqlite3_wal_hook(
        db_.handle(),
        [](void* self, sqlite3*, char const*, int frames) {
            auto* log = static_cast<event_log*>(self);
            log->wal_frames_ = frames;
            if (log->checkpointer_) log->checkpointer_->wal_grew(frames);
            return SQLITE_OK;
        },
        this);
    db_.exec("PRAGMA journal_size_limit=" + std::to_string(2 * checkpoint_frames * (4096 + 24)));
    if (options_.max_page_count > 0) db_.exec("PRAGMA max_page_count=" + std::to_string(options_.max_page_count));
    insert_event_ = std::make_unique<statement>(db_, "INSERT INTO events (seq, day, at_ms, kind, body) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert_snapshot_ = std::make_unique<statement>(db_, "INSERT OR REPLACE INTO snapshots (seq, day, body) VALUES (?1, ?2, ?3)");
    // The two newest, and back to the newest one at least `resume_window` events old (?1).
    prune_snapshots_ = std::make_unique<statement>(
        db_, "DELETE FROM snapshots WHERE seq < min((SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 1 OFFSET 1),"
             " (SELECT max(seq) FROM snapshots WHERE seq <= ?1))");
    mark_reported_ = std::make_unique<statement>(db_, "UPDATE report_state SET reported_seq = ?1");
    remember_ = std::make_unique<statement>(db_, "INSERT OR REPLACE INTO requests (scoped_key, day, seq, reply) VALUES (?1, ?2, ?3, ?4)");
    report_ = std::make_unique<ticket_report>(db_);
    day_rows_ = std::make_unique<day_figures>(db_);

    // Recovery re-projects into the report whatever a crash left between the log and the report.
    transaction tx(db_);
    auto const reported = static_cast<std::uint64_t>(db_.query_int("SELECT reported_seq FROM report_state"));
    auto day_before = core::no_day;
    auto const last = static_cast<std::uint64_t>(db_.query_int("SELECT max(seq) FROM events"));
    auto window_from = options_.recent && last > options_.resume_window ? last - options_.resume_window : 0;
    // A log shorter than the window would be replayed from its first event, but the days whose
    // personal data retention erased cannot be (their tickets' tokens are gone, so the engine
    // would find two alike): then the window starts at the oldest snapshot kept, which is of a
    // day after them.
    if (options_.recent && window_from == 0 && last > 0 &&
        db_.query_int("SELECT day FROM events ORDER BY seq LIMIT 1") < db_.query_int("SELECT erased_before_day FROM retention"))
        window_from = 1;
    auto r = recover(
        db_, config, reported,
        [&](std::uint64_t seq, core::event const& ev, core::centre const& c, core::actor const& by) {
            if (seq > reported) report_->record(ev, c, day_before);
            day_before = c.day();
            if (options_.recent && seq > window_from) options_.recent(seq, ev, c, by);
        },
        options_.recent ? window_from : UINT64_MAX, options_.booking);
    mark_reported_->bind(1, static_cast<std::int64_t>(r.last_sequence)).run();
    day_rows_->write(r.centre);  // earlier days' rows were written with the start of the day after each
    tx.commit();
    options_.recent = nullptr;  // what it holds need not outlive open()
    shadow_ = std::move(r.centre);
    replayed_ = r.replayed;
    next_sequence_ = r.last_sequence + 1;
    durable_.store(r.last_sequence);
    // Counted from the newest snapshot, not from the older one a resume window replayed from.
    auto const newest = static_cast<std::uint64_t>(db_.query_int("SELECT max(seq) FROM snapshots"));
    since_snapshot_ = r.last_sequence > newest ? r.last_sequence - newest : 0;
    if (options_.seed_set_up) seed_set_up(*options_.seed_set_up);
    checkpointer_ = std::make_unique<checkpointer>(options_.path, checkpoint_frames, [this](std::string why) { fail(std::move(why)); });
}

event_log::~event_log() { close(); }

void event_log::append(std::vector<core::event> events, completion done) {
    std::vector<request> one;
    one.push_back({std::move(events), std::move(done)});
    append(std::move(one));
}

void event_log::append(request r) {
    std::vector<request> one;
    one.push_back(std::move(r));
    append(std::move(one));
}

void event_log::append(std::vector<request> requests) {
    std::error_code refused;
    {
        std::lock_guard lock(mutex_);
        if (stopping_) refused = log_errc::closed;
        else if (failed()) refused = log_errc::failed;
        else {
            for (auto& r : requests) {
                auto first = next_sequence_;
                next_sequence_ += r.events.size();
                pending_.push_back(
                    {std::move(r.events), first, std::move(r.done), std::move(r.key), std::move(r.reply), std::move(r.by)});
            }
        }
    }
    if (!refused) return wake_.notify_one();
    for (auto& r : requests) r.done(refused, last_durable());
}

std::string event_log::failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

void event_log::close() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_one();
    if (writer_.joinable()) writer_.join();
}

void event_log::run() {
    std::vector<pending> batch;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            auto work = [&] { return stopping_ || !pending_.empty(); };
            // A report left part-written goes on at once, a chunk at a time, unless appends wait.
            auto const pause = touched_.empty() ? report_pause : std::chrono::milliseconds(0);
            if (report_owed_ && !wake_.wait_for(lock, pause, work)) {
                lock.unlock();  // a quiet moment: the report catches up
                write_report();
                continue;
            }
            wake_.wait(lock, work);
            if (pending_.empty()) break;  // stopping, and everything accepted is written
            batch.swap(pending_);
        }
        auto ec = failed() ? std::error_code(log_errc::failed) : write_events(batch);
        for (auto& p : batch) p.done(ec, p.first_sequence + p.events.size() - 1);
        batch.clear();
        if (ec) continue;
        report_owed_ = true;
        if (report_due()) write_report();  // while the core works on what the completions set off
        if (wal_frames_ >= 2 * checkpoint_frames) checkpoint_now();
    }
    while (report_owed_) write_report();
    if (failed() || since_snapshot_ == 0) return;
    try {  // a clean shutdown leaves a snapshot, so the next start replays nothing
        transaction tx(db_);
        write_snapshot(last_durable());
        tx.commit();
    } catch (sqlite_error const&) {
        // The log itself is complete; the next start replays from the previous snapshot.
    }
}

event_log::figures event_log::statistics() const {
    std::lock_guard lock(mutex_);
    return figures_;
}

std::error_code event_log::write_events(std::vector<pending>& batch) {
    // Reads and refusals append nothing, only to wait for what came before (already durable
    // when the batch is taken): a batch of them alone is no commit, in the file or the figures.
    if (std::all_of(batch.begin(), batch.end(), [](pending const& p) { return p.events.empty() && p.key.empty(); }))
        return {};
    auto const started = std::chrono::steady_clock::now();
    try {
        transaction tx(db_);
        auto sequence = last_durable();
        for (auto const& p : batch) {
            for (auto const& ev : p.events) {
                if (!shadow_.can_apply(ev)) throw rejected_batch{};
                if (auto const* day = std::get_if<core::day_started>(&ev)) {
                    flush_touched();  // while the old day's tickets are still in the shadow
                    day_rows_->write(shadow_);  // the old day's last figures, durable with the new day
                    report_->close_left_open(shadow_.day(), day->day);
                    new_day_ = true;
                }
                auto const change = encode_change(ev, shadow_);  // from the set-up as it was
                shadow_.apply(ev);
                if (auto t = ticket_changed(ev, shadow_)) touched_.push_back(*t);
                if (auto const* closed = std::get_if<core::day_closed>(&ev)) report_->close_waiting(shadow_.day(), closed->at);
                // Set-up events may come before the first day starts: they belong to the day of their time.
                auto const& rules = shadow_.config().rules;
                auto const day = shadow_.day() != core::no_day ? shadow_.day()
                                                               : core::day_of(event_time(ev), rules.utc_offset, rules.day_start);
                insert_event_->bind(1, static_cast<std::int64_t>(++sequence)).bind(2, day);
                insert_event_->bind(3, detail::ms(event_time(ev))).bind(4, static_cast<std::int64_t>(ev.index()));
                auto const body = encode_event(ev, shadow_.config(), core::actor_of(ev, p.by)) + change;
                insert_event_->bind_blob_unowned(5, body).run();
                ++since_snapshot_;
            }
            if (!p.key.empty())
                remember_->bind_text(1, p.key).bind(2, shadow_.day()).bind(3, static_cast<std::int64_t>(sequence))
                    .bind_blob(4, p.reply).run();
        }
        tx.commit();
        auto events = sequence - last_durable();
        durable_.store(sequence, std::memory_order_release);
        double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::lock_guard lock(mutex_);
        ++figures_.commits;
        figures_.events += events;
        figures_.commit_seconds += took;
        std::size_t i = 0;
        while (i < figures::size_bounds.size() && events > figures::size_bounds[i]) ++i;
        ++figures_.by_size[i];
        i = 0;
        while (i < figures::latency_bounds.size() && took > figures::latency_bounds[i]) ++i;
        ++figures_.by_latency[i];
        return {};
    } catch (sqlite_error const& e) {
        fail(e.what());
        return e.code();
    } catch (rejected_batch const&) {
        fail(options_.path + ": " + log_category().message(static_cast<int>(log_errc::rejected)));
        return log_errc::rejected;
    }
}

void event_log::flush_touched(std::size_t at_most) {
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
    auto const end = touched_.begin() + static_cast<std::ptrdiff_t>(std::min(at_most, touched_.size()));
    for (auto it = touched_.begin(); it != end; ++it) report_->upsert(shadow_.tickets()[*it], shadow_);
    touched_.erase(touched_.begin(), end);
}

// Under load the report is written once per `report_pause` rather than once per batch (its
// own transaction and upserts are a tenth of the writer's time), and at once when the writer
// has nothing else to do; a new day, or a long backlog, cannot wait.
bool event_log::report_due() const {
    return new_day_ || snapshot_due() || touched_.size() >= 4096 || std::chrono::steady_clock::now() - last_report_ >= report_pause;
}

// A snapshot costs in proportion to the day's tickets, so it waits for at least as many
// events: snapshots then cost O(1) per event, and recovery replays no more than that.
bool event_log::snapshot_due() const {
    return new_day_ || since_snapshot_ >= std::max<std::uint64_t>(options_.snapshot_every, shadow_.tickets().size());
}

// A chunk of rows per transaction: the appends that arrive meanwhile wait for one chunk (a
// fraction of a millisecond), not for the whole report of a busy moment, which took 1 ms on
// average and up to 6 ms under the 256-connection benchmark. `reported_seq` moves, and
// retention and a snapshot run, only with the last chunk, when the report is whole.
void event_log::write_report() {
    report_owed_ = false;
    last_report_ = std::chrono::steady_clock::now();
    try {
        // This transaction need not reach the disk before the next batch's: that fsync covers it.
        if (options_.synchronous_full) db_.exec("PRAGMA synchronous=OFF");
        transaction tx(db_);
        flush_touched(report_chunk);
        bool const whole = touched_.empty();
        if (whole) {
            mark_reported_->bind(1, static_cast<std::int64_t>(last_durable())).run();
            day_rows_->write(shadow_);
            if (new_day_ && options_.retention_days > 0) erase_personal_data(db_, shadow_.day() - options_.retention_days);
            if (new_day_) db_.exec("DELETE FROM requests WHERE day < " + std::to_string(std::int64_t{shadow_.day()} - 1));  // retries come within minutes
            if (snapshot_due()) write_snapshot(last_durable());
            new_day_ = false;
        }
        tx.commit();
        if (options_.synchronous_full) db_.exec("PRAGMA synchronous=FULL");
        report_owed_ = !whole;
    } catch (sqlite_error const& e) {
        fail(e.what());  // the events are durable; the next start rebuilds the report from them
    }
}

// The backstop of checkpointer.hpp: commits that never pause let no checkpoint beside them copy
// the last frames, and the WAL would grow for as long as the load lasts. Here no commit runs
// beside it, so the next commit starts the WAL over.
void event_log::checkpoint_now() {
    checkpoint_passive(db_, [this](std::string why) { fail(std::move(why)); });
}

void event_log::fail(std::string why) {
    std::lock_guard lock(mutex_);
    if (failure_.empty()) failure_ = std::move(why);
    failed_.store(true, std::memory_order_release);
}

void event_log::write_snapshot(std::uint64_t sequence) {
    if (sequence == 0) return;
    insert_snapshot_->bind(1, static_cast<std::int64_t>(sequence)).bind(2, shadow_.day());
    insert_snapshot_->bind_blob(3, encode_snapshot(shadow_.image(), shadow_.config())).run();
    auto const window = std::min(options_.resume_window, sequence);
    prune_snapshots_->bind(1, static_cast<std::int64_t>(sequence - window)).run();
    since_snapshot_ = 0;
}

}  // namespace novbe::store
