#pragma once
// An in-memory stand-in for the SQLite log: it keeps what is appended and makes it durable
// only when the test says so, so a test can look at the moment between "decided" and "durable".
#include "store/durable_log.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace novbe::net::testing {

class memory_log final : public store::durable_log {
public:
    void append(std::vector<request> requests) override {
        for (auto& r : requests) pending_.push_back(std::move(r));
    }
    std::string failure() const override { return failure_; }

    // Everything appended so far is durable now: completions run, in order.
    void make_durable() {
        auto batch = std::exchange(pending_, {});
        for (auto& r : batch) {
            sequence_ += r.events.size();
            events_ += r.events.size();
            if (!r.key.empty()) keys_.push_back(r.key);
            r.done({}, sequence_);
        }
    }
    // The next commit fails: every pending completion hears so.
    void fail(std::string why) {
        failure_ = std::move(why);
        for (auto& r : std::exchange(pending_, {})) r.done(std::make_error_code(std::errc::io_error), sequence_);
    }

    std::size_t pending() const { return pending_.size(); }
    std::size_t durable_events() const { return events_; }
    std::vector<std::string> const& keys() const { return keys_; }

private:
    std::vector<request> pending_;
    std::uint64_t sequence_ = 0;
    std::size_t events_ = 0;
    std::vector<std::string> keys_;
    std::string failure_;
};

}  // namespace novbe::net::testing
