#include "event_log.hpp"

#include "codec.hpp"
#include "recovery.hpp"
#include "retention.hpp"

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
    opened result{.centre = log->shadow_, .last_sequence = log->last_durable(), .replayed = log->replayed_};
    log->writer_ = std::thread([raw = log.get()] { raw->run(); });
    result.log = std::move(log);
    return result;
}

event_log::event_log(log_options options, core::centre_config config)
    : options_(std::move(options)), db_(options_.path), shadow_(config) {
    prepare_schema(db_, options_.synchronous_full);
    if (options_.max_page_count > 0) db_.exec("PRAGMA max_page_count=" + std::to_string(options_.max_page_count));
    auto r = recover(db_, config);
    shadow_ = std::move(r.centre);
    replayed_ = r.replayed;
    next_sequence_ = r.last_sequence + 1;
    durable_.store(r.last_sequence);
    since_snapshot_ = r.replayed;
    insert_event_ = std::make_unique<statement>(db_, "INSERT INTO events (seq, day, at_ms, kind, body) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert_snapshot_ = std::make_unique<statement>(db_, "INSERT OR REPLACE INTO snapshots (seq, day, body) VALUES (?1, ?2, ?3)");
    prune_snapshots_ = std::make_unique<statement>(
        db_, "DELETE FROM snapshots WHERE seq < (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 1 OFFSET 1)");
    report_ = std::make_unique<ticket_report>(db_);
}

event_log::~event_log() { close(); }

void event_log::append(std::vector<core::event> events, completion done) {
    std::error_code refused;
    {
        std::lock_guard lock(mutex_);
        if (stopping_) refused = log_errc::closed;
        else if (failed()) refused = log_errc::failed;
        else {
            auto first = next_sequence_;
            next_sequence_ += events.size();
            pending_.push_back({std::move(events), first, std::move(done)});
        }
    }
    if (refused) return done(refused, last_durable());
    wake_.notify_one();
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
            wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
            if (pending_.empty()) break;  // stopping, and everything accepted is written
            batch.swap(pending_);
        }
        auto ec = failed() ? std::error_code(log_errc::failed) : write(batch);
        for (auto& p : batch) p.done(ec, p.first_sequence + p.events.size() - 1);
        batch.clear();
    }
    if (failed() || since_snapshot_ == 0) return;
    try {  // a clean shutdown leaves a snapshot, so the next start replays nothing
        transaction tx(db_);
        write_snapshot(last_durable());
        tx.commit();
    } catch (sqlite_error const&) {
        // The log itself is complete; the next start replays from the previous snapshot.
    }
}

std::error_code event_log::write(std::vector<pending>& batch) {
    try {
        transaction tx(db_);
        auto sequence = last_durable();
        bool new_day = false;
        for (auto const& p : batch) {
            for (auto const& ev : p.events) {
                // The shadow first: the day column and the report rows show the state after the event.
                if (!shadow_.can_apply(ev)) throw rejected_batch{};
                shadow_.apply(ev);
                new_day = new_day || std::holds_alternative<core::day_started>(ev);
                insert_event_->bind(1, static_cast<std::int64_t>(++sequence)).bind(2, shadow_.day());
                insert_event_->bind(3, detail::ms(event_time(ev))).bind(4, static_cast<std::int64_t>(ev.index()));
                insert_event_->bind_blob(5, encode_event(ev, shadow_.config())).run();
                report_->record(ev, shadow_);
                ++since_snapshot_;
            }
        }
        if (new_day && options_.retention_days > 0) erase_personal_data(db_, shadow_.day() - options_.retention_days);
        if (new_day || since_snapshot_ >= options_.snapshot_every) write_snapshot(sequence);
        tx.commit();
        durable_.store(sequence, std::memory_order_release);
        return {};
    } catch (sqlite_error const& e) {
        std::lock_guard lock(mutex_);
        failure_ = e.what();
        failed_.store(true, std::memory_order_release);
        return e.code();
    } catch (rejected_batch const&) {
        std::lock_guard lock(mutex_);
        failure_ = options_.path + ": " + log_category().message(static_cast<int>(log_errc::rejected));
        failed_.store(true, std::memory_order_release);
        return log_errc::rejected;
    }
}

void event_log::write_snapshot(std::uint64_t sequence) {
    if (sequence == 0) return;
    insert_snapshot_->bind(1, static_cast<std::int64_t>(sequence)).bind(2, shadow_.day());
    insert_snapshot_->bind_blob(3, encode_snapshot(shadow_.image(), shadow_.config())).run();
    prune_snapshots_->run();
    since_snapshot_ = 0;
}

}  // namespace novbe::store
