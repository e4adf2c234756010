// The WAL stays near its intended size under sustained load: checkpoints keep up with many small
// commits (a loaded server's shape), so the WAL cannot be what fills the disk.
#include "store_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <mutex>

namespace novbe::store::testing {
namespace {

std::uintmax_t size_of(std::string const& file) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    return ec ? 0 : size;
}

TEST(wal_size, stays_under_a_bound_while_twenty_thousand_events_are_appended_under_load) {
    temp_dir dir;
    auto path = dir.file("centre.db");
    event_source source;
    auto opened = event_log::open({.path = path, .snapshot_every = 2'000}, source.centre().config());

    constexpr int in_flight_limit = 32;  // requests kept in flight, as a loaded core strand does
    std::mutex mutex;
    std::condition_variable freed;
    int in_flight = 0;
    std::error_code first_error;
    std::uintmax_t largest_wal = 0;
    std::uint64_t appended = 0;
    for (int visit = 0; appended < 20'000; ++visit) {
        {
            std::unique_lock lock(mutex);
            freed.wait(lock, [&] { return in_flight < in_flight_limit; });
            ++in_flight;
        }
        auto events = source.busy_minutes(1);
        appended += events.size();
        // An idempotency key for each, as the server keeps: a random-looking key per request.
        opened.log->append({.events = std::move(events),
                            .done = [&](std::error_code ec, std::uint64_t) {
                                std::lock_guard lock(mutex);
                                if (ec && !first_error) first_error = ec;
                                --in_flight;
                                freed.notify_one();
                            },
                            .key = "kiosk-1/" + std::to_string(visit * 2654435761u % 1'000'003),
                            .reply = std::string(60, 'r')});
        if (visit % 16 == 0) largest_wal = std::max(largest_wal, size_of(path + "-wal"));
    }
    opened.log->close();
    ASSERT_FALSE(first_error) << first_error.message();
    EXPECT_GE(opened.log->last_durable(), 20'000u);
    // The intended size: about 1,000 pages of 4 KiB before a checkpoint (SQLite's own default),
    // with room for what the writer commits while a checkpoint runs beside it (the WAL starts
    // over only once a checkpoint has copied every frame). At 2,000 frames the writer checkpoints
    // itself, but if the checkpointer's own pass is still under way then, the writer's is refused
    // as busy and the WAL grows by what is committed until that pass ends: on a slow disk a few
    // hundred frames (9.0 MB was seen once on a CI machine). Without checkpoints the WAL grows
    // with the load, past 16 MB at half this count.
    constexpr std::uintmax_t bound = 12 * 1024 * 1024;
    EXPECT_GT(largest_wal, 0u) << "the WAL was never seen";
    EXPECT_LT(largest_wal, bound) << "the database is " << size_of(path) << " bytes";
}

}  // namespace
}  // namespace novbe::store::testing
