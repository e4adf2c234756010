#include "centre_service.hpp"

#include <boost/asio/post.hpp>

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace novbe::net {

centre_service::centre_service(boost::asio::any_io_executor executor, store::durable_log& log, core::centre centre,
                               std::uint64_t last_sequence, clock now, hub& subscribers)
    : executor_(std::move(executor)), log_(log), centre_(std::move(centre)), now_(std::move(now)), hub_(subscribers),
      applied_(last_sequence) {
    on_store_failure = [](std::string const& why) {
        std::fprintf(stderr, "fatal: the event log failed, stopping so that a restart recovers it: %s\n", why.c_str());
        std::fflush(stderr);
        std::_Exit(70);
    };
}

core::outcome centre_service::execute(core::command const& cmd, std::function<void()> when_durable,
                                      core::actor const& by) {
    auto a = apply(cmd, by);
    commit(a, std::move(when_durable));
    return a.outcome;
}

centre_service::applied centre_service::apply(core::command const& cmd, core::actor by) {
    return apply([&cmd](core::centre const& c, core::time_point now) { return c.decide(cmd, now); }, std::move(by));
}

centre_service::applied centre_service::apply(decision const& decide, core::actor by) {
    auto now = now_();
    applied a{.outcome = decide(centre_, now), .by = std::move(by)};
    if (!a.outcome.ok() || a.outcome.events().empty()) return a;
    for (auto const& ev : a.outcome.events()) centre_.apply(ev);
    // Told as of now, in wire form: later commands cannot change what these events said.
    a.told = publish(centre_, a.outcome.events(), applied_ + 1, now, a.by);
    applied_ += a.outcome.events().size();
    hub_.record(a.told);
    return a;
}

centre_service::applied centre_service::apply(core::booking_command const& cmd, core::actor by,
                                              core::booking_outcome& decided) {
    auto now = now_();
    decided = centre_.appointments().decide(cmd, now, centre_);
    std::vector<core::event> events;
    for (auto const& e : decided.events) events.push_back(core::as_event(e));
    applied a{.outcome = core::outcome(std::move(events)), .by = std::move(by)};
    if (a.outcome.events().empty()) return a;
    for (auto const& ev : a.outcome.events()) centre_.apply(ev);
    a.told = publish(centre_, a.outcome.events(), applied_ + 1, now, a.by);
    applied_ += a.outcome.events().size();
    hub_.record(a.told);
    return a;
}

void centre_service::commit(applied const& a, std::function<void()> when_durable, std::string key, std::string reply) {
    hand_over(store::durable_log::request{
        .events = a.outcome.ok() ? a.outcome.events() : std::vector<core::event>{},
        .done = [this, r = ready{std::move(when_durable), a.told}](std::error_code ec, std::uint64_t) mutable {
            durable(ec, std::move(r));
        },
        .key = std::move(key), .reply = std::move(reply), .by = a.by});
}

void centre_service::after_durable(std::function<void()> fn) {
    hand_over({.done = [this, r = ready{std::move(fn), nullptr}](std::error_code ec, std::uint64_t) mutable {
        durable(ec, std::move(r));
    }});
}

// Under load, requests decided in one turn of the event loop (the reads one poll found ready)
// reach the writer as one append after them: one wake-up and one commit for the lot, not a
// commit for the first and another for the rest (larger batches, less writer CPU per event:
// bench/README.md, novbe_server_bench). Under light load the writer starts at once,
// since there a wake-up costs less than the wait for the turn's end.
void centre_service::hand_over(store::durable_log::request r) {
    staged_.push_back(std::move(r));
    if (++awaiting_durability_ <= light_load) return flush_staged();
    if (staged_.size() == 1) boost::asio::post(executor_, [this] { flush_staged(); });
}

void centre_service::flush_staged() {
    if (!staged_.empty()) log_.append(std::exchange(staged_, {}));
}

// On the writer thread: collect, and post once for the whole batch.
void centre_service::durable(std::error_code ec, ready r) {
    bool first = false;
    {
        std::lock_guard lock(mutex_);
        if (ec && failure_.empty()) failure_ = log_.failure().empty() ? ec.message() : log_.failure();
        first = ready_.empty();
        ready_.push_back(std::move(r));
    }
    if (first) boost::asio::post(executor_, [this] { drain(); });
}

void centre_service::drain() {
    std::vector<ready> batch;
    std::string failure;
    {
        std::lock_guard lock(mutex_);
        batch.swap(ready_);
        failure = failure_;
    }
    awaiting_durability_ -= batch.size();
    if (!failure.empty()) return on_store_failure(failure);  // nothing is answered from memory ahead of disk
    // Answers first (a new subscriber's snapshot among them), then the events, once per batch.
    std::vector<std::shared_ptr<publication const>> told;
    for (auto& r : batch) {
        r.fn();
        if (r.told) told.push_back(std::move(r.told));
    }
    hub_.enqueue(told);
    fan_out();
}

// A slice of subscribers per turn of the loop: what arrived meanwhile (a kiosk's issue, the
// writer's next completions) is served between slices, so thousands of boards cost a kiosk at
// most a slice of waiting (bench/README.md, novbe_busy_hall_bench).
void centre_service::fan_out() {
    if (fanning_out_) return;  // a slice is already on its way
    if (!hub_.fan_out(fan_out_slice)) return;
    fanning_out_ = true;
    boost::asio::post(executor_, [this] {
        fanning_out_ = false;
        fan_out();
    });
}

}  // namespace novbe::net
