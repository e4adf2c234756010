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
            auto data = buffer_.cdata();  // parsed into one message kept for the purpose: no allocations
            if (!reply_.ParseFromArray(data.data(), static_cast<int>(data.size())) || !reply_.reply().has_issued_ticket()) {
                std::fprintf(stderr, "unexpected reply: %s\n", reply_.DebugString().c_str());
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
    novbe::v1::ServerMessage reply_;
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

int main(int argc, char** argv) {
    long const open_files = novbe::bench::raise_open_files();
    auto folder = std::filesystem::temp_directory_path() / "novbe-server-bench";
    std::filesystem::remove_all(folder);

    unsigned short echo_port = 0, server_port = 0;
    if (argc == 3) {  // CONNECTIONS SECONDS: the real server alone, for a profiler to watch
        auto server = start_server(NOVBE_SERVER_BINARY, folder, server_port);
        auto const seconds = std::stoi(argv[2]);
        auto before = novbe::bench::cpu_seconds_by_thread(server);
        auto client_before = novbe::bench::cpu_seconds_by_thread(getpid());
        auto r = drive(server_port, std::stoi(argv[1]), std::chrono::seconds(seconds), false);
        auto after = novbe::bench::cpu_seconds_by_thread(server);
        for (auto const& [thread, used] : novbe::bench::cpu_seconds_by_thread(getpid()))
            after["client " + thread] = used, before["client " + thread] = client_before[thread];
        std::printf("%s connections: %.0f issues/s, p50 %.3f ms, p99 %.3f ms; server CPU per issue:", argv[1], r.per_second,
                    r.p50, r.p99);
        // Includes the warm-up and wind-down around the timed seconds: a little high, alike run to run.
        for (auto const& [thread, used] : after)
            std::printf(" %s %.1f us", thread.c_str(), (used - before[thread]) * 1e6 / (r.per_second * seconds));
        std::printf("\n");
        kill(server, SIGTERM);
        waitpid(server, nullptr, 0);
        std::filesystem::remove_all(folder);
        return 0;
    }
    // Each real run gets a server with a fresh database: the day then holds one run's tickets
    // (up to ~50,000, a busy centre has 5,000-20,000) rather than every earlier run's as well,
    // and the alternating runs face the same server.
    auto const run_for = std::chrono::seconds(2);
    auto fresh_server_run = [&](int connections) {
        auto run_folder = folder / "run";
        unsigned short port = 0;
        auto pid = start_server(NOVBE_SERVER_BINARY, run_folder, port);
        auto r = drive(port, connections, run_for, false);
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        std::filesystem::remove_all(run_folder);
        return r;
    };
    auto echo = start_echo(echo_port);
    std::printf("durable ticket issues over WebSockets, one request in flight per connection (median of 5 alternating 2 s runs):\n");
    std::printf("  connections   issues/s   p50 ms   p99 ms | bare echo/s   p50 ms   p99 ms | ratio\n");
    // This machine's speed drifts by tens of percent within a minute: bare and real runs
    // alternate, five of each, and the row gives each side's median run.
    for (int connections : {1, 16, 256}) {
        std::vector<result> bare, real;
        for (int round = 0; round < 5; ++round) {
            bare.push_back(drive(echo_port, connections, run_for, true));
            real.push_back(fresh_server_run(connections));
        }
        auto median = [](std::vector<result> v) {
            std::sort(v.begin(), v.end(), [](result const& a, result const& b) { return a.per_second < b.per_second; });
            return v[v.size() / 2];
        };
        auto b = median(bare), r = median(real);
        std::printf("  %11d %10.0f %8.3f %8.3f | %11.0f %8.3f %8.3f | %.2f\n", connections, r.per_second, r.p50, r.p99,
                    b.per_second, b.p50, b.p99, r.per_second / b.per_second);
    }
    auto server = start_server(NOVBE_SERVER_BINARY, folder, server_port);
    int const idle = static_cast<int>(std::min(5000L, open_files / 2 - 100));
    std::printf("memory per idle connection (%d WebSockets each, VmRSS growth):\n", idle);
    std::printf("  novbe-server, signed-in boards: %.1f KiB\n", kib_per_idle_connection(server, server_port, idle, true));
    std::printf("  bare Beast echo, upgraded:      %.1f KiB\n", kib_per_idle_connection(echo, echo_port, idle, false));
    kill(server, SIGTERM);
    kill(echo, SIGKILL);
    waitpid(server, nullptr, 0);
    waitpid(echo, nullptr, 0);
    std::filesystem::remove_all(folder);
}
