#include "history_reader.hpp"

#include "day_figures.hpp"
#include "schema.hpp"

#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <optional>

namespace novbe::store {

namespace {

std::string const select_sql = std::string("SELECT day, service, ") + figure_columns +
                               " FROM service_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day, service LIMIT ?3";

// The range's sums per counter and clerk, as core::figures::operator+= sums days.
std::string const staff_sql = R"sql(
    SELECT kind, who, sum(issued), sum(transferred_in), sum(called), sum(served), sum(no_shows),
           sum(transferred_out), sum(cancelled), sum(closed_unserved), sum(within_target), sum(wait_sum_ms),
           max(wait_max_ms), sum(service_sum_ms), sum(ratings), sum(rated_1), sum(rated_2), sum(rated_3),
           sum(rated_4), sum(rated_5), sum(estimates), sum(estimate_error_sum_ms), sum(walks), sum(walk_sum_ms),
           sum(idle_waiting_ms)
    FROM staff_days WHERE day BETWEEN ?1 AND ?2 GROUP BY kind, who ORDER BY kind, who LIMIT ?3
)sql";

std::string const pauses_sql = R"sql(
    SELECT kind, who, reason, sum(paused_ms) FROM staff_pauses WHERE day BETWEEN ?1 AND ?2
    GROUP BY kind, who, reason ORDER BY kind, who, reason LIMIT ?3
)sql";

using steady = std::chrono::steady_clock;

std::string text(sqlite3_stmt* s, int i) {
    auto const* t = reinterpret_cast<char const*>(sqlite3_column_text(s, i));
    return t ? t : "";
}

std::optional<core::counter_number> counter_of(std::string const& who) {
    core::counter_number n = 0;
    auto [end, ec] = std::from_chars(who.data(), who.data() + who.size(), n);
    if (ec != std::errc{} || end != who.data() + who.size()) return std::nullopt;
    return n;
}

// The counter's or clerk's sums a row adds to; none for a row this build cannot name.
core::figures* staff_row(stored_range& out, sqlite3_stmt* s) {
    auto const who = text(s, 1);
    if (sqlite3_column_int64(s, 0) == static_cast<int>(staff_kind::clerk)) return &out.by_clerk[who];
    if (auto n = counter_of(who)) return &out.by_counter[*n];
    return nullptr;
}

}  // namespace

history_reader::history_reader(std::string path) : path_(std::move(path)) {
    // Read-only: the writer alone changes the file; a WAL reader sees only whole commits.
    int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db_, select_sql.c_str(), -1, &select_, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db_, staff_sql.c_str(), -1, &staff_, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db_, pauses_sql.c_str(), -1, &pauses_, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_finalize(select_);
        sqlite3_finalize(staff_);
        sqlite3_close(db_);
        throw store_error(path_ + ": cannot open the history read-only: " + why);
    }
    sqlite3_busy_timeout(db_, max_milliseconds);
}

history_reader::~history_reader() {
    sqlite3_finalize(select_);
    sqlite3_finalize(staff_);
    sqlite3_finalize(pauses_);
    sqlite3_close(db_);
}

// Steps `s` over the range, `row` for each; more than `most` rows is an error, never a cut.
template <class Row>
void history_reader::each_row(sqlite3_stmt* s, core::day_number from, core::day_number to, std::size_t most,
                              char const* what, Row row) {
    sqlite3_bind_int64(s, 1, from);
    sqlite3_bind_int64(s, 2, to);
    sqlite3_bind_int64(s, 3, static_cast<sqlite3_int64>(most + 1));  // one more: a cut is said, never kept quiet
    std::size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (n++ == most) {
            sqlite3_reset(s);
            throw std::runtime_error(path_ + ": history: more than " + std::to_string(most) + " " + what +
                                     " in the range; ask for fewer days");
        }
        row(s);
    }
    std::string const why = rc == SQLITE_INTERRUPT ? "the read took too long" : sqlite3_errmsg(db_);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) throw std::runtime_error(path_ + ": history: " + why);
}

stored_range history_reader::read(core::day_number from, core::day_number to) {
    auto const deadline = steady::now() + std::chrono::milliseconds(max_milliseconds);
    // Interrupts a read that runs past its time (a disk that stalls): a clear error, not a hang.
    sqlite3_progress_handler(
        db_, 1000, [](void* at) { return steady::now() > *static_cast<steady::time_point const*>(at) ? 1 : 0; },
        const_cast<steady::time_point*>(&deadline));
    // The three reads see the same commit: the service rows and the staff sums of one moment.
    struct read_transaction {
        sqlite3* db;
        ~read_transaction() {
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_progress_handler(db, 0, nullptr, nullptr);
        }
    } tx{db_};
    if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        throw std::runtime_error(path_ + ": history: " + sqlite3_errmsg(db_));
    stored_range out;
    each_row(select_, from, to, max_rows, "service-days", [&](sqlite3_stmt* s) {
        auto& row = out.days.emplace_back();
        row.day = static_cast<core::day_number>(sqlite3_column_int64(s, 0));
        row.service = text(s, 1);
        row.figures = read_figures(s, 2);
    });
    each_row(staff_, from, to, max_staff, "counters and clerks", [&](sqlite3_stmt* s) {
        if (auto* f = staff_row(out, s)) {
            *f = read_figures(s, 2);
            f->idle_waiting = core::duration{sqlite3_column_int64(s, 2 + figure_column_count)};
        }
    });
    each_row(pauses_, from, to, max_pause_rows, "pause reasons", [&](sqlite3_stmt* s) {
        if (auto* f = staff_row(out, s)) f->pause_by_reason[text(s, 2)] = core::duration{sqlite3_column_int64(s, 3)};
    });
    return out;
}

}  // namespace novbe::store
