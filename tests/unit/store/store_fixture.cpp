#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <future>

namespace novbe::store::testing {

temp_dir::temp_dir() {
    auto pattern = (std::filesystem::temp_directory_path() / "novbe-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
    path_ = pattern;
}

temp_dir::~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

event_source::event_source() : c_(core::testing::small_centre()), now_(core::testing::morning()) {}

std::vector<core::event> event_source::run(core::command const& cmd) {
    now_ += std::chrono::seconds(7);
    auto result = c_.decide(cmd, now_);
    if (!result.ok()) return {};
    for (auto const& ev : result.events()) c_.apply(ev);
    return result.events();
}

std::vector<core::event> event_source::busy_minutes(int visits) {
    std::vector<core::event> all;
    auto add = [&](core::command const& cmd) {
        auto events = run(cmd);
        all.insert(all.end(), events.begin(), events.end());
    };
    for (core::counter_number n = 1; n <= 4; ++n)
        if (!c_.find_counter(n)->open) add(core::open_counter{n, "clerk" + std::to_string(n)});
    for (int i = 0; i < visits; ++i) {
        add(core::issue_ticket{static_cast<core::service_index>(i % 3), core::priority_class::normal, "az",
                               {token_series_, ++tokens_}});
        auto n = next_counter_;
        next_counter_ = next_counter_ % 4 + 1;
        auto clerk = c_.find_counter(n)->clerk;  // counters are worked by their own clerk
        if (c_.find_counter(n)->current) {
            add(core::start_serving{n, clerk});
            add(core::complete_service{n, "served, documents checked", clerk});
            add(core::rate_service{c_.tickets()[*c_.find_counter(n)->last_served].token, 1 + i % 5});
        }
        add(core::call_next{n, clerk});
    }
    return all;
}

append_result append_and_wait(event_log& log, std::vector<core::event> events) {
    std::promise<append_result> done;
    auto future = done.get_future();
    log.append(std::move(events), [&](std::error_code ec, std::uint64_t last) { done.set_value({ec, last}); });
    return future.get();
}

void append_as(event_log& log, std::vector<core::event> events, core::actor by) {
    std::promise<std::error_code> done;
    auto future = done.get_future();
    std::vector<durable_log::request> one;
    one.push_back({.events = std::move(events),
                   .done = [&](std::error_code ec, std::uint64_t) { done.set_value(ec); },
                   .by = std::move(by)});
    log.append(std::move(one));
    ASSERT_FALSE(future.get());
}

}  // namespace novbe::store::testing
