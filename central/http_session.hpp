#pragma once
// One HTTP connection to novbe-central: /healthz, the situation room's page and its files from
// the web root, and the upgrade of /live to a live_session. The edge's rules are the server's
// (server/net/edge.hpp): the client's address through trusted proxies, Host names, the files
// that may be served; requests are bounded (8 KiB of headers, no body).
#include "central/room.hpp"

#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <optional>
#include <string>

namespace novbe::central {

// What every connection shares: the room, the checks' pool, where the files are, the Host rules.
struct site {
    room& situation;
    boost::asio::thread_pool& checks;
    std::string web_root;
    boost::asio::ip::tcp::endpoint listening;
};

class http_session : public std::enable_shared_from_this<http_session> {
public:
    http_session(boost::asio::ip::tcp::socket&& socket, site& s) : stream_(std::move(socket)), site_(s) {}
    void run() { do_read(); }

private:
    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void answer(boost::beast::http::status status, std::string body, std::string const& type, bool keep_alive);

    boost::beast::tcp_stream stream_;
    site& site_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::string address_;
};

// Accepts connections for as long as the acceptor is open.
void accept(boost::asio::ip::tcp::acceptor& acceptor, site& s);

}  // namespace novbe::central
