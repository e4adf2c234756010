#include "ws_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace novbe::testing {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr auto limit = std::chrono::seconds(5);

// Runs one asynchronous operation to its end, or fails after the time limit. On time-out the
// operation is cancelled and allowed to finish, so that nothing completes into a dead frame.
template <class Start>
beast::error_code run_one(boost::asio::io_context& io, Start start, std::function<void()> cancel = {},
                          std::chrono::seconds within = limit) {
    auto result = std::make_shared<std::optional<beast::error_code>>();
    start([result](beast::error_code ec, auto&&...) { *result = ec; });
    io.restart();
    io.run_for(within);
    if (!*result) {
        if (cancel) cancel();
        io.run_for(std::chrono::seconds(1));
        throw std::runtime_error("the server did not answer within " + std::to_string(within.count()) + " s");
    }
    return **result;
}

// Connects `stream` from the address `from` to 127.0.0.1:port.
void connect(boost::asio::io_context& io, beast::tcp_stream& stream, std::string const& from, unsigned short port) {
    tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), port);
    stream.socket().open(tcp::v4());
    stream.socket().bind(tcp::endpoint(boost::asio::ip::make_address(from), 0));
    if (auto ec = run_one(io, [&](auto done) { stream.async_connect(server, done); }))
        throw std::runtime_error("connect: " + ec.message());
}

}  // namespace

struct ws_client::impl {
    boost::asio::io_context io;
    websocket::stream<beast::tcp_stream> ws{io};
    beast::flat_buffer buffer;
};

ws_client::ws_client(unsigned short port, std::string const& origin) : ws_client(port, ws_options{.origin = origin}) {}

ws_client::ws_client(unsigned short port, ws_options const& options) : impl_(std::make_unique<impl>()) {
    auto& ws = impl_->ws;
    connect(impl_->io, beast::get_lowest_layer(ws), options.from, port);
    ws.set_option(websocket::stream_base::decorator([options](websocket::request_type& req) {
        req.set(beast::http::field::sec_websocket_protocol, "novbe.v1");
        if (!options.origin.empty()) req.set(beast::http::field::origin, options.origin);
        if (!options.host.empty()) req.set(beast::http::field::host, options.host);
        for (auto const& [name, value] : options.headers) req.insert(name, value);
    }));
    websocket::response_type response;
    if (auto ec = run_one(impl_->io, [&](auto done) { ws.async_handshake(response, "127.0.0.1:" + std::to_string(port), "/ws", done); }))
        throw std::runtime_error("handshake: " + ec.message());
    if (response[beast::http::field::sec_websocket_protocol] != "novbe.v1")
        throw std::runtime_error("the server did not agree to novbe.v1");
    ws.binary(true);
}

ws_client::~ws_client() = default;
ws_client::ws_client(ws_client&&) noexcept = default;
ws_client& ws_client::operator=(ws_client&&) noexcept = default;

void ws_client::send_raw(std::string const& bytes, bool binary) {
    impl_->ws.binary(binary);
    auto ec = run_one(impl_->io, [&](auto done) { impl_->ws.async_write(boost::asio::buffer(bytes), done); });
    impl_->ws.binary(true);
    if (ec) throw std::runtime_error("write: " + ec.message());
}

void ws_client::send(v1::ClientMessage const& m) { send_raw(m.SerializeAsString()); }

void ws_client::send_pipelined(v1::ClientMessage const& m, int times) {
    send_pipelined(std::vector<v1::ClientMessage>(static_cast<std::size_t>(times), m));
}

void ws_client::send_pipelined(std::vector<v1::ClientMessage> const& messages) {
    std::string frames;
    for (auto const& m : messages) {
        auto payload = m.SerializeAsString();
        if (payload.size() >= 126) throw std::runtime_error("send_pipelined takes short messages");
        frames.push_back('\x82');
        frames.push_back(static_cast<char>(0x80 | payload.size()));
        frames.append(4, '\0');  // a zero mask key leaves the payload as it is
        frames += payload;
    }
    auto& socket = beast::get_lowest_layer(impl_->ws);
    auto ec = run_one(impl_->io, [&](auto done) { boost::asio::async_write(socket, boost::asio::buffer(frames), done); });
    if (ec) throw std::runtime_error("write: " + ec.message());
}

void ws_client::send_frame_header(std::uint64_t length) {
    std::string header{'\x82', '\xff'};  // FIN + binary; masked, 64-bit length follows
    for (int shift = 56; shift >= 0; shift -= 8) header.push_back(static_cast<char>((length >> shift) & 0xff));
    header.append("\x01\x02\x03\x04", 4);  // the mask key
    auto& socket = beast::get_lowest_layer(impl_->ws);
    auto ec = run_one(impl_->io, [&](auto done) { boost::asio::async_write(socket, boost::asio::buffer(header), done); });
    if (ec) throw std::runtime_error("write: " + ec.message());
}

void ws_client::send_one_frame(std::string const& bytes) {
    impl_->ws.auto_fragment(false);
    // A second more per MiB: masking and draining 16 MiB under ThreadSanitizer takes seconds.
    auto const within = limit + std::chrono::seconds(bytes.size() >> 20);
    auto ec = run_one(impl_->io, [&](auto done) { impl_->ws.async_write(boost::asio::buffer(bytes), done); }, {}, within);
    impl_->ws.auto_fragment(true);
    if (ec) throw std::runtime_error("write: " + ec.message());
}

std::optional<v1::ServerMessage> ws_client::receive() {
    impl_->buffer.clear();
    auto ec = run_one(impl_->io, [&](auto done) { impl_->ws.async_read(impl_->buffer, done); },
                      [&] { beast::get_lowest_layer(impl_->ws).cancel(); });
    if (ec) return std::nullopt;
    v1::ServerMessage m;
    auto data = impl_->buffer.cdata();
    if (!m.ParseFromArray(data.data(), static_cast<int>(data.size()))) throw std::runtime_error("undecodable reply");
    return m;
}

v1::ServerMessage ws_client::request(v1::ClientMessage m) {
    m.set_request_id(next_id_++);
    send(m);
    for (;;) {
        auto reply = receive();
        if (!reply) throw std::runtime_error("closed with " + std::to_string(close_code()) + " instead of a reply");
        if (reply->request_id() == m.request_id()) return *reply;
    }
}

int ws_client::wait_for_close() {
    try {
        while (receive()) {}
    } catch (std::runtime_error const&) {
        return 0;
    }
    return close_code();
}

int ws_client::close_code() const { return static_cast<int>(impl_->ws.reason().code); }

v1::ServerMessage ws_client::hello(v1::Role role, std::string const& user_or_token, std::string const& secret) {
    v1::ClientMessage m;
    auto& h = *m.mutable_hello();
    h.set_protocol_version(1);
    h.set_role(role);
    h.set_client_name("integration test");
    if (role == v1::ROLE_CLERK || role == v1::ROLE_MANAGER || role == v1::ROLE_ADMIN) {
        h.set_user(user_or_token);
        h.set_secret(secret);
    } else if (role == v1::ROLE_TICKET_HOLDER) {
        h.set_ticket_token(user_or_token);
    } else {
        h.set_device_token(user_or_token);
    }
    return request(m);
}

std::pair<int, std::string> http_get(unsigned short port, std::string const& path) {
    auto answer = http_get(port, path, {});
    return {answer.status, answer.body};
}

http_answer http_exchange(unsigned short port, std::string const& request, std::string const& from) {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    connect(io, stream, from, port);
    if (auto ec = run_one(io, [&](auto done) { boost::asio::async_write(stream, boost::asio::buffer(request), done); }))
        throw std::runtime_error("write: " + ec.message());
    beast::flat_buffer buffer;
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    if (auto ec = run_one(io, [&](auto done) { beast::http::async_read(stream, buffer, parser, done); }))
        throw std::runtime_error("read: " + ec.message());
    auto const& res = parser.get();
    http_answer answer{.status = static_cast<int>(res.result_int()), .body = res.body(), .headers = {}};
    for (auto const& field : res) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        answer.headers[name] = std::string(field.value());
    }
    return answer;
}

http_answer http_get(unsigned short port, std::string const& path, std::vector<std::pair<std::string, std::string>> const& headers,
                     std::string const& from) {
    std::string request = "GET " + path + " HTTP/1.1\r\n";
    bool host = false;
    for (auto const& [name, value] : headers) {
        request += name + ": " + value + "\r\n";
        host = host || name == "Host";
    }
    if (!host) request += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
    request += "Connection: close\r\n\r\n";
    return http_exchange(port, request, from);
}

tcp_connection::tcp_connection(unsigned short port, std::string const& from) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
        auto problem = std::string(std::strerror(errno));
        ::close(fd_);
        throw std::runtime_error("connect: " + problem);
    }
}

tcp_connection::~tcp_connection() {
    if (fd_ >= 0) ::close(fd_);
}

void tcp_connection::send(std::string const& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0) throw std::runtime_error("send: " + std::string(std::strerror(errno)));
        sent += static_cast<std::size_t>(n);
    }
}

std::string tcp_connection::receive(std::chrono::milliseconds wait, std::string const& until) {
    std::string got;
    auto deadline = std::chrono::steady_clock::now() + wait;
    while (until.empty() || got.find(until) == std::string::npos) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        char chunk[4096];
        auto n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) break;
        got.append(chunk, static_cast<std::size_t>(n));
    }
    return got;
}

bool tcp_connection::closed_within(std::chrono::milliseconds wait) {
    auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
        char chunk[4096];
        auto n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return true;  // end of stream, or a reset
    }
}

}  // namespace novbe::testing
