#include "situation_process.hpp"

#include "net/secret_hash.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/src.hpp>  // Boost.JSON compiled into this test, once

#include <deque>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace novbe::testing {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

situation_process::situation_process(std::string const& connection, std::string const& users_toml,
                                     int silent_after_seconds)
    : folder_(temporary_folder("novbe-central-test")), config_(folder_ + "/central.toml"),
      process_("novbe-central", folder_ + "/central.log") {
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
    process_.kill();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void situation_process::start() {
    process_.start({NOVBE_CENTRAL_BINARY, "--config", config_, "--listen", "127.0.0.1:0"});
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
