#pragma once
// The end of a connection: after the server's last word (an error page, a close frame) it
// stops sending, then reads and throws away what the peer still sends until the peer closes
// too, for at most 5 s and 64 MiB. Closing a socket with unread bytes in it makes the kernel
// reset the connection, and a reset destroys what the peer has not read yet: the 431 page, or
// the 1009 close frame, that says why.
//
// `drained_stream` is a tcp_stream whose WebSocket teardown does this. Beast 1.81's own
// teardown reads at most once before it closes (its loop tests a byte count it never sets), so
// a client still sending a 16 MiB message when the server answered 1009 met a reset instead.
#include <boost/asio/compose.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <array>
#include <chrono>
#include <memory>

namespace novbe::net {

inline constexpr std::chrono::seconds drain_time{5};
inline constexpr std::size_t drain_bytes = 64 * 1024 * 1024;

namespace detail {

struct drain_op {
    boost::beast::tcp_stream& stream;
    std::unique_ptr<std::array<char, 16 * 1024>> scratch = std::make_unique<std::array<char, 16 * 1024>>();
    std::size_t read = 0;
    bool started = false;

    template <class Self>
    void operator()(Self& self, boost::beast::error_code ec = {}, std::size_t bytes = 0) {
        if (!started) {
            started = true;
            boost::beast::error_code ignored;
            stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
            stream.expires_after(drain_time);
            return stream.async_read_some(boost::asio::buffer(*scratch), std::move(self));
        }
        read += bytes;
        if (!ec && read < drain_bytes) return stream.async_read_some(boost::asio::buffer(*scratch), std::move(self));
        boost::beast::error_code ignored;
        stream.socket().close(ignored);
        // The peer closing is the good end; so is one that would not stop (it had its answer).
        self.complete(ec == boost::asio::error::eof || !ec ? boost::beast::error_code{} : ec);
    }
};

}  // namespace detail

// Shuts down sending, drains, closes; then `handler(error_code)`.
template <class Handler>
auto async_drain(boost::beast::tcp_stream& stream, Handler&& handler) {
    return boost::asio::async_compose<Handler, void(boost::beast::error_code)>(detail::drain_op{stream}, handler, stream);
}

class drained_stream : public boost::beast::tcp_stream {
public:
    using boost::beast::tcp_stream::tcp_stream;
};

// Found by argument-dependent lookup from Beast's WebSocket stream, and a better match than
// Beast's own overload for its basic_stream.
template <class Handler>
void async_teardown(boost::beast::role_type, drained_stream& stream, Handler&& handler) {
    async_drain(stream, std::forward<Handler>(handler));
}

}  // namespace novbe::net
