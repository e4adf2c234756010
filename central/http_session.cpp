#include "http_session.hpp"

#include "central/live_session.hpp"
#include "net/edge.hpp"
#include "net/log.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <fstream>
#include <iterator>

namespace novbe::central {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

std::string content_type(std::string const& path) {
    auto ends = [&](char const* e) { return path.ends_with(e); };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".json")) return "application/json; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    return "application/octet-stream";
}

// The room's page at /; the scripts, styles and translations it needs by the server's rules.
std::optional<std::string> file_for(std::string_view path) {
    if (path == "/" || path == "/situation" || path == "/situation.html") return "/situation.html";
    for (auto folder : {"/js/", "/css/", "/i18n/", "/vendor/"})
        if (path.starts_with(folder)) return net::served_file(path);
    return std::nullopt;
}

net::host_policy policy_of(site const& s) {
    net::host_policy p{.listen_address = s.listening.address()};
    for (auto const& name : s.situation.settings().public_names)
        if (auto parsed = net::parse_host(name)) p.names.push_back(*parsed);
    return p;
}

std::vector<net::ip_address> proxies_of(site const& s) {
    std::vector<net::ip_address> out;
    for (auto const& text : s.situation.settings().trusted_proxies)
        if (auto a = net::parse_address(text)) out.push_back(*a);
    return out;
}

}  // namespace

void http_session::do_read() {
    parser_.emplace();
    parser_->header_limit(8 * 1024);
    parser_->body_limit(0);
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream)
        return stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
    if (ec) {
        if (ec == http::error::header_limit)
            return answer(http::status::request_header_fields_too_large, "headers too large\n", "text/plain", false);
        if (ec == http::error::body_limit)
            return answer(http::status::payload_too_large, "no body is read here\n", "text/plain", false);
        if (ec == beast::error::timeout || ec == boost::asio::error::eof) return;
        return answer(http::status::bad_request, "a request this server cannot read\n", "text/plain", false);
    }
    auto const& req = parser_->get();
    boost::system::error_code peer_ec;
    auto peer = stream_.socket().remote_endpoint(peer_ec);
    if (peer_ec) return;
    address_ = net::plain(net::client_address(net::plain(peer.address()), proxies_of(site_), req)).to_string();
    std::string_view target = req.target();
    if (target.size() > 4096) return answer(http::status::uri_too_long, "URL too long\n", "text/plain", false);
    auto path = target.substr(0, target.find('?'));
    if (path == "/healthz") return answer(http::status::ok, "ok\n", "text/plain", req.keep_alive());
    auto host = req[http::field::host];
    if (host.empty()) return answer(http::status::bad_request, "no Host\n", "text/plain", false);
    if (!net::host_allowed(policy_of(site_), host))
        return answer(http::status::misdirected_request, "this server does not answer to that name\n", "text/plain",
                      false);
    if (path == "/live" && beast::websocket::is_upgrade(req)) {
        // Only this server's own page may open it: a foreign page would carry its own Origin.
        auto origin = req[http::field::origin];
        if (!origin.empty() && origin != "http://" + std::string(host) && origin != "https://" + std::string(host))
            return answer(http::status::forbidden, "a page of another site may not open /live\n", "text/plain", false);
        stream_.expires_never();
        std::make_shared<live_session>(stream_.release_socket(), site_.situation, site_.checks, address_)
            ->run(parser_->release());
        return;
    }
    if (req.method() != http::verb::get && req.method() != http::verb::head)
        return answer(http::status::method_not_allowed, "GET only\n", "text/plain", false);
    auto file = file_for(path);
    std::string body;
    if (file) {
        std::ifstream in(site_.web_root + *file, std::ios::binary);
        if (in) body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        else file.reset();
    }
    if (!file) return answer(http::status::not_found, "not found\n", "text/plain", req.keep_alive());
    answer(http::status::ok, std::move(body), content_type(*file), req.keep_alive());
}

void http_session::answer(http::status status, std::string body, std::string const& type, bool keep_alive) {
    auto res = std::make_shared<http::response<http::string_body>>(status, 11);
    res->set(http::field::server, "novbe-central");
    res->set(http::field::content_type, type);
    res->set(http::field::cache_control, "no-store");
    res->set("X-Content-Type-Options", "nosniff");
    res->keep_alive(keep_alive);
    res->body() = std::move(body);
    res->prepare_payload();
    http::async_write(stream_, *res, [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
        if (ec) return net::log_failure(ec, "write");
        if (keep_alive) return self->do_read();
        self->stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
    });
}

void accept(boost::asio::ip::tcp::acceptor& acceptor, site& s) {
    acceptor.async_accept([&acceptor, &s](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
        if (ec == boost::asio::error::operation_aborted || !acceptor.is_open()) return;
        if (!ec || ec == boost::asio::error::connection_aborted) {
            if (!ec) std::make_shared<http_session>(std::move(socket), s)->run();
            return accept(acceptor, s);
        }
        // Out of descriptors the connection stays queued and accepting again fails at once: pause.
        net::log_error("central: accept: " + ec.message());
        auto pause =
            std::make_shared<boost::asio::steady_timer>(acceptor.get_executor(), std::chrono::milliseconds(100));
        pause->async_wait([pause, &acceptor, &s](boost::system::error_code) { accept(acceptor, s); });
    });
}

}  // namespace novbe::central
