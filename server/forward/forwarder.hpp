#pragma once
// Sends the centre's durable events to the central PostgreSQL (docs/CENTRAL.md#guarantees), on
// a thread of its own: it reads centre.db read-only, never the engine's memory, so it forwards
// only what is on disk, and the centre never waits for it. Each batch is one transaction that
// starts where the central high-water mark ends; on start and after any failure it asks the
// central side again, with a back-off (jittered) while the database is gone.
#include "core/config.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace novbe::forward {

struct options {
    std::string connection;            // a libpq URI or keyword string
    std::string centre_id;             // "baku-1"
    std::size_t batch_events = 1000;
    std::string log_path;              // DATA_DIR/centre.db
    std::string identity;              // this centre's own random id (central_identity)
    core::centre_config reference;     // services (names by language) and counters, upserted centrally
    std::chrono::milliseconds poll{200};       // how often the local log is looked at
    std::chrono::milliseconds backoff_max{10'000};
    std::function<void(bool problem, std::string const&)> log;  // one line per problem or recovery
};

// Behind the centre, as of the last look (thread-safe to read).
struct lag {
    std::uint64_t events = 0;
    double seconds = 0;
    std::uint64_t forwarded = 0;  // the central high-water mark
    std::int64_t failing_since_ms = 0;  // the first failure of the current outage; 0 while it forwards
    std::string problem;                // that failure's words; empty while it forwards
    bool stopped = false;               // a problem retrying cannot mend: forwarding stopped
};

class forwarder {
public:
    explicit forwarder(options o);
    ~forwarder();  // stop()
    forwarder(forwarder const&) = delete;
    forwarder& operator=(forwarder const&) = delete;

    void start();
    void stop();  // ends the thread; a batch in flight is committed or rolled back whole
    forward::lag lag() const;

private:
    void run();
    void failing(std::string const& why, bool stopped);  // the state lag() tells
    void forwarding();
    bool sleep(std::chrono::milliseconds d);  // false once stopping

    options options_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::int64_t failing_since_ms_ = 0;  // under mutex_, with problem_ and stopped_
    std::string problem_;
    bool stopped_ = false;
    std::atomic<std::uint64_t> behind_{0};
    std::atomic<std::uint64_t> forwarded_{0};
    std::atomic<std::int64_t> oldest_unsent_ms_{0};
};

// The centre's own identity, kept in DATA_DIR/central-identity (made at first use): a second
// centre claiming the same centre_id has another one and is refused.
std::string central_identity(std::string const& data_dir);

}  // namespace novbe::forward
