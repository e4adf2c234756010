#pragma once
// A bench client: one WebSocket (novbe.v1) that sends ClientMessages and hands every
// ServerMessage it reads to `on_message`. Bench code only: Beast in a header is fine here.
#include "novbe.pb.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace novbe::bench {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

// A connection that sends a ClientMessage and hands every ServerMessage to `on_message`.
class peer : public std::enable_shared_from_this<peer> {
public:
    std::function<void(novbe::v1::ServerMessage const&)> on_message;
    std::function<void()> on_closed;  // the connection ended (refused, closed by the server, reset)

    explicit peer(boost::asio::io_context& io) : ws_(io) {}
    void open(unsigned short port, std::function<void()> ready) {
        tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), port);
        beast::get_lowest_layer(ws_).async_connect(server, [self = shared_from_this(), port, ready](beast::error_code ec) {
            if (ec) {
                if (self->on_closed) self->on_closed();
                return;
            }
            self->ws_.set_option(websocket::stream_base::decorator(
                [](websocket::request_type& r) { r.set(beast::http::field::sec_websocket_protocol, "novbe.v1"); }));
            self->ws_.async_handshake("127.0.0.1:" + std::to_string(port), "/ws", [self, ready](beast::error_code hec) {
                if (hec) {
                    if (self->on_closed) self->on_closed();
                    return;
                }
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
            if (ec) {
                if (self->on_closed) self->on_closed();
                return;
            }
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

inline novbe::v1::ClientMessage hello(novbe::v1::Role role, std::string const& user = "", std::string const& secret = "") {
    novbe::v1::ClientMessage m;
    m.mutable_hello()->set_protocol_version(1);
    m.mutable_hello()->set_role(role);
    m.mutable_hello()->set_user(user);
    m.mutable_hello()->set_secret(secret);
    if (role == novbe::v1::ROLE_KIOSK) m.mutable_hello()->set_device_token("bench-kiosk-token-0001");
    return m;
}

}  // namespace novbe::bench
