#pragma once
// One WebSocket connection: reads one ClientMessage per binary frame, hands it to the
// dispatcher, and writes replies one at a time from a queue bounded in bytes. Until its Hello
// is accepted it holds its address's place among the connections that have not signed in.
#include "net/drained_stream.hpp"
#include "net/shared_state.hpp"
#include "net/unauthenticated_slot.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace novbe::net {

class websocket_session : public std::enable_shared_from_this<websocket_session> {
public:
    // `address`: the client's (through a trusted proxy, the one it forwarded), for the
    // dispatcher's rate limits; `peer`: how the log names the connection.
    websocket_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state, std::string address,
                      std::string peer, unauthenticated_slot slot);
    ~websocket_session();

    void run(boost::beast::http::request<boost::beast::http::string_body> request);
    // Thread-safe: posts to the session's strand.
    void send(std::shared_ptr<std::string const> frame);
    // Thread-safe: an answer the client asked for, outside the bound on queued bytes while no
    // other such answer waits (docs/PROTOCOL.md#history-and-forwarding).
    void send_answer(std::shared_ptr<std::string const> frame);
    void close(boost::beast::websocket::close_code code, std::string reason);
    // Shuts the socket without a closing handshake (the server's stop, past its deadline).
    void abort();
    // Closes with 4003 and the reason if a set-up change ends this connection (docs/SETUP.md).
    // Thread-safe: posts to the session's strand.
    void end_if(session_end const& e);

private:
    void on_accept(boost::beast::error_code ec);
    void keep_alive();
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_message(std::string_view bytes);
    void queue(std::shared_ptr<std::string const> frame, bool asked_for);
    void on_write(boost::beast::error_code ec, std::size_t bytes);
    dispatcher::sender sender();

    boost::beast::websocket::stream<drained_stream> ws_;  // a close drains what the client still sends
    std::shared_ptr<shared_state> state_;
    boost::beast::flat_buffer buffer_;
    struct queued {
        std::shared_ptr<std::string const> frame;
        bool counted;  // against limit.max_queued_bytes; an asked-for answer is not
    };
    std::deque<queued> queue_;
    std::size_t queued_bytes_ = 0;  // of the counted frames
    bool answer_queued_ = false;    // an uncounted answer waits or is being written
    boost::asio::steady_timer hello_deadline_;
    boost::asio::steady_timer keepalive_;
    bool heard_ = false;   // a message or a control frame since the last keepalive tick
    int quiet_ticks_ = 0;  // ticks in a row with nothing heard
    std::optional<identity> who_;
    bool greeting_ = false;  // a Hello is being checked
    bool closing_ = false;
    int bad_messages_ = 0;
    std::string peer_;     // address:port, for the log
    std::string address_;  // for rate limits
    std::string counted_as_;  // the role it is counted under in /metrics, once accepted
    unauthenticated_slot slot_;  // given back at sign-in
};

}  // namespace novbe::net
