#pragma once
// The audit trail read back from the log (docs/DOMAIN.md#audit): who did what, newest first, on
// its own read-only connection, so a manager's query never holds up the writer (a WAL reader
// sees only committed events and takes no lock the writer waits for). Bounded: one call looks
// at no more than `scan_limit` events of the log, and says where to go on.
// One reader per thread; not thread-safe.
#include "core/event.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace novbe::store {

// Which events a query wants: all, the exceptions to the line (a chosen call, a staff cancel,
// a take-over, a move: a transfer with a reason), or the set-up changes (users, devices, the hall message).
enum class audit_kinds { all, out_of_turn, setup };

struct audit_filter {
    core::day_number from_day = 0;  // the centre's local days, both included
    core::day_number to_day = 0;
    std::string user;               // the actor's name; empty: anyone
    std::uint32_t counter = 0;      // 0: any
    audit_kinds kinds = audit_kinds::all;
    std::uint64_t before = 0;       // only events before this sequence; 0: from the newest
    std::size_t page_size = 50;
    std::size_t scan_limit = 20000;  // events looked at per call, whatever matches
};

// One event of the trail. Texts are empty where the event has none.
struct audit_entry {
    std::uint64_t sequence = 0;
    std::int64_t at_ms = 0;
    core::actor by;
    std::string kind;          // the log's name of the event: "ticket_called", "counter_taken_over", ...
    std::string ticket;        // its number, "A012", from the report (empty if not yet reported:
    std::optional<std::uint32_t> ordinal;  // the ticket's ordinal and day, to look it up elsewhere)
    core::day_number day = 0;
    std::uint32_t counter = 0;
    std::string service;       // the ticket's line (a transfer's or move's: the new one)
    std::string reason_code;   // docs/DOMAIN.md#reasons
    std::string words;         // a take-over's or pause's words, the hall message, the user or device
};

struct audit_page {
    std::vector<audit_entry> rows;
    std::uint64_t next_before = 0;  // where the next page starts (its `before`); 0: no more
};

class audit_reader {
public:
    explicit audit_reader(std::string path);  // throws store_error naming the file
    ~audit_reader();
    audit_reader(audit_reader const&) = delete;
    audit_reader& operator=(audit_reader const&) = delete;

    audit_page read(audit_filter const& f);  // throws store_error

private:
    std::uint64_t first_of_day(core::day_number day, std::uint64_t low, std::uint64_t high);
    [[noreturn]] void fail(char const* doing) const;

    std::string path_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* bounds_ = nullptr;
    sqlite3_stmt* day_at_ = nullptr;
    sqlite3_stmt* events_ = nullptr;
    sqlite3_stmt* ticket_ = nullptr;
};

}  // namespace novbe::store
