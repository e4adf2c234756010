// Appends events under load for crash_test.cpp until it is killed, writing each acknowledged
// (durable) sequence number to standard output, one line per completion.
// usage: novbe_store_crash_helper DATABASE
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <thread>

using namespace novbe;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DATABASE\n", argv[0]);
        return 2;
    }
    auto opened = store::event_log::open({.path = argv[1], .snapshot_every = 500}, core::testing::small_centre());
    // Each command of the source takes 7 s: resuming after the last sequence keeps time moving on.
    auto now = core::testing::morning() + std::chrono::seconds(7 * opened.last_sequence);
    // A new token series per life: the day's earlier tickets hold the tokens an earlier life drew
    // (slow under TSan, a life could spend all its time on refused repeats).
    store::testing::event_source source(std::move(opened.centre), now, 6 + opened.last_sequence);
    std::mutex core;  // decide, apply and append in one order, as the server's core strand does
    // Killed long before this; the deadline only keeps a lost helper from running for ever.
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::vector<std::thread> producers;
    for (int p = 0; p < 4; ++p)
        producers.emplace_back([&] {
            while (std::chrono::steady_clock::now() < give_up) {
                std::lock_guard lock(core);
                opened.log->append(source.busy_minutes(1), [](std::error_code ec, std::uint64_t last) {
                    if (ec) std::_Exit(3);
                    char line[32];
                    int n = std::snprintf(line, sizeof line, "%llu\n", static_cast<unsigned long long>(last));
                    if (write(STDOUT_FILENO, line, static_cast<std::size_t>(n)) != n) std::_Exit(4);
                });
            }
        });
    for (auto& t : producers) t.join();
    return 5;  // never killed: the test that started it is gone
}
