#include "centre_service.hpp"

#include <boost/asio/post.hpp>

#include <cstdio>
#include <cstdlib>

namespace novbe::net {

centre_service::centre_service(boost::asio::any_io_executor executor, store::event_log& log, core::centre centre,
                               std::uint64_t last_sequence, clock now, hub& subscribers)
    : executor_(std::move(executor)), log_(log), centre_(std::move(centre)), now_(std::move(now)), hub_(subscribers),
      applied_(last_sequence) {
    on_store_failure = [](std::string const& why) {
        std::fprintf(stderr, "fatal: the event log failed, stopping so that a restart recovers it: %s\n", why.c_str());
        std::fflush(stderr);
        std::_Exit(70);
    };
}

core::outcome centre_service::execute(core::command const& cmd, std::function<void()> when_durable) {
    auto a = apply(cmd);
    commit(a, std::move(when_durable));
    return a.outcome;
}

centre_service::applied centre_service::apply(core::command const& cmd) {
    auto now = now_();
    applied a{.outcome = centre_.decide(cmd, now)};
    if (!a.outcome.ok() || a.outcome.events().empty()) return a;
    for (auto const& ev : a.outcome.events()) centre_.apply(ev);
    // Told as of now, in wire form: later commands cannot change what these events said.
    a.told = std::make_shared<publication const>(publish(centre_, a.outcome.events(), applied_ + 1, now));
    applied_ += a.outcome.events().size();
    hub_.record(a.told);
    return a;
}

void centre_service::commit(applied const& a, std::function<void()> when_durable, std::string key, std::string reply) {
    log_.append(store::event_log::request{
        .events = a.outcome.ok() ? a.outcome.events() : std::vector<core::event>{},
        .done = [this, r = ready{std::move(when_durable), a.told}](std::error_code ec, std::uint64_t) mutable {
            durable(ec, std::move(r));
        },
        .key = std::move(key), .reply = std::move(reply)});
}

void centre_service::after_durable(std::function<void()> fn) {
    log_.append({}, [this, r = ready{std::move(fn), nullptr}](std::error_code ec, std::uint64_t) mutable {
        durable(ec, std::move(r));
    });
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
    if (!failure.empty()) return on_store_failure(failure);  // nothing is answered from memory ahead of disk
    // Answers first (a new subscriber's snapshot among them), then the events, once per batch.
    std::vector<std::shared_ptr<publication const>> told;
    for (auto& r : batch) {
        r.fn();
        if (r.told) told.push_back(std::move(r.told));
    }
    hub_.publish(told);
}

}  // namespace novbe::net
