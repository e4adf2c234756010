#pragma once
// Reads the centre's durable log (centre.db) on its own read-only SQLite connection: only what
// the writer has committed, and never a lock the writer waits on (WAL readers do not block it).
// One reader per forwarder thread; not thread-safe.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace novbe::forward {

// The local log cannot be read (missing, damaged, a gap): names the file and the problem.
class local_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One stored event body (novbe.store.v1.StoredEvent) as its kind ("ticket_issued") and its
// fields as a JSON object (proto field names, zeros included; tokens, a booking's reference and
// phone left out: they stay at the centre).
struct event_json {
    std::string kind;
    std::string fields;
    std::string actor_role;  // who made it happen: "manager", "clerk", "server", ...; "" in old logs
    std::string actor;       // their name (docs/DOMAIN.md#audit)
};

// One event of the log, ready for the central `events` table (docs/CENTRAL.md#events).
struct local_event {
    std::uint64_t seq = 0;
    std::int64_t day = 0;  // days since 1970-01-01, the centre's local date
    std::int64_t at_ms = 0;
    event_json body;
};

// Events after a sequence, in order, gap-free.
struct local_batch {
    std::vector<local_event> events;
    std::uint64_t first = 0;  // 0: empty
    std::uint64_t last = 0;
    std::int64_t last_at_ms = 0;
};

class local_reader {
public:
    explicit local_reader(std::string path);  // throws local_error
    ~local_reader();
    local_reader(local_reader const&) = delete;
    local_reader& operator=(local_reader const&) = delete;

    local_batch after(std::uint64_t seq, std::size_t limit);  // throws local_error on a gap
    std::uint64_t last_sequence();                            // 0 for an empty log
    std::int64_t at_ms(std::uint64_t seq);                    // 0 if there is no such event

private:
    std::string path_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* batch_ = nullptr;
    sqlite3_stmt* last_ = nullptr;
    sqlite3_stmt* at_ = nullptr;
};

event_json to_json(std::string_view body);  // throws local_error

}  // namespace novbe::forward
