#include "http_session.hpp"

#include "command_table.hpp"
#include "net/log.hpp"
#include "net/websocket_session.hpp"

#include <boost/beast/websocket/rfc6455.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace novbe::net {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

using response = http::response<http::string_body>;

response reply(http::request<http::string_body> const& req, http::status status, std::string body,
               std::string_view type = "text/plain; charset=utf-8") {
    response res{status, req.version()};
    res.set(http::field::server, "novbe-server");
    res.set(http::field::content_type, type);
    res.keep_alive(req.keep_alive());
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

std::string_view mime_type(std::filesystem::path const& path) {
    auto ext = path.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".proto") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

// Pages go by name: /board is board.html, / is index.html, /t/TOKEN (a ticket's QR code) is
// ticket.html, which reads the token from the address.
std::string page_file(std::string_view target) {
    if (target == "/") return "/index.html";
    if (target.starts_with("/t/")) return "/ticket.html";
    if (target.find('.') == std::string_view::npos) return std::string(target) + ".html";
    return std::string(target);
}

// Requests the server answers from memory or from the web folder.
response answer(shared_state const& state, http::request<http::string_body> const& req) {
    if (req.method() != http::verb::get && req.method() != http::verb::head)
        return reply(req, http::status::method_not_allowed, "Only GET is served here.\n");
    std::string_view target = req.target();
    target = target.substr(0, target.find('?'));
    if (target == "/healthz")
        return state.ready ? reply(req, http::status::ok, "ok\n")
                           : reply(req, http::status::service_unavailable, "starting\n");
    if (target == "/novbe.proto") return reply(req, http::status::ok, state.proto_text, "text/plain; charset=utf-8");
    if (target == "/commands.json") {
        static std::string const table = commands::table_json();
        return reply(req, http::status::ok, table, "application/json");
    }
    if (target == "/metrics" && state.metrics_text)
        return reply(req, http::status::ok, state.metrics_text(), "text/plain; version=0.0.4; charset=utf-8");
    if (state.web_root.empty() || target.find("..") != std::string_view::npos || target.empty() || target[0] != '/')
        return reply(req, http::status::not_found, "Not found.\n");
    std::filesystem::path path = state.web_root + page_file(target);
    std::ifstream file(path, std::ios::binary);
    if (!file || std::filesystem::is_directory(path)) return reply(req, http::status::not_found, "Not found.\n");
    std::ostringstream body;
    body << file.rdbuf();
    auto res = reply(req, http::status::ok, body.str(), mime_type(path));
    res.set(http::field::cache_control, "no-cache");  // revalidate: pages change with the server
    return res;
}

// Browsers say where the page came from; a page from another site may not use the centre's
// socket (native clients send no Origin). The page's own host, or a configured origin, may.
bool origin_allowed(shared_state const& state, http::request<http::string_body> const& req) {
    auto origin = std::string(req[http::field::origin]);
    if (origin.empty()) return true;
    for (auto const& allowed : state.limit.allowed_origins)
        if (origin == allowed) return true;
    auto host = origin.substr(origin.find("://") == std::string::npos ? 0 : origin.find("://") + 3);
    return host == std::string(req[http::field::host]);
}

}  // namespace

http_session::http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state)
    : stream_(std::move(socket)), state_(std::move(state)) {}

void http_session::run() { do_read(); }

void http_session::do_read() {
    parser_.emplace();
    parser_->body_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream) {
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
        return;
    }
    if (ec) return log_failure(ec, "http read");
    auto req = parser_->release();
    if (beast::websocket::is_upgrade(req)) {
        std::string_view target = req.target();
        if (target.substr(0, target.find('?')) != "/ws" || state_->stopping) {
            auto res = std::make_shared<response>(reply(req, http::status::not_found, "WebSocket lives at /ws.\n"));
            return http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code, std::size_t) {});
        }
        if (!origin_allowed(*state_, req)) {
            log_info("refused a WebSocket from foreign origin " + std::string(req[http::field::origin]));
            auto res = std::make_shared<response>(reply(req, http::status::forbidden, "This origin may not connect.\n"));
            return http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code, std::size_t) {});
        }
        stream_.expires_never();  // the WebSocket's own timeouts take over
        return std::make_shared<websocket_session>(stream_.release_socket(), state_)->run(std::move(req));
    }
    auto res = std::make_shared<response>(answer(*state_, req));
    if (req.method() == http::verb::head) res->body().clear();
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code write_ec, std::size_t bytes) {
        self->on_write(res->keep_alive(), write_ec, bytes);
    });
}

void http_session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    if (ec) return log_failure(ec, "http write");
    if (!keep_alive) {
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
        return;
    }
    do_read();
}

}  // namespace novbe::net
