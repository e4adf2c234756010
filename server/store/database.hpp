#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements and a transaction
// that rolls back unless committed. Errors become sqlite_error naming the file and the step.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

struct sqlite3;
struct sqlite3_stmt;

namespace novbe::store {

// SQLite result codes as std::error_code, for completions that report a failed commit.
std::error_category const& sqlite_category();

class sqlite_error : public std::runtime_error {
public:
    sqlite_error(int code, std::string const& what) : std::runtime_error(what), code_(code) {}
    std::error_code code() const { return {code_ & 0xff, sqlite_category()}; }  // the primary code
    int extended_code() const { return code_; }  // e.g. SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN_ISDIR

private:
    int code_;
};

// Why this process cannot write the database at `path` (its file, or the folder that must hold
// its -wal and -shm files), in words an operator can act on: "permission denied", "read-only
// filesystem", "its folder ... is not writable ..."; empty if nothing stands in the way.
std::string unwritable_reason(std::string const& path);

// One connection. Not thread-safe: one thread uses it at a time.
class database {
public:
    // `read_only`: never writes the file (SQLITE_OPEN_READONLY), for a reader of another
    // program's log (novbe-sim --replay); `create` is then ignored.
    explicit database(std::string path, bool create = true, bool read_only = false);
    ~database();
    database(database const&) = delete;
    database& operator=(database const&) = delete;

    sqlite3* handle() const { return db_; }
    std::string const& path() const { return path_; }

    void exec(std::string const& sql);
    std::int64_t query_int(std::string const& sql);  // the first column of the first row, 0 if none
    [[noreturn]] void fail(int code, std::string_view doing) const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

// A prepared statement, reset and reused; bind indexes start at 1, columns at 0.
class statement {
public:
    statement(database& db, std::string const& sql);
    ~statement();
    statement(statement const&) = delete;
    statement& operator=(statement const&) = delete;

    statement& bind(int i, std::int64_t value);
    statement& bind_text(int i, std::string_view value) { return text(i, value, false); }  // empty text binds NULL
    statement& bind_blob(int i, std::string_view value) { return blob(i, value, false); }
    // Without a copy, for the writer's hot paths: the caller keeps `value` alive until run().
    statement& bind_text_unowned(int i, std::string_view value) { return text(i, value, true); }
    statement& bind_blob_unowned(int i, std::string_view value) { return blob(i, value, true); }
    statement& bind_null(int i);

    bool step();   // true while there is a row
    void run();    // step to the end, then reset for the next use
    void reset();

    std::int64_t column_int(int i) const;
    std::string_view column_blob(int i) const;
    std::string_view column_text(int i) const;
    bool column_is_null(int i) const;

private:
    statement& text(int i, std::string_view value, bool unowned);
    statement& blob(int i, std::string_view value, bool unowned);

    database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE now; ROLLBACK on destruction unless commit() succeeded.
class transaction {
public:
    explicit transaction(database& db);
    ~transaction();
    transaction(transaction const&) = delete;
    transaction& operator=(transaction const&) = delete;
    void commit();

private:
    database& db_;
    bool done_ = false;
};

}  // namespace novbe::store
