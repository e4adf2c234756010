#include "database.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace novbe::store {

namespace {

class sqlite_error_category final : public std::error_category {
public:
    char const* name() const noexcept override { return "sqlite"; }
    std::string message(int code) const override { return sqlite3_errstr(code); }
};

// errno in the words an operator acts on ("permission denied": fix the owner or mode).
std::string words_for(int error) {
    switch (error) {
    case EROFS: return "read-only filesystem";
    case EACCES:
    case EPERM: return "permission denied";
    default: return std::strerror(error);
    }
}

bool writable(std::string const& path) { return access(path.c_str(), W_OK) == 0; }

}  // namespace

std::string unwritable_reason(std::string const& path) {
    if (access(path.c_str(), F_OK) == 0 && !writable(path)) return words_for(errno);
    auto folder = std::filesystem::path(path).parent_path().string();
    if (folder.empty()) folder = ".";
    for (auto const* suffix : {"-wal", "-shm"})  // left by another user (the server once run as root)
        if (access((path + suffix).c_str(), F_OK) == 0 && !writable(path + suffix))
            return "its " + std::string(suffix) + " file is not writable: " + words_for(errno);
    if (writable(path + "-wal") && writable(path + "-shm")) return "";  // SQLite need not create them
    if (writable(folder)) return "";
    if (errno == EROFS) return words_for(errno);
    return "its folder " + folder + " is not writable for the -wal and -shm files: " + words_for(errno);
}

std::error_category const& sqlite_category() {
    static sqlite_error_category const instance;
    return instance;
}

database::database(std::string path, bool create, bool read_only) : path_(std::move(path)) {
    create = create && !read_only;
    int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string words = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        // Say why in the operator's words: a folder the server may not write, a file it may not.
        auto const folder = std::filesystem::path(path_).parent_path().string();
        bool const exists = access(path_.c_str(), F_OK) == 0;
        if (!exists && create && !folder.empty() && access(folder.c_str(), F_OK) == 0 && !writable(folder))
            throw sqlite_error(rc, path_ + ": cannot be created: " + words_for(errno));
        if (auto why = exists && !read_only ? unwritable_reason(path_) : std::string(); !why.empty())
            throw sqlite_error(rc, path_ + ": cannot be opened for writing: " + why);
        throw sqlite_error(rc, path_ + ": cannot open: " + words);
    }
    sqlite3_extended_result_codes(db_, 1);
}

database::~database() { sqlite3_close_v2(db_); }

void database::fail(int code, std::string_view doing) const {
    throw sqlite_error(code, path_ + ": " + std::string(doing) + ": " + sqlite3_errmsg(db_));
}

void database::exec(std::string const& sql) {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return;
    std::string words = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw sqlite_error(rc, path_ + ": " + words + " (in: " + sql.substr(0, 60) + ")");
}

std::int64_t database::query_int(std::string const& sql) {
    statement s(*this, sql);
    return s.step() ? s.column_int(0) : 0;
}

statement::statement(database& db, std::string const& sql) : db_(db) {
    int rc = sqlite3_prepare_v3(db.handle(), sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "cannot prepare \"" + sql.substr(0, 60) + "\"");
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement& statement::bind(int i, std::int64_t value) {
    if (int rc = sqlite3_bind_int64(stmt_, i, value); rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}

namespace {
// SQLite copies a value bound with SQLITE_TRANSIENT; SQLITE_STATIC trusts it to outlive the step.
sqlite3_destructor_type lifetime(bool owned_by_caller) { return owned_by_caller ? SQLITE_STATIC : SQLITE_TRANSIENT; }
}  // namespace

statement& statement::text(int i, std::string_view value, bool unowned) {
    if (value.empty()) return bind_null(i);
    int rc = sqlite3_bind_text(stmt_, i, value.data(), static_cast<int>(value.size()), lifetime(unowned));
    if (rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}

statement& statement::blob(int i, std::string_view value, bool unowned) {
    int rc = sqlite3_bind_blob(stmt_, i, value.data(), static_cast<int>(value.size()), lifetime(unowned));
    if (rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}

statement& statement::bind_null(int i) {
    if (int rc = sqlite3_bind_null(stmt_, i); rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}

bool statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // The message first: resetting the statement may replace it.
    sqlite_error error(rc, db_.path() + ": cannot run \"" + std::string(sqlite3_sql(stmt_)).substr(0, 60) +
                               "\": " + sqlite3_errmsg(db_.handle()));
    sqlite3_reset(stmt_);
    throw error;
}

void statement::run() {
    while (step()) {}
    reset();
}

void statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::column_int(int i) const { return sqlite3_column_int64(stmt_, i); }

std::string_view statement::column_blob(int i) const {
    auto const* data = static_cast<char const*>(sqlite3_column_blob(stmt_, i));
    return {data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))};
}

std::string_view statement::column_text(int i) const {
    auto const* data = reinterpret_cast<char const*>(sqlite3_column_text(stmt_, i));
    return {data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))};
}

bool statement::column_is_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

transaction::transaction(database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

transaction::~transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace novbe::store
