// An honest kiosk in a busy hall: it issues a ticket every 100 ms, on a connection and a thread
// of its own, while N boards follow the whole hall, clerks at all eight counters call, start
// and complete visits, and two more kiosks issue tickets; its round trips' p50/p99 beside the
// same kiosk in a quiet centre, measured in the same run (the floor). Then the same with
// hostile clients added: guessed ticket tokens, connections that never say Hello, and public
// boards at their subscription limit.
// Run: build/release/bench/novbe_busy_hall_bench [--seconds S] [--visit-ms MS]
//      (figures are recorded in bench/README.md)
#include "hall_load.hpp"
#include "local_servers.hpp"
#include "percentile.hpp"
#include "peer.hpp"

#include <boost/asio/steady_timer.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

using namespace novbe::bench;

namespace {

using steady = std::chrono::steady_clock;

// The honest kiosk: one issue every 100 ms for `seconds`, each timed until its reply.
std::vector<double> honest_kiosk(unsigned short port, int seconds) {
    boost::asio::io_context io;
    std::vector<double> ms;
    steady::time_point asked;
    bool waiting = false, open = false;
    auto kiosk = std::make_shared<peer>(io);
    kiosk->on_message = [&](novbe::v1::ServerMessage const& m) {
        if (m.reply().has_welcome()) open = true;
        if (!m.reply().has_issued_ticket() || !waiting) return;
        ms.push_back(std::chrono::duration<double, std::milli>(steady::now() - asked).count());
        waiting = false;
    };
    kiosk->open(port, [&] { kiosk->send(hello(novbe::v1::ROLE_KIOSK)); });
    auto until = steady::now() + std::chrono::seconds(10);
    while (!open && steady::now() < until) io.run_one_for(std::chrono::milliseconds(10));
    novbe::v1::ClientMessage issue;
    issue.mutable_issue_ticket()->set_service_id("notary");
    auto next = steady::now();
    auto end = next + std::chrono::seconds(seconds);
    std::uint64_t id = 100;
    while (steady::now() < end) {
        next += std::chrono::milliseconds(100);
        if (!waiting) {  // a reply later than 100 ms delays the next issue: the kiosk waits for its ticket
            issue.set_request_id(++id);
            asked = steady::now();
            waiting = true;
            kiosk->send(issue);
        }
        while (steady::now() < next) io.run_one_until(next);
    }
    if (waiting) ms.push_back(std::chrono::duration<double, std::milli>(steady::now() - asked).count());
    return ms;
}

struct options {
    int seconds = 15;
    int visit_ms = 2000;  // each clerk's visit: call, start after a third, complete after two thirds
};

options parse(int argc, char** argv) {
    options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--seconds") == 0) o.seconds = std::max(2, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--visit-ms") == 0) o.visit_ms = std::max(30, std::atoi(argv[i + 1]));
    }
    return o;
}

void row(char const* what, int boards, std::vector<double> const& ms, hall_load const* load) {
    std::printf("  %-34s %6d %7zu %9.2f %9.2f %9.2f", what, boards, ms.size(), percentile(ms, 0.5), percentile(ms, 0.99),
                ms.empty() ? -1.0 : *std::max_element(ms.begin(), ms.end()));
    if (load) std::printf(" | %7.0f/s %9.0f/s %6d", load->commands_per_second(), load->board_frames_per_second(), load->boards_lost());
    std::printf("\n");
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    auto const o = parse(argc, argv);
    long const open_files = raise_open_files();
    auto folder = std::filesystem::temp_directory_path() / "novbe-busy-hall-bench";
    std::filesystem::remove_all(folder);
    unsigned short port = 0;
    auto server = start_server(NOVBE_SERVER_BINARY, folder, port, hall_load::counters);
    std::printf("an honest kiosk issuing every 100 ms (%d s each), clerks' visits every %d ms at 8 counters, "
                "2 more kiosks issuing every %d ms:\n",
                o.seconds, o.visit_ms, o.visit_ms / 4);
    std::printf("  %-34s %6s %7s %9s %9s %9s | %9s %11s %6s\n", "", "boards", "issues", "p50 ms", "p99 ms", "max ms",
                "commands", "board frames", "lost");
    row("quiet centre (the floor)", 0, honest_kiosk(port, o.seconds), nullptr);
    // The server's memory once each run's clients have gone: what a hostile run leaves behind.
    auto memory_after = [server](char const* what) {
        std::this_thread::sleep_for(std::chrono::seconds(2));
        std::printf("  server memory after %s: %ld KiB\n", what, resident_kib(server));
    };
    memory_after("the quiet run");
    for (int boards : {0, 500, 5000}) {
        if (boards + 300 > open_files) {
            std::printf("  %d boards: skipped, the open-file limit is %ld\n", boards, open_files);
            continue;
        }
        hall_load load(port, {.boards = boards, .visit_ms = o.visit_ms});
        load.start();
        auto ms = honest_kiosk(port, o.seconds);
        load.stop();
        row("busy hall", boards, ms, &load);
    }
    memory_after("the busy runs");
    {
        hall_load load(port, {.boards = 500, .visit_ms = o.visit_ms, .hostile = true});
        load.start();
        auto ms = honest_kiosk(port, o.seconds);
        load.stop();
        row("busy hall, and hostile clients", 500, ms, &load);
        std::printf("  server memory with the hostile run's clients still connected: %ld KiB\n", resident_kib(server));
    }
    memory_after("the hostile run");
    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
    std::filesystem::remove_all(folder);
}
