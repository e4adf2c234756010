// novbe-server over real WebSockets on loopback: durable ticket issues per second with 1, 16
// and 256 kiosk connections (each with one request in flight), p50/p99 of an issue, beside a
// bare Beast echo server answering the same frames on the same connections.
// Run: build/release/bench/novbe_server_bench   (figures are recorded in bench/README.md)
#include "local_servers.hpp"
#include "novbe.pb.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>

using novbe::bench::resident_kib;
using novbe::bench::start_echo;
using novbe::bench::start_server;

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;
using steady = std::chrono::steady_clock;

// One kiosk: hello, then issue after issue, timing each.
class kiosk : public std::enable_shared_from_this<kiosk> {
public:
    kiosk(boost::asio::io_context& io, std::vector<double>& latencies, bool const& stop, bool echo)
        : ws_(io), latencies_(latencies), stop_(stop), echo_(echo) {}

    void start(tcp::endpoint server) {
        beast::get_lowest_layer(ws_).async_connect(server, [self = shared_from_this(), server](beast::error_code ec) {
            if (ec) return std::fprintf(stderr, "connect: %s\n", ec.message().c_str()), void();
            self->ws_.set_option(websocket::stream_base::decorator(
                [](websocket::request_type& r) { r.set(beast::http::field::sec_websocket_protocol, "novbe.v1"); }));
            self->ws_.async_handshake("127.0.0.1:" + std::to_string(server.port()), "/ws", [self](beast::error_code hec) {
                if (hec) return std::fprintf(stderr, "handshake: %s\n", hec.message().c_str()), void();
                self->ws_.binary(true);
                novbe::v1::ClientMessage hello;
                hello.mutable_hello()->set_protocol_version(1);
                hello.mutable_hello()->set_role(novbe::v1::ROLE_KIOSK);
                hello.mutable_hello()->set_device_token("bench-kiosk-token-0001");
                self->frame_ = hello.SerializeAsString();
                self->greeting_ = true;
                self->write();
            });
        });
    }

private:
    void write() {
        if (!greeting_) {
            novbe::v1::ClientMessage issue;
            issue.set_request_id(++id_);
            issue.mutable_issue_ticket()->set_service_id(id_ % 2 ? "passport" : "utilities");
            frame_ = issue.SerializeAsString();
        }
        started_ = steady::now();
        ws_.async_write(boost::asio::buffer(frame_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->buffer_.clear();
            self->ws_.async_read(self->buffer_, [self](beast::error_code rec, std::size_t) { self->on_read(rec); });
        });
    }
    void on_read(beast::error_code ec) {
        if (ec) return;
        if (!greeting_ && !echo_) {
            novbe::v1::ServerMessage reply;
            auto data = buffer_.cdata();
            if (!reply.ParseFromArray(data.data(), static_cast<int>(data.size())) || !reply.reply().has_issued_ticket()) {
                std::fprintf(stderr, "unexpected reply: %s\n", reply.DebugString().c_str());
                return;
            }
        }
        if (!greeting_) latencies_.push_back(std::chrono::duration<double, std::milli>(steady::now() - started_).count());
        greeting_ = false;
        if (stop_) return;
        write();
    }

    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::string frame_;
    std::vector<double>& latencies_;
    bool const& stop_;
    bool echo_;
    bool greeting_ = false;
    std::uint64_t id_ = 0;
    steady::time_point started_;
};

struct result { double per_second, p50, p99; };

result drive(unsigned short port, int connections, std::chrono::seconds run_for, bool echo) {
    boost::asio::io_context io;
    std::vector<double> latencies;
    bool stop = false;
    tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), port);
    for (int i = 0; i < connections; ++i) std::make_shared<kiosk>(io, latencies, stop, echo)->start(server);
    io.run_for(std::chrono::milliseconds(500));  // connected and greeted
    latencies.clear();
    io.run_for(run_for);
    stop = true;
    io.run_for(std::chrono::milliseconds(200));
    if (latencies.empty()) return {0, 0, 0};
    auto count = latencies.size();
    std::sort(latencies.begin(), latencies.end());
    return {double(count) / double(run_for.count()), latencies[count / 2], latencies[count * 99 / 100]};
}


// A connection that sends a ClientMessage and hands every ServerMessage to `on_message`.
class peer : public std::enable_shared_from_this<peer> {
public:
    std::function<void(novbe::v1::ServerMessage const&)> on_message;

    explicit peer(boost::asio::io_context& io) : ws_(io) {}
    void open(unsigned short port, std::function<void()> ready) {
        tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), port);
        beast::get_lowest_layer(ws_).async_connect(server, [self = shared_from_this(), port, ready](beast::error_code ec) {
            if (ec) return;
            self->ws_.set_option(websocket::stream_base::decorator(
                [](websocket::request_type& r) { r.set(beast::http::field::sec_websocket_protocol, "novbe.v1"); }));
            self->ws_.async_handshake("127.0.0.1:" + std::to_string(port), "/ws", [self, ready](beast::error_code hec) {
                if (hec) return;
                self->ws_.binary(true);
                self->read();
                ready();
            });
        });
    }
    void send(novbe::v1::ClientMessage const& m) {
        auto frame = std::make_shared<std::string>(m.SerializeAsString());
        queue_.push_back(frame);
        if (queue_.size() == 1) write();
    }

private:
    void write() {
        ws_.async_write(boost::asio::buffer(*queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->queue_.pop_front();
            if (!self->queue_.empty()) self->write();
        });
    }
    void read() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            novbe::v1::ServerMessage m;
            auto data = self->buffer_.cdata();
            m.ParseFromArray(data.data(), static_cast<int>(data.size()));
            self->buffer_.clear();
            if (self->on_message) self->on_message(m);
            self->read();
        });
    }
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::shared_ptr<std::string>> queue_;
};

novbe::v1::ClientMessage hello(novbe::v1::Role role, std::string const& user = "", std::string const& secret = "") {
    novbe::v1::ClientMessage m;
    m.mutable_hello()->set_protocol_version(1);
    m.mutable_hello()->set_role(role);
    m.mutable_hello()->set_user(user);
    m.mutable_hello()->set_secret(secret);
    if (role == novbe::v1::ROLE_KIOSK) m.mutable_hello()->set_device_token("bench-kiosk-token-0001");
    return m;
}

struct fan_out { double call_p50, call_p99, last_board_p50, last_board_p99; };

// `boards` boards watch while a clerk calls, starts and completes `calls` tickets at counter 1:
// the call-next round trip, and how long until the last board has each call.
fan_out call_and_fan_out(unsigned short port, int boards, int calls) {
    boost::asio::io_context io;
    int ready = 0;
    std::map<std::string, std::pair<int, steady::time_point>> arrivals;  // number -> boards that have it, last time
    std::vector<std::shared_ptr<peer>> watchers;
    for (int i = 0; i < boards; ++i) {
        auto b = std::make_shared<peer>(io);
        b->on_message = [&](novbe::v1::ServerMessage const& m) {
            if (m.has_snapshot()) ++ready;
            if (!m.has_events()) return;
            for (auto const& e : m.events().events())
                if (e.has_ticket_called()) {
                    auto& [count, last] = arrivals[e.ticket_called().number()];
                    ++count;
                    last = steady::now();
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
    auto kiosk = std::make_shared<peer>(io);
    int issued = 0;
    kiosk->on_message = [&](novbe::v1::ServerMessage const& m) { issued += m.reply().has_issued_ticket(); };
    kiosk->open(port, [&] {
        kiosk->send(hello(novbe::v1::ROLE_KIOSK));
        novbe::v1::ClientMessage issue;
        issue.mutable_issue_ticket()->set_service_id("passport");
        for (int i = 0; i < calls; ++i) kiosk->send(issue);
    });
    auto deadline = steady::now() + std::chrono::seconds(60);
    while ((ready < boards || issued < calls) && steady::now() < deadline) io.run_for(std::chrono::milliseconds(20));

    auto clerk = std::make_shared<peer>(io);
    std::vector<double> call_ms;
    std::map<std::string, steady::time_point> sent;  // number -> when its call was asked for
    int step = 0, done = 0;
    steady::time_point asked;
    auto next = [&] {
        novbe::v1::ClientMessage m;
        switch (step % 3) {
        case 0: m.mutable_call_next()->set_counter(1); asked = steady::now(); break;
        case 1: m.mutable_start_serving()->set_counter(1); break;
        default: m.mutable_complete_service()->set_counter(1); break;
        }
        clerk->send(m);
    };
    clerk->on_message = [&](novbe::v1::ServerMessage const& m) {
        if (m.reply().has_welcome()) {
            novbe::v1::ClientMessage open;
            open.mutable_open_counter()->set_counter(1);
            return clerk->send(open);
        }
        if (m.reply().counter().status() == novbe::v1::COUNTER_STATUS_OPEN && step == 0 && done == 0 && call_ms.empty()) {
            if (!m.reply().counter().has_current()) return next();
        }
        if (step % 3 == 0) {
            call_ms.push_back(std::chrono::duration<double, std::milli>(steady::now() - asked).count());
            sent[m.reply().counter().current().number()] = asked;
        }
        if (++step < 3 * calls) next();
        else done = 1;
    };
    clerk->open(port, [&] { clerk->send(hello(novbe::v1::ROLE_CLERK, "bench-clerk", "bench-clerk-secret")); });
    while (!done && steady::now() < deadline) io.run_for(std::chrono::milliseconds(20));
    io.run_for(std::chrono::milliseconds(500));  // the last calls reach the last boards

    std::vector<double> last_board;
    for (auto const& [number, at] : sent) {
        auto it = arrivals.find(number);
        if (it != arrivals.end() && it->second.first == boards)
            last_board.push_back(std::chrono::duration<double, std::milli>(it->second.second - at).count());
    }
    auto pct = [](std::vector<double> v, double p) {
        if (v.empty()) return -1.0;
        std::sort(v.begin(), v.end());
        return v[static_cast<std::size_t>(p * double(v.size() - 1))];
    };
    if (last_board.size() != sent.size())
        std::fprintf(stderr, "only %zu of %zu calls reached all %d boards\n", last_board.size(), sent.size(), boards);
    return {pct(call_ms, 0.5), pct(call_ms, 0.99), pct(last_board, 0.5), pct(last_board, 0.99)};
}

// Memory of `pid` per idle connection: `count` WebSockets that said Hello and then wait.
double kib_per_idle_connection(pid_t pid, unsigned short port, int count, bool greet) {
    boost::asio::io_context io;
    std::vector<std::shared_ptr<websocket::stream<beast::tcp_stream>>> idle;
    tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), port);
    auto before = resident_kib(pid);
    int ready = 0;
    for (int i = 0; i < count; ++i) {
        auto ws = std::make_shared<websocket::stream<beast::tcp_stream>>(io);
        idle.push_back(ws);
        beast::get_lowest_layer(*ws).async_connect(server, [ws, port, greet, &ready](beast::error_code ec) {
            if (ec) return;
            ws->set_option(websocket::stream_base::decorator(
                [](websocket::request_type& r) { r.set(beast::http::field::sec_websocket_protocol, "novbe.v1"); }));
            ws->async_handshake("127.0.0.1:" + std::to_string(port), "/ws", [ws, greet, &ready](beast::error_code hec) {
                if (hec) return;
                if (!greet) return void(++ready);
                novbe::v1::ClientMessage hello;
                hello.mutable_hello()->set_protocol_version(1);
                hello.mutable_hello()->set_role(novbe::v1::ROLE_BOARD);
                auto frame = std::make_shared<std::string>(hello.SerializeAsString());
                ws->binary(true);
                ws->async_write(boost::asio::buffer(*frame), [ws, frame, &ready](beast::error_code wec, std::size_t) {
                    if (wec) return;
                    auto buffer = std::make_shared<beast::flat_buffer>();
                    ws->async_read(*buffer, [buffer, &ready](beast::error_code rec, std::size_t) {
                        if (!rec) ++ready;
                    });
                });
            });
        });
    }
    auto deadline = steady::now() + std::chrono::seconds(30);
    while (ready < count && steady::now() < deadline) io.run_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto after = resident_kib(pid);
    if (ready < count) std::fprintf(stderr, "only %d of %d connections became idle\n", ready, count);
    return double(after - before) / std::max(ready, 1);
}

}  // namespace

int main() {
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;  // thousands of sockets
    setrlimit(RLIMIT_NOFILE, &files);
    auto folder = std::filesystem::temp_directory_path() / "novbe-server-bench";
    std::filesystem::remove_all(folder);

    unsigned short echo_port = 0, server_port = 0;
    auto echo = start_echo(echo_port);
    auto server = start_server(NOVBE_SERVER_BINARY, folder, server_port);
    std::printf("durable ticket issues over WebSockets, one request in flight per connection (3 s each):\n");
    std::printf("  connections   issues/s   p50 ms   p99 ms | bare echo/s   p50 ms   p99 ms | ratio\n");
    for (int connections : {1, 16, 256}) {
        auto bare = drive(echo_port, connections, std::chrono::seconds(3), true);
        auto real = drive(server_port, connections, std::chrono::seconds(3), false);
        std::printf("  %11d %10.0f %8.3f %8.3f | %11.0f %8.3f %8.3f | %.2f\n", connections, real.per_second, real.p50,
                    real.p99, bare.per_second, bare.p50, bare.p99, real.per_second / bare.per_second);
    }
    std::printf("call-next while boards watch (200 calls, each then started and completed):\n");
    std::printf("  boards   call p50 ms   call p99 ms | last board has it: p50 ms   p99 ms\n");
    for (int boards : {1, 1000}) {
        auto f = call_and_fan_out(server_port, boards, 200);
        std::printf("  %6d %13.3f %13.3f | %24.3f %8.3f\n", boards, f.call_p50, f.call_p99, f.last_board_p50, f.last_board_p99);
    }
    int const idle = static_cast<int>(std::min<rlim_t>(5000, files.rlim_cur / 2 - 100));
    std::printf("memory per idle connection (%d WebSockets each, VmRSS growth):\n", idle);
    std::printf("  novbe-server, signed-in boards: %.1f KiB\n", kib_per_idle_connection(server, server_port, idle, true));
    std::printf("  bare Beast echo, upgraded:      %.1f KiB\n", kib_per_idle_connection(echo, echo_port, idle, false));
    kill(server, SIGTERM);
    kill(echo, SIGKILL);
    waitpid(server, nullptr, 0);
    waitpid(echo, nullptr, 0);
    std::filesystem::remove_all(folder);
}
