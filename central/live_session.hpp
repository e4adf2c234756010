#pragma once
// One page's WebSocket (/live): its first message signs in ({"user", "secret"}, within 10 s,
// limited as the centre's sign-ins are: docs/RELIABILITY.md#sign-in), then it is sent the
// centres its user sees, live; {"follow": "centre_id"} asks for one centre's detail too. JSON
// text frames of 4 KiB at most from the page; what waits to be sent is bounded in bytes (a page
// that does not read is dropped). One write in flight. {"history": {"from", "to", "by"}} asks for the
// CSV and daily totals of a date range over the user's centres (history_query.hpp).
#include "central/room.hpp"
#include "net/drained_stream.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/object.hpp>

#include <deque>
#include <memory>
#include <string>

namespace novbe::central {

class live_session : public std::enable_shared_from_this<live_session> {
public:
    live_session(boost::asio::ip::tcp::socket&& socket, room& r, boost::asio::thread_pool& checks, std::string address);
    void run(boost::beast::http::request<boost::beast::http::string_body> request);
    void send(std::shared_ptr<std::string const> const& message);
    central_user const* user() const { return user_; }
    std::string const& following() const { return following_; }

    static constexpr std::size_t max_queued_bytes = 8 * 1024 * 1024;

private:
    void on_accept(boost::beast::error_code ec);
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void handle(std::string const& text);
    void sign_in(std::string const& name, std::string const& secret);
    void history(boost::json::object const& request);
    void signed_in(central_user const* u, bool right);
    void refuse(std::string const& reason, std::chrono::milliseconds after);
    void do_write();
    void close(std::string const& why);

    boost::beast::websocket::stream<net::drained_stream> ws_;
    room& room_;
    boost::asio::thread_pool& checks_;
    std::string address_;
    boost::asio::steady_timer deadline_;
    boost::asio::steady_timer hold_;  // a sign-in held before its check (net::sign_in_limiter)
    std::string trying_;              // the name of the sign-in being checked
    boost::beast::flat_buffer buffer_;
    std::deque<std::shared_ptr<std::string const>> queue_;
    std::size_t queued_bytes_ = 0;
    central_user const* user_ = nullptr;
    bool checking_ = false;
    bool history_busy_ = false;
    bool closing_ = false;
    std::string following_;
};

}  // namespace novbe::central
