#pragma once
// Helpers for store tests: a temporary folder, a centre that produces realistic events, and
// a blocking append (as a given actor, too).
#include "core/centre.hpp"
#include "store/event_log.hpp"

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace novbe::store::testing {

// A fresh folder under the system's temporary directory, removed with everything in it.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(temp_dir const&) = delete;
    temp_dir& operator=(temp_dir const&) = delete;
    std::string file(std::string const& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// The engine on the caller's side: decides and applies commands, keeping the events.
class event_source {
public:
    event_source();
    // Carries on from a recovered centre, at `now` (not before the log's last event). Tickets
    // issued by an earlier source that day hold their tokens (a repeat is refused as a
    // duplicate), so a restarted source draws from a new `token_series`.
    event_source(core::centre start, core::time_point now, std::uint64_t token_series = 5)
        : c_(std::move(start)), now_(now), token_series_(token_series) {}

    std::vector<core::event> run(core::command const& cmd);  // empty if refused
    // A few minutes of a working centre: tickets issued, called, served, rated.
    std::vector<core::event> busy_minutes(int visits);
    void advance(core::duration d) { now_ += d; }
    core::centre const& centre() const { return c_; }

private:
    core::centre c_;
    core::time_point now_;
    std::uint64_t token_series_ = 5;
    std::uint64_t tokens_ = 1000;
    core::counter_number next_counter_ = 1;
};

struct append_result {
    std::error_code ec;
    std::uint64_t last_sequence = 0;
};
append_result append_and_wait(event_log& log, std::vector<core::event> events);
// The same as done by `by` (who sent the command); a refused append fails the calling test.
void append_as(event_log& log, std::vector<core::event> events, core::actor by);

}  // namespace novbe::store::testing
