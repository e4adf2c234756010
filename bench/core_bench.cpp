// decide + apply per command type on a centre with 10,000 tickets waiting.
// Run: build/release/bench/novbe_core_bench  (figures are recorded in bench/README.md)
#include "core/centre.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <stdexcept>

namespace {

using namespace novbe::core;
using namespace std::chrono_literals;

constexpr int services = 4;
constexpr int counters = 10;
constexpr int waiting = 10'000;

centre_config bench_config() {
    centre_config config;
    char const* ids[services] = {"passport", "id_card", "civil", "notary"};
    for (int s = 0; s < services; ++s)
        config.services.push_back({.id = ids[s], .prefix = std::string(1, static_cast<char>('A' + s))});
    for (int c = 1; c <= counters; ++c)
        config.counters.push_back({.number = static_cast<counter_number>(c), .name = "Counter " + std::to_string(c),
                                   .services = {static_cast<service_index>(c % services),
                                                static_cast<service_index>((c + 1) % services)}});
    return config;
}

// A busy centre: every counter open and 10,000 citizens waiting, one in ten with priority.
class busy_centre {
public:
    busy_centre() { reset(); }

    void reset() {
        c_ = centre(bench_config());
        now_ = start_;
        for (counter_number n = 1; n <= counters; ++n) run(open_counter{n, "clerk" + std::to_string(n)});
        for (int i = 0; i < waiting; ++i) issue(static_cast<service_index>(i % services), i % 10 == 0);
    }
    bool needs_reset() const { return c_.tickets().size() > 200'000; }  // a very big day's worth

    // The next counter in turn gets a new citizen in line; the day starts over (untimed) when full.
    counter_number next_turn(benchmark::State& state, counter_number n) {
        if (needs_reset()) {
            state.PauseTiming();
            reset();
            state.ResumeTiming();
        }
        n = n % counters + 1;
        issue(static_cast<service_index>(n % services));
        return n;
    }

    void run(command const& cmd) {
        now_ += 10ms;  // a day holds millions of commands: no roll-over mid-benchmark
        auto result = c_.decide(cmd, now_);
        if (!result.ok()) throw std::logic_error(std::string(name(result.error())));
        for (auto const& ev : result.events()) c_.apply(ev);
    }
    void issue(service_index s, bool priority = false) {
        run(issue_ticket{s, priority ? priority_class::priority : priority_class::normal, "en", {1, ++tokens_}});
    }
    ticket_token last_served_token(counter_number n) const {
        return c_.tickets()[*c_.find_counter(n)->last_served].token;
    }
    std::uint64_t fresh_token() const { return ++tokens_; }
    std::string const& clerk(counter_number n) const { return c_.find_counter(n)->clerk; }  // who may work it
    outcome decide(command const& cmd) const { return c_.decide(cmd, now_); }
    std::string last_number() const { return c_.number_of(c_.tickets().back()); }
    std::size_t waiting_now() const {
        std::size_t n = 0;
        for (service_index s = 0; s < services; ++s) n += c_.queue(s).size();
        return n;
    }

private:
    centre c_{bench_config()};
    time_point const start_ = time_point{std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + 4h};
    time_point now_ = start_;
    mutable std::uint64_t tokens_ = 0;
};

// One citizen's whole visit, keeping 10,000 waiting: issue, call, recall, start, complete, rate.
void BM_served_visit(benchmark::State& state) {
    busy_centre b;
    counter_number n = 0;
    for (auto _ : state) {
        n = b.next_turn(state, n);
        b.run(call_next{n, b.clerk(n)});
        b.run(recall_ticket{n, b.clerk(n)});
        b.run(start_serving{n, b.clerk(n)});
        b.run(complete_service{n, "served", b.clerk(n)});
        b.run(rate_service{b.last_served_token(n), 5});
    }
    state.SetItemsProcessed(state.iterations() * 6);
    state.counters["waiting"] = static_cast<double>(b.waiting_now());
}
BENCHMARK(BM_served_visit);

// The other ways out: a no-show, and a transfer whose ticket is then cancelled.
void BM_no_show_and_transfer(benchmark::State& state) {
    busy_centre b;
    counter_number n = 0;
    for (auto _ : state) {
        n = b.next_turn(state, n);
        b.run(call_next{n, b.clerk(n)});
        b.run(mark_no_show{n, b.clerk(n)});
        b.issue(static_cast<service_index>(n % services));
        b.run(call_next{n, b.clerk(n)});
        b.run(start_serving{n, b.clerk(n)});
        b.run(transfer_ticket{n, static_cast<service_index>((n + 2) % services), b.clerk(n)});
        b.run(cancel_ticket{b.last_number(), "citizen_request"});
    }
    state.SetItemsProcessed(state.iterations() * 8);
}
BENCHMARK(BM_no_show_and_transfer);

// One step of a served visit timed alone (the clock around it costs about 20 ns of the figure);
// the other steps run untimed so that the centre stays at 10,000 waiting.
enum visit_step { issue_step, call_step, recall_step, start_step, complete_step, rate_step, step_count };
char const* const step_names[step_count] = {"issue_ticket", "call_next", "recall_ticket",
                                            "start_serving", "complete_service", "rate_service"};

command make_step(busy_centre const& b, int step, counter_number n) {
    switch (step) {
    case issue_step: return issue_ticket{static_cast<service_index>(n % services), priority_class::normal, "en",
                                         {2, b.fresh_token()}};
    case call_step: return call_next{n, b.clerk(n)};
    case recall_step: return recall_ticket{n, b.clerk(n)};
    case start_step: return start_serving{n, b.clerk(n)};
    case complete_step: return complete_service{n, "served", b.clerk(n)};
    default: return rate_service{b.last_served_token(n), 5};
    }
}

void BM_one_step(benchmark::State& state) {
    auto const timed_step = static_cast<int>(state.range(0));
    state.SetLabel(step_names[timed_step]);
    busy_centre b;
    counter_number n = 0;
    for (auto _ : state) {
        if (b.needs_reset()) b.reset();  // not timed: only the chosen step is
        n = n % counters + 1;
        std::chrono::nanoseconds spent{};
        for (int step = 0; step < step_count; ++step) {
            auto cmd = make_step(b, step, n);
            if (step != timed_step) {
                b.run(cmd);
                continue;
            }
            auto start = std::chrono::steady_clock::now();
            b.run(cmd);
            spent += std::chrono::steady_clock::now() - start;
        }
        state.SetIterationTime(std::chrono::duration<double>(spent).count());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_one_step)->DenseRange(0, step_count - 1)->UseManualTime();

// decide() alone for call-next, against an unchanging centre: the routing cost by itself.
void BM_decide_call_next(benchmark::State& state) {
    busy_centre b;
    call_next const call{1, b.clerk(1)};
    for (auto _ : state) benchmark::DoNotOptimize(b.decide(call));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decide_call_next);

}  // namespace

BENCHMARK_MAIN();
