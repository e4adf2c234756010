#include "http_session.hpp"

#include "command_table.hpp"
#include "net/booking_gate.hpp"
#include "net/booking_json.hpp"
#include "net/drained_stream.hpp"
#include "net/log.hpp"
#include "net/speech.hpp"
#include "net/speech_text.hpp"
#include "net/websocket_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace novbe::net {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

using response = http::response<http::string_body>;

response reply(unsigned version, bool keep_alive, http::status status, std::string body,
               std::string_view type = "text/plain; charset=utf-8") {
    response res{status, version};
    res.set(http::field::server, "novbe-server");
    res.set(http::field::content_type, type);
    res.set("X-Content-Type-Options", "nosniff");
    res.keep_alive(keep_alive);
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

response reply(http::request<http::string_body> const& req, http::status status, std::string body,
               std::string_view type = "text/plain; charset=utf-8") {
    return reply(req.version(), req.keep_alive(), status, std::move(body), type);
}

std::string_view mime_type(std::filesystem::path const& path) {
    auto ext = path.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    return "application/octet-stream";
}

// "Authorization: Bearer TOKEN" with the configured metrics token.
bool has_metrics_token(shared_state const& state, http::request<http::string_body> const& req) {
    auto const& token = state.limit.metrics_token;
    if (token.empty()) return false;
    std::string_view auth = req[http::field::authorization];
    constexpr std::string_view scheme = "bearer ";
    if (auth.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(auth[i])) != scheme[i]) return false;
    return same_secret(auth.substr(scheme.size()), token);
}

// /speech's query: ?lang=rw&ticket=A012&counter=3 (no escapes: the values allowed have none).
struct speech_request {
    std::string language;
    std::string ticket;
    std::uint32_t counter = 0;
};

speech_request speech_query(std::string_view target) {
    speech_request out;
    auto at = target.find('?');
    if (at == std::string_view::npos) return out;
    auto query = target.substr(at + 1);
    while (!query.empty()) {
        auto pair = query.substr(0, query.find('&'));
        query.remove_prefix(std::min(query.size(), pair.size() + 1));
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        auto name = pair.substr(0, eq);
        auto value = pair.substr(eq + 1).substr(0, 16);
        if (name == "lang") out.language = value;
        if (name == "ticket") out.ticket = value;
        if (name == "counter" && !value.empty() && value.size() <= 4 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            out.counter = static_cast<std::uint32_t>(std::stoul(std::string(value)));
    }
    return out;
}

// Who asks, for the requests that care.
struct asker {
    bool loopback = false;      // a direct connection from this machine (not through a proxy)
    bool metrics_token = false;  // it showed the metrics token
};

// Requests the server answers from memory or from the web folder.
response answer(shared_state const& state, http::request<http::string_body> const& req, asker const& who) {
    if (req.method() != http::verb::get && req.method() != http::verb::head) {
        auto res = reply(req, http::status::method_not_allowed, "Only GET is served here.\n");
        res.set(http::field::allow, "GET, HEAD");
        return res;
    }
    std::string_view target = req.target();
    target = target.substr(0, target.find('?'));
    if (target == "/healthz")
        return state.ready ? reply(req, http::status::ok, "ok\n")
                           : reply(req, http::status::service_unavailable, "starting\n");
    if (target == "/novbe.proto") return reply(req, http::status::ok, state.proto_text, "text/plain; charset=utf-8");
    if (target == "/speech/languages") return reply(req, http::status::ok, state.speaker->languages_json(), "application/json");
    if (target == "/commands.json") {
        static std::string const table = commands::table_json();
        return reply(req, http::status::ok, table, "application/json");
    }
    if (target == "/metrics" && state.metrics_text) {
        if (!state.limit.metrics_token.empty() && !who.metrics_token) {
            auto res = reply(req, http::status::unauthorized, "/metrics needs the metrics token: Authorization: Bearer TOKEN.\n");
            res.set(http::field::www_authenticate, "Bearer realm=\"novbe metrics\"");
            return res;
        }
        if (state.limit.metrics_token.empty() && !who.loopback)
            return reply(req, http::status::forbidden,
                         "/metrics answers only connections from this machine unless [server] metrics_token is set.\n");
        return reply(req, http::status::ok, state.metrics_text(), "text/plain; version=0.0.4; charset=utf-8");
    }
    auto file_name = served_file(target);
    if (state.web_root.empty() || !file_name) return reply(req, http::status::not_found, "Not found.\n");
    std::filesystem::path path = state.web_root + *file_name;
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

std::string label(ip_address const& a) { return a.is_v6() ? "[" + a.to_string() + "]" : a.to_string(); }

// Everything under /api/ answers in the API's JSON error shape (docs/booking-api.yaml), even
// what is refused before the API reads it; other paths keep their plain sentence.
bool under_api(std::string_view target) { return target.starts_with("/api/"); }

http_refusal in_kind(std::string_view target, std::string_view code, std::string sentence) {
    if (!under_api(target)) return {std::move(sentence) + "\n", "text/plain; charset=utf-8"};
    return {detail::api_error(0, code, sentence).body, "application/json"};
}

}  // namespace

http_session::http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state)
    : stream_(std::move(socket)), state_(std::move(state)) {
    state_->join(this);
}

http_session::~http_session() { state_->leave(this); }

void http_session::abort() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->stream_.socket().close(ec);
    });
}

void http_session::stop() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        if (self->idle_) self->stream_.socket().close(ec);  // the read ends, and the session with it
    });
}

void http_session::run() {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (ec) return;  // gone before it was seen
    peer_ = plain(endpoint.address());
    peer_label_ = label(peer_) + ":" + std::to_string(endpoint.port());
    via_proxy_ = state_->trusts(peer_);
    // A direct client is counted at once: a flood of silent connections from one address is
    // closed before it costs a read. Behind a proxy the address is known with the first request.
    if (!via_proxy_ && !slot_.take(state_, peer_.to_string())) {
        state_->crowded.note(peer_label_);
        stream_.socket().close(ec);
        return;
    }
    do_read();
}

void http_session::do_read(std::chrono::seconds wait) {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_->limit.max_header_bytes));
    parser_->body_limit(16 * 1024);
    stream_.expires_after(wait);
    idle_ = buffer_.size() == 0;  // part of a next request already read: it will be answered
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t) {
    idle_ = false;
    if (ec == http::error::end_of_stream) {
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
        return;
    }
    if (ec.category() == beast::http::make_error_code(http::error::header_limit).category() &&
        ec != http::error::partial_message)
        return unreadable(ec);
    if (ec) return log_failure(ec, "http read " + peer_label_);
    auto req = parser_->release();
    std::string_view target = req.target();
    if (target.size() > state_->limit.max_target_bytes) return too_long_address(target);
    auto path = target.substr(0, target.find('?'));
    // Two Host headers: a proxy may route by one and this server check the other.
    if (req.count(http::field::host) > 1) {
        state_->refused_requests.note("400 for two Host headers from " + peer_label_);
        return refuse(in_kind(path, "bad_request", "A request has one Host header."), http::status::bad_request);
    }

    auto client = via_proxy_ ? client_address(peer_, state_->trusted_proxies, req) : peer_;
    if (via_proxy_ && (!slot_.held() || slot_.address() != client.to_string()) && !slot_.take(state_, client.to_string())) {
        state_->crowded.note(label(client) + " via " + peer_label_);
        return refuse(in_kind(path, "too_many_connections",
                              "Too many connections from your address have not signed in; try again in a moment."),
                      http::status::service_unavailable);
    }
    asker who{.loopback = !via_proxy_ && peer_.is_loopback(), .metrics_token = has_metrics_token(*state_, req)};
    // A page of another site that renamed itself to this server's address (DNS rebinding)
    // still carries its own name in Host. Health checks come from probes that use addresses;
    // the metrics token is proof enough that the asker is no such page.
    if (path != "/healthz" && !(path == "/metrics" && who.metrics_token)) {
        std::string_view host = req[http::field::host];
        if (host.empty()) return refuse(in_kind(path, "bad_request", "A request needs a Host header."), http::status::bad_request);
        if (!host_allowed(state_->hosts, host)) {
            state_->refused_requests.note("421 for Host '" + std::string(host.substr(0, 100)) + "' from " + peer_label_);
            return refuse(in_kind(path, "misdirected_request", "This server does not answer to the name in the Host header."),
                          http::status::misdirected_request);
        }
    }

    if (beast::websocket::is_upgrade(req)) {
        if (path != "/ws" || state_->stopping) return refuse(http::status::not_found, "WebSocket lives at /ws.\n");
        if (!origin_allowed(*state_, req)) {
            log_info("refused a WebSocket from foreign origin " + std::string(req[http::field::origin]));
            return refuse(http::status::forbidden, "This origin may not connect.\n");
        }
        stream_.expires_never();  // the WebSocket's own timeouts take over
        auto name = via_proxy_ ? label(client) + " via " + peer_label_ : peer_label_;
        return std::make_shared<websocket_session>(stream_.release_socket(), state_, client.to_string(), std::move(name),
                                                   std::move(slot_))
            ->run(std::move(req));
    }
    if (path == "/speech" && req.method() == http::verb::get) return speak(req);
    if (path.starts_with(public_prefix) && state_->bookings && !origin_allowed(*state_, req)) {
        // Another site's page would book from each of its visitors' addresses (a text/plain POST
        // needs no preflight): the phone route answers only the centre's own pages, and clients
        // that send no Origin (docs/DOMAIN.md#phone-bookings).
        state_->refused_requests.note("403 on the public booking route for origin " + std::string(req[http::field::origin]).substr(0, 100));
        return refuse(http::status::forbidden, R"({"error":"forbidden_origin","message":"This page may not book here."})", "application/json");
    }
    if ((path.starts_with(api_prefix) || path.starts_with(public_prefix)) && state_->bookings) return api(req, client.to_string());
    if (under_api(path)) {  // no such API (or this centre takes no bookings): still the API's kind of answer
        auto body = in_kind(path, "not_found", "No such endpoint; see docs/booking-api.yaml.");
        return send(std::make_shared<response>(reply(req, http::status::not_found, std::move(body.text), body.type)),
                    req.method() == http::verb::head);
    }
    send(std::make_shared<response>(answer(*state_, req, who)), req.method() == http::verb::head);
}

void http_session::send(std::shared_ptr<response> res, bool head) {
    if (head) res->body().clear();
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code write_ec, std::size_t bytes) {
        self->on_write(res->keep_alive(), write_ec, bytes);
    });
}

// GET /speech?lang=rw&ticket=A012&counter=3: a call sentence as WAV (speech.hpp), rendered off
// the event loop; the session reads nothing more until it has answered.
void http_session::speak(http::request<http::string_body> const& req) {
    auto const query = speech_query(req.target());
    auto const& languages = state_->config.profile.languages;
    auto bad = [&](http::status status, std::string sentence) { send(std::make_shared<response>(reply(req, status, std::move(sentence))), false); };
    if (std::find(languages.begin(), languages.end(), query.language) == languages.end())
        return bad(http::status::not_found, "This centre has no such language; /speech/languages lists its languages.\n");
    if (!state_->speaker->speaks(query.language))
        return bad(http::status::service_unavailable, "This server has no speech for that language (espeak-ng or its voice is missing).\n");
    auto text = call_sentence(query.language, query.ticket, query.counter);
    if (!text) return bad(http::status::bad_request, "Speech is only for a call: /speech?lang=LL&ticket=A012&counter=3 (a counter 1 to 9999).\n");
    state_->speaker->say(query.language, *text, [self = shared_from_this(), version = req.version(), keep = req.keep_alive()](
                                                     std::shared_ptr<std::string const> wav, std::string const& why) {
        boost::asio::post(self->stream_.get_executor(), [self, version, keep, wav, why] {
            if (!wav) {
                auto sentence = why == "busy" ? "Speech is busy; try again in a moment.\n" : "Speech could not be rendered.\n";
                return self->send(std::make_shared<response>(reply(version, keep, http::status::service_unavailable, sentence)), false);
            }
            auto res = std::make_shared<response>(reply(version, keep, http::status::ok, *wav, "audio/wav"));
            res->set(http::field::cache_control, "public, max-age=86400");  // the same phrase is the same sound
            res->set("X-Novbe-Speech", why == "cached" ? "cached" : "rendered");
            self->send(res, false);
        });
    });
}

void http_session::api(http::request<http::string_body> const& req, std::string const& client) {
    api_call call{.method = std::string(req.method_string()), .target = std::string(req.target()),
                  .api_key = std::string(req["X-Api-Key"]), .body = req.body()};
    state_->bookings->handle(std::move(call), client, [self = shared_from_this(), version = req.version(), keep = req.keep_alive(),
                                                       client](api_answer answer, bool known) {
        boost::asio::post(self->stream_.get_executor(), [self, version, keep, client, answer = std::move(answer), known] {
            if (answer.status == 401) self->state_->refused_requests.note("401 for an API key from " + client);
            if (answer.status == 429) self->state_->refused_requests.note("429 on the public booking route from " + client);
            // A portal that showed its key has signed in: its connection no longer counts
            // among its address's unauthenticated ones (a rush keeps many open).
            if (known && !self->via_proxy_) self->slot_.release();
            auto res = std::make_shared<response>(reply(version, keep, static_cast<http::status>(answer.status),
                                                        std::move(answer.body), "application/json"));
            res->set(http::field::cache_control, "no-store");
            if (answer.retry_after_s) res->set(http::field::retry_after, std::to_string(answer.retry_after_s));
            if (!answer.allow.empty()) res->set(http::field::allow, answer.allow);
            self->send(res, false);
        });
    });
}

void http_session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    if (ec) return log_failure(ec, "http write " + peer_label_);
    if (!keep_alive) return async_drain(stream_, [self = shared_from_this()](beast::error_code) {});
    if (state_->stopping) {  // answered; no next request on this connection
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
        return;
    }
    do_read(std::chrono::seconds(5));
}

// Beast's parser stopped: say why in a sentence rather than reset the connection.
void http_session::unreadable(beast::error_code ec) {
    auto const& limit = state_->limit;
    if (ec == http::error::header_limit) {
        // The parser has the request line once it has read it all: without one, the limit
        // struck inside it.
        if (parser_->get().target().empty()) return too_long_address(target_seen());
        state_->refused_requests.note("431 from " + peer_label_);
        return refuse(in_kind(parser_->get().target(), "headers_too_large",
                              "The request's headers are too large: this server reads at most " +
                                  std::to_string(limit.max_header_bytes) + " bytes of them."),
                      http::status::request_header_fields_too_large);
    }
    state_->refused_requests.note(ec.message() + " from " + peer_label_);
    if (ec == http::error::body_limit) {
        if (std::string_view target = parser_->get().target(); under_api(target))  // the APIs answer in JSON
            return refuse(in_kind(target, "too_large", "The body is over " + std::to_string(max_api_body) + " bytes."),
                          http::status::payload_too_large);
        return refuse(http::status::payload_too_large, "The request's body is too large for this server.\n");
    }
    return refuse(in_kind(target_seen(), "bad_request", "The request could not be read as HTTP/1.1 (" + ec.message() + ")."),
                  http::status::bad_request);
}

// The parser keeps no target it has not read whole; the bytes it stopped in are still in the
// buffer: "METHOD TARGET ...", the target cut where the buffer ends.
std::string_view http_session::target_seen() const {
    if (!parser_->get().target().empty()) return parser_->get().target();
    auto data = buffer_.cdata();
    std::string_view seen(static_cast<char const*>(data.data()), data.size());
    auto space = seen.find(' ');
    if (space == std::string_view::npos) return {};
    seen.remove_prefix(space + 1);
    return seen.substr(0, seen.find_first_of(" \r\n"));
}

void http_session::too_long_address(std::string_view target) {
    state_->refused_requests.note("414 from " + peer_label_);
    refuse(in_kind(target, "uri_too_long", "The address is too long: this server reads at most " +
                                               std::to_string(state_->limit.max_target_bytes) + " bytes of it."),
           http::status::uri_too_long);
}

void http_session::refuse(http_refusal body, http::status status) { refuse(status, std::move(body.text), body.type); }

void http_session::refuse(http::status status, std::string sentence, std::string_view type) {
    auto res = std::make_shared<response>(reply(11, false, status, std::move(sentence), type));
    stream_.expires_after(std::chrono::seconds(5));
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
        if (ec) return log_failure(ec, "http write " + self->peer_label_);
        async_drain(self->stream_, [self](beast::error_code) {});
    });
}

}  // namespace novbe::net
