#include "local_servers.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <vector>
#include <fstream>
#include <map>
#include <functional>
#include <regex>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <thread>

namespace novbe::bench {

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

// A bare Beast echo server: read a frame, write it back; the floor for any WebSocket server.
void echo_session(tcp::socket socket) {
    auto ws = std::make_shared<websocket::stream<beast::tcp_stream>>(std::move(socket));
    auto buffer = std::make_shared<beast::flat_buffer>();
    ws->set_option(websocket::stream_base::decorator(
        [](websocket::response_type& r) { r.set(beast::http::field::sec_websocket_protocol, "novbe.v1"); }));
    ws->async_accept([ws, buffer](beast::error_code ec) {
        if (ec) return;
        auto loop = std::make_shared<std::function<void()>>();
        *loop = [ws, buffer, loop] {
            ws->async_read(*buffer, [ws, buffer, loop](beast::error_code rec, std::size_t) {
                if (rec) return;
                ws->binary(true);
                ws->async_write(buffer->data(), [buffer, loop](beast::error_code wec, std::size_t) {
                    if (wec) return;
                    buffer->clear();
                    (*loop)();
                });
            });
        };
        (*loop)();
    });
}

[[noreturn]] void run_echo_server(int report) {
    boost::asio::io_context io(1);
    tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    auto port = acceptor.local_endpoint().port();
    if (write(report, &port, sizeof port) != sizeof port) _exit(1);
    std::function<void()> accept = [&] {
        acceptor.async_accept([&](beast::error_code ec, tcp::socket s) {
            if (!ec) echo_session(std::move(s));
            accept();
        });
    };
    accept();
    io.run();
    _exit(0);
}

// A bare Beast broadcast: each frame a connection sends makes the server send one shared
// 60-byte frame to every other connection (one write in flight each, the rest queued): the
// floor for fanning a call out to boards.
class broadcast_session : public std::enable_shared_from_this<broadcast_session> {
public:
    using everyone = std::vector<std::weak_ptr<broadcast_session>>;
    broadcast_session(tcp::socket socket, everyone& all) : ws_(std::move(socket)), all_(all) {}

    void start() {
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& r) { r.set(beast::http::field::sec_websocket_protocol, "novbe.v1"); }));
        ws_.async_accept([self = shared_from_this()](beast::error_code ec) {
            if (ec) return;
            self->ws_.binary(true);
            self->all_.push_back(self);
            self->read();
        });
    }
    void send(std::shared_ptr<std::string const> const& frame) {
        queue_.push_back(frame);
        if (queue_.size() == 1) write();
    }

private:
    void read() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->buffer_.clear();
            auto frame = std::make_shared<std::string const>(60, 'x');
            for (auto const& weak : self->all_)
                if (auto other = weak.lock(); other && other != self) other->send(frame);
            self->read();
        });
    }
    void write() {
        ws_.async_write(boost::asio::buffer(*queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->queue_.pop_front();
            if (!self->queue_.empty()) self->write();
        });
    }
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::shared_ptr<std::string const>> queue_;
    everyone& all_;
};

[[noreturn]] void run_broadcast_server(int report) {
    boost::asio::io_context io(1);
    tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    acceptor.listen(4096);
    auto port = acceptor.local_endpoint().port();
    if (write(report, &port, sizeof port) != sizeof port) _exit(1);
    broadcast_session::everyone all;
    std::function<void()> accept = [&] {
        acceptor.async_accept([&](beast::error_code ec, tcp::socket s) {
            if (!ec) std::make_shared<broadcast_session>(std::move(s), all)->start();
            accept();
        });
    };
    accept();
    io.run();
    _exit(0);
}

// A bare Beast HTTP server for the booking rush: each request on a kept-alive connection gets a
// canned answer of the real one's size, 201 while the slot named in the body has places left,
// else 409: the floor for the booking API (HTTP parsing and writing, nothing else).
class bare_booking_session : public std::enable_shared_from_this<bare_booking_session> {
public:
    using places_left = std::unordered_map<std::string, int>;
    bare_booking_session(tcp::socket socket, places_left& left, int places)
        : stream_(std::move(socket)), left_(left), places_(places) {}

    void read() {
        request_ = {};
        beast::http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->answer();
        });
    }

private:
    void answer() {
        static std::string const booked =
            R"({"token":"0123456789abcdef0123456789abcdef","service":"id_card","slot":"2026-12-03T08:00:00+04:00",)"
            R"("reference":"RUSH-00000","phone":"","state":"active"})";
        static std::string const full = R"({"error":"slot_full","message":"That slot has no free place."})";
        std::string_view body = request_.body();
        constexpr std::string_view key = R"("slot":")";
        auto at = body.find(key);
        auto slot = at == std::string_view::npos ? std::string() : std::string(body.substr(at + key.size(), 25));
        auto place = left_.try_emplace(slot, places_).first;
        bool const free = place->second > 0;
        if (free) --place->second;
        response_ = beast::http::response<beast::http::string_body>(free ? beast::http::status::created : beast::http::status::conflict, 11);
        response_.set(beast::http::field::server, "bare");
        response_.set(beast::http::field::content_type, "application/json");
        response_.set(beast::http::field::cache_control, "no-store");
        response_.keep_alive(request_.keep_alive());
        response_.body() = free ? booked : full;
        response_.prepare_payload();
        beast::http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (!ec) self->read();
        });
    }
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    beast::http::request<beast::http::string_body> request_;
    beast::http::response<beast::http::string_body> response_;
    places_left& left_;
    int places_;
};

int bare_places = 0;  // the forked child's copy: the slots' size it enforces

[[noreturn]] void run_bare_booking_server(int report) {
    boost::asio::io_context io(1);
    tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    acceptor.listen(4096);
    auto port = acceptor.local_endpoint().port();
    if (write(report, &port, sizeof port) != sizeof port) _exit(1);
    bare_booking_session::places_left left;
    std::function<void()> accept = [&] {
        acceptor.async_accept([&](beast::error_code ec, tcp::socket s) {
            if (!ec) std::make_shared<bare_booking_session>(std::move(s), left, bare_places)->read();
            accept();
        });
    };
    accept();
    io.run();
    _exit(0);
}

pid_t start_child(void (*serve)(int), unsigned short& port) {
    int p[2];
    if (pipe(p) != 0) std::abort();
    pid_t pid = fork();
    if (pid == 0) serve(p[1]);
    if (read(p[0], &port, sizeof port) != sizeof port) std::abort();
    return pid;
}

}  // namespace

pid_t start_broadcast(unsigned short& port) { return start_child(run_broadcast_server, port); }

pid_t start_echo(unsigned short& port) { return start_child(run_echo_server, port); }

pid_t start_bare_booking(unsigned short& port, int places) {
    bare_places = places;
    return start_child(run_bare_booking_server, port);
}

pid_t start_server(std::string const& binary, std::filesystem::path const& folder, unsigned short& port, int clerks,
                   std::function<std::string(std::string)> const& edit) {
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(NOVBE_DEMO_CONFIG, folder / "centre.toml", std::filesystem::copy_options::overwrite_existing);
    {  // open all day, so that a benchmark is not refused tickets outside the demo centre's hours
        std::stringstream text;
        text << std::ifstream(folder / "centre.toml").rdbuf();
        auto toml = std::regex_replace(text.str(), std::regex("\nopening = \"[^\"]*\"\nclosing = \"[^\"]*\""),
                                       "\nopening = \"00:00\"\nclosing = \"24:00\"");
        if (edit) toml = edit(std::move(toml));
        std::ofstream(folder / "centre.toml", std::ios::trunc) << toml;
    }
    std::ofstream(folder / "centre.toml", std::ios::app)
        << "\n[[devices]]\nname = \"bench kiosk\"\nrole = \"kiosk\"\ntoken = \"bench-kiosk-token-0001\"\n"
        << "\n[server]\nmax_unauthenticated_per_address = 0\n";  // hundreds connect from 127.0.0.1 before their Hello
    for (int i = 1; i <= clerks; ++i) {
        auto name = i == 1 ? std::string("bench-clerk") : "bench-clerk-" + std::to_string(i);
        auto add_clerk = "echo bench-clerk-secret | " + binary + " user add --config " + (folder / "centre.toml").string() +
                         " --name " + name + " --role clerk > /dev/null";
        if (std::system(add_clerk.c_str()) != 0) std::exit(1);
    }
    auto log = folder / "server.log";
    std::filesystem::remove(log);  // a restart must not read the previous run's "listening on"
    pid_t pid = fork();
    if (pid == 0) {
        freopen(log.c_str(), "w", stderr);
        execl(binary.c_str(), binary.c_str(), "run", "--config", (folder / "centre.toml").c_str(), "--listen",
              "127.0.0.1:0", "--data-dir", folder.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    std::regex listening("listening on 127\\.0\\.0\\.1:([0-9]+)");
    for (int i = 0; i < 500; ++i) {
        std::ifstream in(log);
        std::stringstream text;
        text << in.rdbuf();
        std::smatch m;
        auto s = text.str();
        if (std::regex_search(s, m, listening)) {
            port = static_cast<unsigned short>(std::stoi(m[1]));
            return pid;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::fprintf(stderr, "the server did not start\n");
    std::exit(1);
}

long raise_open_files() {
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    return static_cast<long>(files.rlim_cur);
}

long resident_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

std::map<std::string, double> cpu_seconds_by_thread(pid_t pid) {
    std::map<std::string, double> seconds;
    auto const tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    auto tasks = std::filesystem::path("/proc") / std::to_string(pid) / "task";
    std::error_code ec;
    for (auto const& task : std::filesystem::directory_iterator(tasks, ec)) {
        std::ifstream in(task.path() / "stat");
        std::string stat((std::istreambuf_iterator<char>(in)), {});
        auto open = stat.find('('), close = stat.rfind(')');
        if (open == std::string::npos || close == std::string::npos) continue;
        std::istringstream rest(stat.substr(close + 2));
        std::string field;
        unsigned long long utime = 0, stime = 0;
        for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: user and system ticks
            if (i == 14) utime = std::stoull(field);
            if (i == 15) stime = std::stoull(field);
        }
        seconds[stat.substr(open + 1, close - open - 1)] += double(utime + stime) / tick;
    }
    return seconds;
}

}  // namespace novbe::bench
