#include "log_day.hpp"

#include "replay.hpp"
#include "store/event_log.hpp"

#include <atomic>
#include <filesystem>

namespace novbe::sim {

result log_day(std::string const& path, day const& d, std::vector<citizen> const& citizens, variant const& v) {
    if (std::filesystem::exists(path)) throw replay_error(path + ": exists already; the simulator logs only to a new file");
    auto config = engine_config(d, v);
    std::optional<core::booking_config> booking;  // the log's own centre applies the bookings' events as the run's
    if (d.has_bookings()) booking = engine_bookings(d, config);
    auto opened = store::event_log::open({.path = path, .booking = booking}, config);
    std::atomic<bool> failed{false};
    // Each command's events in one append, as the server hands them over; the writer batches them.
    auto out = simulate(d, citizens, v, [&](std::vector<core::event> const& events) {
        opened.log->append(events, [&failed](std::error_code ec, std::uint64_t) {
            if (ec) failed = true;
        });
    });
    opened.log->close();  // commits what is pending, then a snapshot: the set-up a replay reads
    if (failed || opened.log->failed()) throw replay_error(path + ": the log refused the day: " + opened.log->failure());
    return out;
}

}  // namespace novbe::sim
