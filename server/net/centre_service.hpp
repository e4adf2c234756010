#pragma once
// The centre's single owner on the server's event loop: it decides and applies commands at once
// (so the next command already sees them), hands the events to the store, and runs each
// caller's continuation only when everything up to that command is durable. Completions come
// back from the writer thread as one post per batch, never one per request.
// Not thread-safe: call it from the executor it was given (the core strand).
#include "core/centre.hpp"
#include "net/hub.hpp"
#include "store/event_log.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace novbe::net {

class centre_service {
public:
    using clock = std::function<core::time_point()>;
    // `last_sequence`: the log's, as recovered; `subscribers` hears of every durable event.
    centre_service(boost::asio::any_io_executor executor, store::durable_log& log, core::centre centre,
                   std::uint64_t last_sequence, clock now, hub& subscribers);

    // Decides and applies; `when_durable` runs on the executor once the events (and all before
    // them) are on disk. A refusal also waits, so that answers keep the order of their questions.
    // `by`: who sent it, logged beside each event (the server's own ticks and closing: server_actor).
    core::outcome execute(core::command const& cmd, std::function<void()> when_durable,
                          core::actor const& by = core::server_actor());

    // The same in two steps, for a caller that builds its answer from the state in between:
    // apply() decides and applies (and records what subscribers will be told); commit() hands
    // the events to the store, with the answer to keep under an idempotency key (empty: none).
    struct applied {
        core::outcome outcome;
        std::shared_ptr<publication const> told;  // null when nothing happened
        core::actor by;
    };
    applied apply(core::command const& cmd, core::actor by);
    // A booking command (docs/DOMAIN.md#appointments), decided by the centre's bookings into
    // `decided`; its events (a refusal may carry some: a late check-in's lapse) applied and told
    // as apply()'s, so commit() makes them durable the same way.
    applied apply(core::booking_command const& cmd, core::actor by, core::booking_outcome& decided);
    // The same for a decision the caller makes from the state and the time (a check-in decides
    // over the bookings and the centre together: core/check_in.hpp).
    using decision = std::function<core::outcome(core::centre const&, core::time_point)>;
    applied apply(decision const& decide, core::actor by);
    void commit(applied const& a, std::function<void()> when_durable, std::string key = {}, std::string reply = {});

    // The sequence of the last event applied (durable or not yet).
    std::uint64_t applied_sequence() const { return applied_; }
    hub& subscribers() { return hub_; }
    // Runs `fn` on the executor once everything accepted so far is durable.
    void after_durable(std::function<void()> fn);

    core::centre const& state() const { return centre_; }
    core::time_point now() const { return now_(); }

    // What happens when the store fails: by default a log line and exit 70 (fail-stop).
    std::function<void(std::string const& why)> on_store_failure;

private:
    struct ready {
        std::function<void()> fn;
        std::shared_ptr<publication const> told;
    };
    void hand_over(store::durable_log::request r);
    void flush_staged();
    void durable(std::error_code ec, ready r);
    void drain();
    void fan_out();

    boost::asio::any_io_executor executor_;
    store::durable_log& log_;
    core::centre centre_;
    clock now_;
    hub& hub_;
    std::uint64_t applied_;
    std::vector<store::durable_log::request> staged_;  // for the writer, at the end of this turn
    std::size_t awaiting_durability_ = 0;              // handed over (or staged), not yet drained
    static constexpr std::size_t light_load = 32;
    static constexpr std::size_t fan_out_slice = 64;  // subscribers per turn of the loop
    bool fanning_out_ = false;

    std::mutex mutex_;                        // guards what the writer thread hands over
    std::vector<ready> ready_;
    std::string failure_;
};

}  // namespace novbe::net
