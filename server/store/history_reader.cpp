#include "history_reader.hpp"

#include "schema.hpp"

#include <sqlite3.h>

#include <chrono>

namespace novbe::store {

namespace {

char const* const select_sql = R"sql(
    SELECT day, service, issued, transferred_in, called, served, no_shows, transferred_out, cancelled,
           closed_unserved, within_target, wait_sum_ms, wait_max_ms, service_sum_ms, ratings,
           rated_1, rated_2, rated_3, rated_4, rated_5, estimates, estimate_error_sum_ms, walks, walk_sum_ms
    FROM service_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day, service LIMIT ?3
)sql";

// Ends the read transaction with the call, whatever happens.
struct stepping {
    sqlite3_stmt* s;
    ~stepping() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
};

using steady = std::chrono::steady_clock;

std::uint32_t u32(sqlite3_stmt* s, int i) { return static_cast<std::uint32_t>(sqlite3_column_int64(s, i)); }
core::duration ms(sqlite3_stmt* s, int i) { return core::duration{sqlite3_column_int64(s, i)}; }

}  // namespace

history_reader::history_reader(std::string path) : path_(std::move(path)) {
    // Read-only: the writer alone changes the file; a WAL reader sees only whole commits.
    int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db_, select_sql, -1, &select_, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw store_error(path_ + ": cannot open the history read-only: " + why);
    }
    sqlite3_busy_timeout(db_, max_milliseconds);
}

history_reader::~history_reader() {
    sqlite3_finalize(select_);
    sqlite3_close(db_);
}

std::vector<service_day> history_reader::read(core::day_number from, core::day_number to) {
    auto const deadline = steady::now() + std::chrono::milliseconds(max_milliseconds);
    // Interrupts a read that runs past its time (a disk that stalls): a clear error, not a hang.
    sqlite3_progress_handler(
        db_, 1000, [](void* at) { return steady::now() > *static_cast<steady::time_point const*>(at) ? 1 : 0; },
        const_cast<steady::time_point*>(&deadline));
    stepping guard{select_};
    sqlite3_bind_int64(select_, 1, from);
    sqlite3_bind_int64(select_, 2, to);
    sqlite3_bind_int64(select_, 3, static_cast<sqlite3_int64>(max_rows + 1));  // one more: a cut is said, never kept quiet
    std::vector<service_day> out;
    int rc;
    while ((rc = sqlite3_step(select_)) == SQLITE_ROW) {
        if (out.size() == max_rows) {
            sqlite3_progress_handler(db_, 0, nullptr, nullptr);
            throw std::runtime_error(path_ + ": history: more than " + std::to_string(max_rows) +
                                     " service-days in the range; ask for fewer days");
        }
        auto& row = out.emplace_back();
        row.day = static_cast<core::day_number>(sqlite3_column_int64(select_, 0));
        auto const* id = reinterpret_cast<char const*>(sqlite3_column_text(select_, 1));
        row.service = id ? id : "";
        auto& f = row.figures;
        f.issued = u32(select_, 2);
        f.transferred_in = u32(select_, 3);
        f.called = u32(select_, 4);
        f.served = u32(select_, 5);
        f.no_shows = u32(select_, 6);
        f.transferred_out = u32(select_, 7);
        f.cancelled = u32(select_, 8);
        f.closed_unserved = u32(select_, 9);
        f.within_target = u32(select_, 10);
        f.wait_sum = ms(select_, 11);
        f.wait_max = ms(select_, 12);
        f.service_sum = ms(select_, 13);
        f.ratings = u32(select_, 14);
        for (int r = 0; r < 5; ++r) f.rating_counts[static_cast<std::size_t>(r)] = u32(select_, 15 + r);
        f.estimates = u32(select_, 20);
        f.estimate_error_sum = ms(select_, 21);
        f.walks = u32(select_, 22);
        f.walk_sum = ms(select_, 23);
    }
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    if (rc != SQLITE_DONE)
        throw std::runtime_error(path_ + ": history: " +
                                 (rc == SQLITE_INTERRUPT ? std::string("the read took too long") : sqlite3_errmsg(db_)));
    return out;
}

}  // namespace novbe::store
