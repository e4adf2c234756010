// How fast a call reaches the hall: a clerk calls, starts and completes tickets at counter 1
// while N boards watch; the call-next round trip, and the time until the last board has each
// call; beside a bare Beast broadcast of one shared 60-byte frame to the same number of
// subscribers, in the same run.
// Run: build/release/bench/novbe_fan_out_bench   (figures are recorded in bench/README.md)
#include "local_servers.hpp"
#include "percentile.hpp"
#include "peer.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

using namespace novbe::bench;

namespace {

using steady = std::chrono::steady_clock;

struct fan_out { double call_p50, call_p99, last_board_p50, last_board_p99; };

// `boards` boards watch while a clerk calls, starts and completes `calls` tickets at counter 1,
// one visit at a time as a clerk would: each call is timed from call-next until the last board
// has it, with the hall quiet before it (the bare broadcast's rounds are timed the same way).
fan_out call_and_fan_out(unsigned short port, int boards, int calls) {
    boost::asio::io_context io;
    int ready = 0;
    std::map<std::string, std::pair<int, steady::time_point>> arrivals;  // number -> boards that have it, last time
    steady::time_point last_frame;
    std::vector<std::shared_ptr<peer>> watchers;
    for (int i = 0; i < boards; ++i) {
        auto b = std::make_shared<peer>(io);
        b->on_message = [&](novbe::v1::ServerMessage const& m) {
            last_frame = steady::now();
            if (m.has_snapshot()) ++ready;
            for (auto const& e : m.events().events())
                if (e.has_ticket_called()) {
                    auto& [count, last] = arrivals[e.ticket_called().number()];
                    ++count;
                    last = last_frame;
                }
        };
        b->open(port, [b] {
            b->send(hello(novbe::v1::ROLE_BOARD));
            novbe::v1::ClientMessage sub;
            sub.set_request_id(2);
            sub.mutable_subscribe()->set_view(novbe::v1::VIEW_BOARD);
            b->send(sub);
        });
        watchers.push_back(b);
    }
    std::optional<novbe::v1::ServerMessage> answer;
    auto take = [&answer](novbe::v1::ServerMessage const& m) { answer = m; };
    auto kiosk = std::make_shared<peer>(io);
    int issued = 0;
    kiosk->on_message = [&](novbe::v1::ServerMessage const& m) { issued += m.reply().has_issued_ticket(); };
    kiosk->open(port, [&] {
        kiosk->send(hello(novbe::v1::ROLE_KIOSK));
        novbe::v1::ClientMessage issue;
        issue.mutable_issue_ticket()->set_service_id("passport");
        for (int i = 0; i < calls; ++i) kiosk->send(issue);
    });
    auto clerk = std::make_shared<peer>(io);
    clerk->on_message = take;
    clerk->open(port, [&] { clerk->send(hello(novbe::v1::ROLE_CLERK, "bench-clerk", "bench-clerk-secret")); });
    auto deadline = steady::now() + std::chrono::seconds(120);
    auto run_until = [&](auto done, std::chrono::milliseconds cap) {
        auto limit = std::min(deadline, steady::now() + cap);
        while (!done() && steady::now() < limit) io.run_one_for(std::chrono::milliseconds(5));
        return done();
    };
    auto command = [&](auto field) {
        novbe::v1::ClientMessage m;
        (m.*field)()->set_counter(1);
        answer.reset();
        clerk->send(m);
        return run_until([&] { return answer.has_value(); }, std::chrono::seconds(10));
    };
    run_until([&] { return ready == boards && issued == calls && answer; }, std::chrono::seconds(60));
    command(&novbe::v1::ClientMessage::mutable_open_counter);

    std::vector<double> call_ms, last_board;
    for (int i = 0; i < calls; ++i) {
        auto asked = steady::now();
        if (!command(&novbe::v1::ClientMessage::mutable_call_next)) break;
        call_ms.push_back(std::chrono::duration<double, std::milli>(steady::now() - asked).count());
        auto number = answer->reply().counter().current().number();
        if (run_until([&] { return arrivals[number].first == boards; }, std::chrono::seconds(5)))
            last_board.push_back(std::chrono::duration<double, std::milli>(arrivals[number].second - asked).count());
        command(&novbe::v1::ClientMessage::mutable_start_serving);
        command(&novbe::v1::ClientMessage::mutable_complete_service);
        run_until([&] { return steady::now() - last_frame > std::chrono::milliseconds(20); }, std::chrono::seconds(2));
    }
    if (static_cast<int>(last_board.size()) != calls)
        std::fprintf(stderr, "only %zu of %d calls reached all %d boards\n", last_board.size(), calls, boards);
    return {percentile(call_ms, 0.5), percentile(call_ms, 0.99), percentile(last_board, 0.5), percentile(last_board, 0.99)};
}

// A subscriber of the bare broadcast: counts the frames it reads and when the last came.
class listener_of_broadcast : public std::enable_shared_from_this<listener_of_broadcast> {
public:
    listener_of_broadcast(boost::asio::io_context& io, int& arrived, steady::time_point& last) : ws_(io), arrived_(arrived), last_(last) {}
    void open(unsigned short port, int& ready) {
        tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), port);
        beast::get_lowest_layer(ws_).async_connect(server, [self = shared_from_this(), port, &ready](beast::error_code ec) {
            if (ec) return;
            self->ws_.async_handshake("127.0.0.1:" + std::to_string(port), "/ws", [self, &ready](beast::error_code hec) {
                if (hec) return;
                ++ready;
                self->read();
            });
        });
    }

private:
    void read() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->buffer_.clear();
            ++self->arrived_;
            self->last_ = steady::now();
            self->read();
        });
    }
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    int& arrived_;
    steady::time_point& last_;
};

// The bare broadcast: `rounds` times, one frame in, one shared frame out to each subscriber;
// the time until the last subscriber has it.
std::pair<double, double> bare_fan_out(unsigned short port, int subscribers, int rounds) {
    boost::asio::io_context io;
    int ready = 0, arrived = 0;
    steady::time_point last;
    std::vector<std::shared_ptr<listener_of_broadcast>> all;
    for (int i = 0; i < subscribers; ++i) {
        all.push_back(std::make_shared<listener_of_broadcast>(io, arrived, last));
        all.back()->open(port, ready);
    }
    auto trigger = std::make_shared<peer>(io);
    bool open = false;
    trigger->open(port, [&] { open = true; });
    auto deadline = steady::now() + std::chrono::seconds(60);
    while ((ready < subscribers || !open) && steady::now() < deadline) io.run_for(std::chrono::milliseconds(20));
    std::vector<double> last_ms;
    novbe::v1::ClientMessage any;
    any.set_request_id(1);
    for (int r = 0; r < rounds; ++r) {
        arrived = 0;
        auto sent = steady::now();
        trigger->send(any);
        auto limit = sent + std::chrono::seconds(5);
        while (arrived < subscribers && steady::now() < limit) io.run_one_for(std::chrono::milliseconds(100));
        if (arrived == subscribers) last_ms.push_back(std::chrono::duration<double, std::milli>(last - sent).count());
        io.run_for(std::chrono::milliseconds(2));
    }
    if (static_cast<int>(last_ms.size()) != rounds) std::fprintf(stderr, "only %zu of %d broadcasts reached all\n", last_ms.size(), rounds);
    return {percentile(last_ms, 0.5), percentile(last_ms, 0.99)};
}

}  // namespace

int main() {
    long const open_files = raise_open_files();  // ten thousand boards: as many sockets here
    auto folder = std::filesystem::temp_directory_path() / "novbe-fan-out-bench";
    std::filesystem::remove_all(folder);
    unsigned short broadcast_port = 0, server_port = 0;
    auto broadcast = start_broadcast(broadcast_port);
    auto server = start_server(NOVBE_SERVER_BINARY, folder, server_port);
    std::printf("a call reaching every board (novbe: call-next, then start and complete, one visit at a time):\n");
    std::printf("  boards  calls  call p50 ms  call p99 ms | last board p50 ms  p99 ms | bare broadcast p50 ms  p99 ms | p99 ratio\n");
    for (int boards : {1, 1000, 10000}) {
        if (boards + 200 > open_files) {
            std::printf("  %6d: skipped, the open-file limit is %ld\n", boards, open_files);
            continue;
        }
        int calls = boards >= 10000 ? 50 : 200;
        auto f = call_and_fan_out(server_port, boards, calls);
        auto [bare50, bare99] = bare_fan_out(broadcast_port, boards, calls);
        std::printf("  %6d %6d %12.3f %12.3f | %17.3f %7.3f | %21.3f %7.3f | %.2f\n", boards, calls, f.call_p50, f.call_p99,
                    f.last_board_p50, f.last_board_p99, bare50, bare99, f.last_board_p99 / bare99);
    }
    kill(server, SIGTERM);
    kill(broadcast, SIGKILL);
    waitpid(server, nullptr, 0);
    waitpid(broadcast, nullptr, 0);
    std::filesystem::remove_all(folder);
}
