#include "centre_service.hpp"

#include <boost/asio/post.hpp>

#include <cstdio>
#include <cstdlib>

namespace novbe::net {

centre_service::centre_service(boost::asio::any_io_executor executor, store::event_log& log, core::centre centre,
                               clock now)
    : executor_(std::move(executor)), log_(log), centre_(std::move(centre)), now_(std::move(now)) {
    on_store_failure = [](std::string const& why) {
        std::fprintf(stderr, "fatal: the event log failed, stopping so that a restart recovers it: %s\n", why.c_str());
        std::fflush(stderr);
        std::_Exit(70);
    };
}

core::outcome centre_service::execute(core::command const& cmd, std::function<void()> when_durable) {
    auto result = apply(cmd);
    commit(result.ok() ? result.events() : std::vector<core::event>{}, std::move(when_durable));
    return result;
}

core::outcome centre_service::apply(core::command const& cmd) {
    auto result = centre_.decide(cmd, now_());
    if (result.ok())
        for (auto const& ev : result.events()) centre_.apply(ev);
    return result;
}

void centre_service::commit(std::vector<core::event> events, std::function<void()> when_durable, std::string key,
                            std::string reply) {
    log_.append(store::event_log::request{
        .events = std::move(events),
        .done = [this, fn = std::move(when_durable)](std::error_code ec, std::uint64_t) mutable { durable(ec, std::move(fn)); },
        .key = std::move(key), .reply = std::move(reply)});
}

void centre_service::after_durable(std::function<void()> fn) {
    log_.append({}, [this, fn = std::move(fn)](std::error_code ec, std::uint64_t) mutable { durable(ec, std::move(fn)); });
}

// On the writer thread: collect, and post once for the whole batch.
void centre_service::durable(std::error_code ec, std::function<void()> fn) {
    bool first = false;
    {
        std::lock_guard lock(mutex_);
        if (ec && failure_.empty()) failure_ = log_.failure().empty() ? ec.message() : log_.failure();
        first = ready_.empty();
        ready_.push_back(std::move(fn));
    }
    if (first) boost::asio::post(executor_, [this] { drain(); });
}

void centre_service::drain() {
    std::vector<std::function<void()>> ready;
    std::string failure;
    {
        std::lock_guard lock(mutex_);
        ready.swap(ready_);
        failure = failure_;
    }
    if (!failure.empty()) return on_store_failure(failure);  // nothing is answered from memory ahead of disk
    for (auto& fn : ready) fn();
}

}  // namespace novbe::net
