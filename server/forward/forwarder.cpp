#include "forwarder.hpp"

#include "forward/central_schema.hpp"
#include "forward/local_reader.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <optional>
#include <random>
#include <tuple>
#include <vector>

namespace novbe::forward {

namespace {

// Problems that retrying cannot mend: forwarding stops, the centre serves on.
class fatal : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Claims the centre_id for this centre (or finds its own claim) and upserts its reference data;
// returns the central high-water mark.
std::uint64_t claim(pqxx::connection& c, options const& o) {
    pqxx::work tx(c);
    tx.exec_params("INSERT INTO centres (centre_id, identity) VALUES ($1, $2) ON CONFLICT (centre_id) DO NOTHING",
                   o.centre_id, o.identity);
    auto row = tx.exec_params1("SELECT identity, forwarded_seq FROM centres WHERE centre_id = $1", o.centre_id);
    if (row[0].as<std::string>() != o.identity)
        throw fatal("centre_id '" + o.centre_id + "' is already claimed by another centre (its identity " +
                    row[0].as<std::string>() + ", ours " + o.identity +
                    "): forwarding stops; give this centre its own centre_id in [central]");
    // As the set-up is now; the trigger on `events` (reference_migration.cpp) keeps them in step
    // with the set-up events that follow, and replays older ones during a catch-up.
    for (auto const& s : o.reference.services) {
        tx.exec_params("INSERT INTO services (centre_id, service_id, prefix, target_wait_ms, agency, retired) "
                       "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (centre_id, service_id) DO UPDATE SET "
                       "prefix = EXCLUDED.prefix, target_wait_ms = EXCLUDED.target_wait_ms, agency = EXCLUDED.agency, "
                       "retired = EXCLUDED.retired",
                       o.centre_id, s.id, s.prefix, static_cast<long long>(s.target_wait.count()), s.agency, s.retired);
        tx.exec_params("DELETE FROM service_names WHERE centre_id = $1 AND service_id = $2", o.centre_id, s.id);
        for (auto const& [language, name] : s.names)
            tx.exec_params("INSERT INTO service_names VALUES ($1, $2, $3, $4)", o.centre_id, s.id, language, name);
        if (s.agency.empty() || s.agency_names.empty()) continue;
        tx.exec_params("DELETE FROM agency_names WHERE centre_id = $1 AND agency = $2", o.centre_id, s.agency);
        for (auto const& [language, name] : s.agency_names)
            tx.exec_params("INSERT INTO agency_names VALUES ($1, $2, $3, $4)", o.centre_id, s.agency, language, name);
    }
    for (auto const& k : o.reference.counters)
        tx.exec_params("INSERT INTO counters (centre_id, counter, name, retired) VALUES ($1, $2, $3, $4) "
                       "ON CONFLICT (centre_id, counter) DO UPDATE SET name = EXCLUDED.name, retired = EXCLUDED.retired",
                       o.centre_id, static_cast<int>(k.number), k.name, k.retired);
    tx.exec_params("SELECT pg_notify('novbe_forwarded', $1)", o.centre_id);  // its names may have changed
    tx.commit();
    return row[1].as<std::uint64_t>();
}

// A day as COPY's text of a date: days since 1970-01-01 -> "2026-12-02".
std::string date_of(std::int64_t day) {
    std::chrono::year_month_day const d{std::chrono::sys_days{std::chrono::days{day}}};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return out;
}

// One batch in one transaction, only if it starts right after the central high-water mark
// (so a retry of a committed batch, or a gap, is refused before anything is written). The
// events go in by COPY, one statement whose trigger projects the batch (docs/CENTRAL.md#schema).
std::uint64_t send(pqxx::connection& c, options const& o, local_batch const& batch) {
    // A query on a connection the server has closed leaks its error result inside libpqxx 6.4
    // (fixed in 7.x); reading the socket first finds most such ends without a query.
    c.get_notifs();
    pqxx::work tx(c);
    auto central = tx.exec_params1("SELECT forwarded_seq FROM centres WHERE centre_id = $1 FOR UPDATE", o.centre_id)[0]
                       .as<std::uint64_t>();
    if (central + 1 != batch.first)
        throw std::runtime_error("the central database holds events up to " + std::to_string(central) +
                                 ", not " + std::to_string(batch.first - 1) + ": starting again from there");
    {
        static std::vector<std::string> const columns = {"centre_id", "seq", "day", "at_ms", "kind", "fields", "actor_role", "actor"};
        pqxx::stream_to copy(tx, "events", columns);
        std::int64_t day = -1;
        std::string date;
        for (auto const& e : batch.events) {
            if (e.day != day) date = date_of(day = e.day);
            copy << std::tie(o.centre_id, e.seq, date, e.at_ms, e.body.kind, e.body.fields, e.body.actor_role, e.body.actor);
        }
        copy.complete();
    }
    tx.exec_params("UPDATE centres SET forwarded_seq = $2, forwarded_at = now() WHERE centre_id = $1", o.centre_id,
                   batch.last);
    tx.commit();
    return batch.last;
}

}  // namespace

forwarder::forwarder(options o) : options_(std::move(o)) {
    if (!options_.log) options_.log = [](bool, std::string const&) {};
}

forwarder::~forwarder() { stop(); }

void forwarder::start() { thread_ = std::thread([this] { run(); }); }

void forwarder::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

lag forwarder::lag() const {
    forward::lag out;
    out.forwarded = forwarded_.load();
    out.events = behind_.load();
    auto oldest = oldest_unsent_ms_.load();
    if (out.events > 0 && oldest > 0) out.seconds = static_cast<double>(std::max<std::int64_t>(0, now_ms() - oldest)) / 1000.0;
    std::lock_guard lock(mutex_);
    out.failing_since_ms = failing_since_ms_;
    out.problem = problem_;
    out.stopped = stopped_;
    return out;
}

void forwarder::failing(std::string const& why, bool stopped) {
    std::lock_guard lock(mutex_);
    if (failing_since_ms_ == 0) failing_since_ms_ = now_ms();
    problem_ = why;
    stopped_ = stopped;
}

void forwarder::forwarding() {
    std::lock_guard lock(mutex_);
    failing_since_ms_ = 0;
    problem_.clear();
}

bool forwarder::sleep(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, d, [this] { return stopping_; });
}

void forwarder::run() {
    auto const say = [this](std::string const& line) { options_.log(false, "central: " + line); };
    auto const complain = [this](std::string const& line) { options_.log(true, "central: " + line); };
    std::mt19937 random(std::random_device{}());
    auto backoff = std::chrono::milliseconds(250);
    std::string problem;  // the last one logged: a retry that fails the same way stays quiet
    std::optional<local_reader> local;
    auto measure = [&](std::uint64_t forwarded) {
        auto last = local->last_sequence();
        behind_ = last > forwarded ? last - forwarded : 0;
        oldest_unsent_ms_ = last > forwarded ? local->at_ms(forwarded + 1) : 0;
    };
    while (true) {
        try {
            if (!local) local.emplace(options_.log_path);
            measure(forwarded_);
            pqxx::connection c(options_.connection);
            prepare_central_schema(c);
            auto hwm = claim(c, options_);
            forwarded_ = hwm;
            if (local->last_sequence() < hwm)
                throw fatal("the central database holds " + std::to_string(hwm) + " events of centre_id '" +
                            options_.centre_id + "' but this centre's log only " +
                            std::to_string(local->last_sequence()) + ": is this a new DATA_DIR for an old centre_id?");
            say("forwarding to the central database as '" + options_.centre_id + "' from event " +
                std::to_string(hwm + 1) + (problem.empty() ? "" : " (recovered from: " + problem + ")"));
            problem.clear();
            forwarding();
            backoff = std::chrono::milliseconds(250);
            auto batch = local->after(hwm, options_.batch_events);
            while (true) {
                if (batch.first == 0) {
                    measure(hwm);
                    if (!sleep(options_.poll)) return;
                    batch = local->after(hwm, options_.batch_events);
                    continue;
                }
                // The next batch is read and encoded while this one is sent and projected
                // centrally (bench/README.md: the two sides take turns otherwise). Only that task
                // touches the reader until it is done; a failed send waits for it, then retries
                // from the central mark as before.
                auto next = std::async(std::launch::async, [&local, from = batch.last, limit = options_.batch_events] {
                    return local->after(from, limit);
                });
                try {
                    hwm = send(c, options_, batch);
                } catch (...) {
                    next.wait();
                    throw;
                }
                batch = next.get();
                forwarded_ = hwm;
                measure(hwm);
                std::lock_guard lock(mutex_);
                if (stopping_) return;
            }
        } catch (schema_too_new const& e) {
            complain(e.what());
            failing(e.what(), true);
            return;
        } catch (fatal const& e) {
            complain(e.what());
            failing(e.what(), true);
            return;
        } catch (std::exception const& e) {
            std::string why = e.what();
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
            if (why != problem) complain("cannot forward ([central] connection): " + why + "; retrying with back-off");
            problem = why;
            failing(why, false);
            if (local) try { measure(forwarded_); } catch (std::exception const&) { local.reset(); }
        }
        // Jitter (half to full) keeps many centres from returning to a restarted database at once.
        std::uniform_int_distribution<long> spread(backoff.count() / 2, backoff.count());
        if (!sleep(std::chrono::milliseconds(spread(random)))) return;
        backoff = std::min(backoff * 2, options_.backoff_max);
    }
}

std::string central_identity(std::string const& data_dir) {
    auto path = std::filesystem::path(data_dir) / "central-identity";
    std::string id;
    if (std::ifstream in{path}) std::getline(in, id);
    if (id.size() == 32) return id;
    std::random_device random;
    char const* hex = "0123456789abcdef";
    id.clear();
    for (int i = 0; i < 32; ++i) id += hex[random() % 16];
    std::ofstream out(path, std::ios::trunc);
    out << id << '\n';
    if (!out) throw std::runtime_error(path.string() + ": cannot write the centre's central identity");
    return id;
}

}  // namespace novbe::forward
