#pragma once
// One HTTP connection: /healthz, /novbe.proto, /metrics, the pages, and the upgrade of /ws to a
// WebSocket session speaking novbe.v1, and the booking APIs under /api/ (every answer there JSON). It works out the client's address (through a trusted
// proxy, the forwarded one), holds that address's place among the connections that have not
// signed in, refuses a Host that is not this server's, and answers a request it cannot read
// (414, 431, 413, 400) before it closes; a 405 names the methods the path takes in Allow.
#include "net/shared_state.hpp"
#include "net/unauthenticated_slot.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace novbe::net {

// A refusal's body and its type: JSON under /api/, a sentence elsewhere.
struct http_refusal {
    std::string text;
    std::string_view type;
};

class http_session : public std::enable_shared_from_this<http_session> {
public:
    http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state);
    ~http_session();
    void run();
    // The server stops: closed now if it waits for a request, else once its answer is written.
    // Thread-safe: runs on the session's executor.
    void stop();
    void abort();  // the stop's deadline: the socket shut, whatever it was doing

private:
    // A new connection's first request gets 30 s; a kept-alive connection waits 5 s for its next
    // one, since an idle keep-alive holds its address's place among connections not signed in.
    void do_read(std::chrono::seconds wait = std::chrono::seconds(30));
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void unreadable(boost::beast::error_code ec);
    void too_long_address(std::string_view target);
    std::string_view target_seen() const;  // the request's target, or what of it was read
    void speak(boost::beast::http::request<boost::beast::http::string_body> const& req);
    // /api/v1/...: the booking API (booking_gate.hpp); JSON answers, the next request read after.
    void api(boost::beast::http::request<boost::beast::http::string_body> const& req, std::string const& client);
    void send(std::shared_ptr<boost::beast::http::response<boost::beast::http::string_body>> res, bool head);
    // An answer that ends the connection: written, then the rest of what the client sends is
    // read and dropped (drained_stream.hpp), so that it gets to read the answer.
    void refuse(boost::beast::http::status status, std::string sentence, std::string_view type = "text/plain; charset=utf-8");
    void refuse(http_refusal body, boost::beast::http::status status);

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::shared_ptr<shared_state> state_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    ip_address peer_;
    std::string peer_label_;  // address:port, for the log
    bool via_proxy_ = false;  // the peer is a trusted proxy: each request says whose it is
    bool idle_ = false;       // waiting for the next request
    unauthenticated_slot slot_;
};

}  // namespace novbe::net
