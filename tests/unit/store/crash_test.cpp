// Crash safety with real processes: a helper appends under load and reports every acknowledged
// sequence through a pipe; it is killed with SIGKILL at random moments, 25 times. After each
// kill every acknowledged event is in the file, the log has no gap, and recovery succeeds.
#include "store/database.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>

namespace novbe::store::testing {
namespace {

// Runs the helper on `path` and kills it `life` after its first acknowledgement (or, with
// `during_start`, `life` after it started, while it may still be recovering). Returns the
// highest sequence it acknowledged. Counting from the first acknowledgement keeps a loaded
// machine, where starting takes longer, from turning rounds into kills before any append.
std::uint64_t run_and_kill(std::string const& path, std::chrono::milliseconds life, bool during_start = false) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_t child = fork();
    if (child == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        execl(NOVBE_CRASH_HELPER, NOVBE_CRASH_HELPER, path.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    std::string received;
    auto read_some = [&](int timeout_ms) {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return false;
        char buffer[4096];
        auto n = read(out[0], buffer, sizeof buffer);
        if (n <= 0) return false;
        received.append(buffer, static_cast<std::size_t>(n));
        return true;
    };
    auto const started = std::chrono::steady_clock::now();
    if (!during_start)
        while (received.find('\n') == std::string::npos && std::chrono::steady_clock::now() < started + std::chrono::seconds(20))
            read_some(5);
    auto deadline = std::chrono::steady_clock::now() + life;
    while (std::chrono::steady_clock::now() < deadline) read_some(5);
    kill(child, SIGKILL);
    while (read_some(1000)) {}  // what it wrote before it died
    close(out[0]);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the helper ended by itself: " << status;

    std::uint64_t highest = 0;
    std::size_t start = 0;
    for (auto end = received.find('\n'); end != std::string::npos; start = end + 1, end = received.find('\n', start))
        highest = std::max<std::uint64_t>(highest, std::stoull(received.substr(start, end - start)));
    return highest;
}

TEST(crash, every_acknowledged_event_survives_sigkill) {
    temp_dir dir;
    auto path = dir.file("centre.db");
    std::mt19937 rng(20261128);
    std::uint64_t acknowledged_total = 0;
    // 20 kills while appending, and every fifth round one more while the helper starts
    // (recovering, rewriting the report, writing its first batch).
    for (int round = 0; round < 25; ++round) {
        bool const during_start = round % 5 == 4;
        auto life = std::chrono::milliseconds(std::uniform_int_distribution<int>(0, during_start ? 60 : 350)(rng));
        auto acknowledged = run_and_kill(path, life, during_start);
        SCOPED_TRACE("round " + std::to_string(round) + ", killed " + std::to_string(life.count()) +
                     (during_start ? " ms after it started" : " ms after its first acknowledgement"));
        if (!during_start) {
            EXPECT_GT(acknowledged, acknowledged_total) << "the helper acknowledged nothing in 20 s";
        }
        auto recovered = event_log::open({.path = path}, core::testing::small_centre());  // must not throw
        EXPECT_GE(recovered.last_sequence, acknowledged) << "an acknowledged event was lost";
        EXPECT_GE(recovered.last_sequence, acknowledged_total) << "the log went backwards";
        recovered.log.reset();  // its clean close writes a snapshot; the next helper recovers from it
        database db(path);
        EXPECT_EQ(static_cast<std::int64_t>(recovered.centre.tickets().size()),
                  db.query_int("SELECT count(*) FROM tickets WHERE day = " + std::to_string(recovered.centre.day())))
            << "the report is not in step with the log";
        EXPECT_EQ(db.query_int("SELECT count(*) FROM events"), db.query_int("SELECT max(seq) FROM events")) << "a gap";
        acknowledged_total = std::max(acknowledged_total, recovered.last_sequence);
    }
    std::cout << "acknowledged up to sequence " << acknowledged_total << " over 25 kills\n";
}

}  // namespace
}  // namespace novbe::store::testing
