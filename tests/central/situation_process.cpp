#include "situation_process.hpp"

#include "net/secret_hash.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/src.hpp>  // Boost.JSON compiled into this test, once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace novbe::testing {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

situation_process::situation_process(std::string const& connection, std::string const& users_toml,
                                     int silent_after_seconds) {
    auto pattern = (std::filesystem::temp_directory_path() / "novbe-central-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
    config_ = folder_ + "/central.toml";
    // Each `secret = "..."` of the users becomes its hash, as `novbe-central hash-secret` makes it.
    std::string users;
    std::regex secret("secret = \"([^\"]*)\"");
    std::istringstream lines(users_toml);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, secret)) line = "secret = \"" + net::hash_secret(m[1]) + "\"";
        users += line + "\n";
    }
    std::ofstream(config_) << "[database]\nconnection = \"" << connection
                           << "\"\n\n[situation]\nsilent_after_seconds = " << silent_after_seconds << "\n\n"
                           << users;
}

situation_process::~situation_process() {
    kill();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void situation_process::start() {
    auto log_path = folder_ + "/central.log";
    std::size_t seen = log().size();
    pid_ = fork();
    if (pid_ == 0) {
        int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, STDERR_FILENO);
        execl(NOVBE_CENTRAL_BINARY, NOVBE_CENTRAL_BINARY, "--config", config_.c_str(), "--listen", "127.0.0.1:0",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    std::regex listening("listening on 127\\.0\\.0\\.1:([0-9]+)");
    for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(std::chrono::milliseconds(20))) {
        auto text = log();
        auto fresh = text.substr(text.size() < seen ? 0 : seen);
        std::smatch found;
        if (std::regex_search(fresh, found, listening)) {
            port_ = static_cast<unsigned short>(std::stoi(found[1]));
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("novbe-central exited at start:\n" + text);
        }
    }
    throw std::runtime_error("novbe-central did not say where it listens within 10 s:\n" + log());
}

int situation_process::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void situation_process::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string situation_process::log() const {
    std::ifstream in(folder_ + "/central.log");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One read is always outstanding once started; receive() runs the loop until a message is in.
struct live_client::impl {
    boost::asio::io_context io;
    websocket::stream<beast::tcp_stream> ws{io};
    beast::flat_buffer buffer;
    std::deque<boost::json::object> inbox;
    bool reading = false;
    bool closed = false;

    void read() {
        reading = true;
        ws.async_read(buffer, [this](beast::error_code ec, std::size_t) {
            reading = false;
            if (ec) {
                closed = true;
                return;
            }
            boost::system::error_code parse_ec;
            auto value = boost::json::parse(beast::buffers_to_string(buffer.data()), parse_ec);
            buffer.consume(buffer.size());
            if (!parse_ec && value.is_object()) inbox.push_back(value.as_object());
            read();
        });
    }
};

live_client::live_client(unsigned short port, std::string const& from) : impl_(std::make_unique<impl>()) {
    auto& s = beast::get_lowest_layer(impl_->ws);
    s.socket().open(tcp::v4());
    s.socket().bind(tcp::endpoint(boost::asio::ip::make_address(from), 0));
    s.expires_after(std::chrono::seconds(5));
    s.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    s.expires_never();
    auto host = "127.0.0.1:" + std::to_string(port);
    impl_->ws.set_option(websocket::stream_base::decorator(
        [host](websocket::request_type& req) { req.set(beast::http::field::origin, "http://" + host); }));
    impl_->ws.handshake(host, "/live");
    impl_->ws.text(true);
}

live_client::~live_client() {
    beast::error_code ignored;
    beast::get_lowest_layer(impl_->ws).socket().close(ignored);
}

void live_client::send(boost::json::object const& message) {
    impl_->ws.write(boost::asio::buffer(boost::json::serialize(message)));
}

std::optional<boost::json::object> live_client::receive(std::chrono::milliseconds limit) {
    auto& i = *impl_;
    if (!i.reading && !i.closed) i.read();
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (i.inbox.empty() && !i.closed && std::chrono::steady_clock::now() < deadline) {
        i.io.restart();
        i.io.run_one_until(deadline);
    }
    if (i.inbox.empty()) return std::nullopt;
    auto out = std::move(i.inbox.front());
    i.inbox.pop_front();
    return out;
}

std::optional<boost::json::object> live_client::until(std::function<bool(boost::json::object const&)> const& wanted,
                                                      std::chrono::milliseconds limit) {
    for (auto deadline = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < deadline;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        auto m = receive(std::max(left, std::chrono::milliseconds(1)));
        if (m && wanted(*m)) return m;
    }
    return std::nullopt;
}

boost::json::object live_client::sign_in(std::string const& user, std::string const& secret) {
    send({{"user", user}, {"secret", secret}});
    auto m = until([](auto const& o) {
        auto t = o.at("type").as_string();
        return t == "welcome" || t == "refused";
    });
    return m ? *m : boost::json::object{{"type", "nothing"}};
}

}  // namespace novbe::testing
