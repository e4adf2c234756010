#include "client/connection.hpp"

#include "client/backoff.hpp"
#include "command_table.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <map>
#include <mutex>
#include <random>

namespace novbe::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;

namespace {

// Deadlines and reconnects are checked on this beat: far below any deadline a person notices.
constexpr auto beat = std::chrono::milliseconds(25);
// A server that says UNAVAILABLE (starting, stopping) or INTERNAL is asked again after this.
constexpr auto retry_pause = std::chrono::milliseconds(200);

bool transient(v1::ErrorCode c) { return c == v1::ERROR_CODE_UNAVAILABLE || c == v1::ERROR_CODE_INTERNAL; }

// Refusals that another attempt with the same Hello cannot change.
bool final_refusal(v1::ErrorCode c) {
    return c == v1::ERROR_CODE_UNAUTHENTICATED || c == v1::ERROR_CODE_PERMISSION_DENIED ||
           c == v1::ERROR_CODE_UNSUPPORTED_VERSION || c == v1::ERROR_CODE_MALFORMED_MESSAGE;
}

std::string fresh_key(std::mt19937_64& rng) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string key;
    for (int half = 0; half < 2; ++half)
        for (auto bits = rng(), i = std::uint64_t{0}; i < 16; ++i, bits >>= 4) key.push_back(hex[bits & 15]);
    return key;
}

struct pending_request {
    v1::ClientMessage message;
    reply_handler done;
    steady::time_point deadline;
    steady::time_point not_before{};
    bool sent = false;
};

struct subscription {
    v1::Subscribe subscribe;
    subscription_handler on_message;
    bool sent = false;
};

// One connection attempt: its stream and buffers live as long as a handler of theirs does.
struct attempt {
    explicit attempt(asio::io_context& io) : ws(io) {}
    websocket::stream<beast::tcp_stream> ws;
    websocket::response_type response;
    beast::flat_buffer input;
    std::deque<std::string> output;
    bool writing = false;
};

}  // namespace

v1::ServerMessage local_error(std::uint64_t request_id, v1::ErrorCode code, std::string message) {
    v1::ServerMessage m;
    m.set_request_id(request_id);
    m.mutable_error()->set_code(code);
    m.mutable_error()->set_message(std::move(message));
    return m;
}

struct connection::impl : std::enable_shared_from_this<impl> {
    impl(asio::io_context& context, options o)
        : io(context), opts(std::move(o)), delays(opts.first_backoff, opts.max_backoff, std::random_device{}()),
          rng(std::random_device{}()) {
        opts.hello.set_protocol_version(1);
    }

    asio::io_context& io;
    options opts;
    tcp::resolver resolver{io};
    asio::steady_timer ticker{io};
    std::shared_ptr<attempt> current;  // null while waiting to reconnect
    bool greeted = false;
    bool started = false;
    bool stopped = false;
    bool refused = false;
    std::uint64_t hello_id = 0;
    steady::time_point reconnect_at{};
    backoff delays;
    std::mt19937_64 rng;
    std::uint64_t next_id = 1;
    std::map<std::uint64_t, pending_request> pending;
    std::map<std::uint64_t, subscription> subscriptions;
    status_handler on_status;

    mutable std::mutex shared_mutex;  // status_ and welcome_ are read from other threads
    link_status status_;
    v1::Welcome welcome_;

    // `since` moves only when the link goes online or stops being online, so that a UI says
    // "offline since 10:42" through all the attempts that follow.
    void set_status(link state, std::string reason = {}) {
        link_status copy;
        {
            std::lock_guard lock(shared_mutex);
            bool const was_online = status_.state == link::online;
            bool const now_online = state == link::online;
            if (status_.since == std::chrono::system_clock::time_point{} || was_online != now_online)
                status_.since = std::chrono::system_clock::now();
            status_.state = state;
            if (!reason.empty() || now_online) status_.reason = std::move(reason);
            status_.refused = refused;
            copy = status_;
        }
        if (on_status) on_status(copy);
    }

    void tick() {
        ticker.expires_after(beat);
        ticker.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec || self->stopped) return;
            self->expire(steady::now());
            if (!self->current && !self->refused && steady::now() >= self->reconnect_at) self->connect();
            if (self->greeted) self->flush();
            self->tick();
        });
    }

    void expire(steady::time_point now) {
        for (auto it = pending.begin(); it != pending.end();) {
            if (it->second.deadline > now) {
                ++it;
                continue;
            }
            auto done = std::move(it->second.done);
            auto id = it->first;
            it = pending.erase(it);
            auto why = status().state == link::online ? std::string("The server did not answer in time.")
                                                      : "The server cannot be reached (" + status().reason + ").";
            done(local_error(id, v1::ERROR_CODE_UNAVAILABLE, why));
        }
    }

    link_status status() const {
        std::lock_guard lock(shared_mutex);
        return status_;
    }

    void connect() {
        auto a = std::make_shared<attempt>(io);
        current = a;
        set_status(link::connecting);
        resolver.async_resolve(opts.host, opts.port, [self = shared_from_this(), a](beast::error_code ec, tcp::resolver::results_type found) {
            if (a != self->current) return;
            if (ec) return self->fail(a, "cannot resolve " + self->opts.host + ": " + ec.message());
            beast::get_lowest_layer(a->ws).expires_after(self->opts.connect_timeout);
            beast::get_lowest_layer(a->ws).async_connect(found, [self, a](beast::error_code ec2, tcp::endpoint) {
                if (a != self->current) return;
                if (ec2) return self->fail(a, "cannot connect to " + self->opts.host + ":" + self->opts.port + ": " + ec2.message());
                self->handshake(a);
            });
        });
    }

    void handshake(std::shared_ptr<attempt> const& a) {
        beast::get_lowest_layer(a->ws).expires_never();
        websocket::stream_base::timeout limits{};
        limits.handshake_timeout = opts.connect_timeout;
        limits.idle_timeout = opts.idle_timeout;
        limits.keep_alive_pings = true;
        a->ws.set_option(limits);
        a->ws.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
            req.set(beast::http::field::sec_websocket_protocol, "novbe.v1");
            req.set(beast::http::field::user_agent, "novbe-client");
        }));
        a->ws.async_handshake(a->response, opts.host + ":" + opts.port, "/ws", [self = shared_from_this(), a](beast::error_code ec) {
            if (a != self->current) return;
            if (ec) return self->fail(a, "WebSocket handshake failed: " + ec.message());
            if (a->response[beast::http::field::sec_websocket_protocol] != "novbe.v1")
                return self->fail(a, "the server does not speak novbe.v1");
            a->ws.binary(true);
            v1::ClientMessage hello;
            self->hello_id = self->next_id++;
            hello.set_request_id(self->hello_id);
            *hello.mutable_hello() = self->opts.hello;
            self->write(a, hello.SerializeAsString());
            self->read(a);
        });
    }

    void read(std::shared_ptr<attempt> const& a) {
        a->ws.async_read(a->input, [self = shared_from_this(), a](beast::error_code ec, std::size_t) {
            if (a != self->current) return;
            if (ec) {
                auto why = ec == websocket::error::closed ? "the server closed the connection (" + std::to_string(a->ws.reason().code) + ")"
                                                          : "connection lost: " + ec.message();
                return self->fail(a, why);
            }
            v1::ServerMessage m;
            auto data = a->input.cdata();
            bool ok = m.ParseFromArray(data.data(), static_cast<int>(data.size()));
            a->input.consume(a->input.size());
            if (!ok) return self->fail(a, "the server sent a message this client cannot read");
            self->receive(a, m);
            if (a == self->current) self->read(a);
        });
    }

    void write(std::shared_ptr<attempt> const& a, std::string frame) {
        a->output.push_back(std::move(frame));
        if (!a->writing) write_next(a);
    }

    void write_next(std::shared_ptr<attempt> const& a) {
        a->writing = true;
        a->ws.async_write(asio::buffer(a->output.front()), [self = shared_from_this(), a](beast::error_code ec, std::size_t) {
            a->output.pop_front();
            a->writing = false;
            if (ec) {
                if (a == self->current) self->fail(a, "connection lost: " + ec.message());
                return;
            }
            if (!a->output.empty()) self->write_next(a);
        });
    }

    void receive(std::shared_ptr<attempt> const& a, v1::ServerMessage const& m) {
        if (!greeted) return greet(a, m);
        if (auto s = subscriptions.find(m.request_id()); s != subscriptions.end()) {
            if (m.has_snapshot()) s->second.subscribe.set_after_sequence(m.snapshot().sequence());
            // The range a batch covers, not its last event: a zone may see nothing for a long while.
            if (m.has_events()) s->second.subscribe.set_after_sequence(m.events().last_sequence());
            s->second.on_message(m);
            return;
        }
        auto p = pending.find(m.request_id());
        if (p == pending.end()) return;  // answered before, or timed out: late
        if (m.has_error() && transient(m.error().code())) {
            p->second.sent = false;
            p->second.not_before = steady::now() + retry_pause;
            return;
        }
        auto done = std::move(p->second.done);
        pending.erase(p);
        done(m);
    }

    void greet(std::shared_ptr<attempt> const& a, v1::ServerMessage const& m) {
        if (m.request_id() != hello_id) return;
        if (m.has_reply() && m.reply().has_welcome()) {
            greeted = true;
            delays.reset();
            {
                std::lock_guard lock(shared_mutex);
                welcome_ = m.reply().welcome();
            }
            set_status(link::online);
            return flush();
        }
        auto const& e = m.error();
        if (final_refusal(e.code())) {
            refused = true;
            set_status(link::offline, "the server refused the sign-in: " + e.message());
            current.reset();
            beast::get_lowest_layer(a->ws).close();
            return fail_all(e.code(), e.message());
        }
        fail(a, "the server did not accept the sign-in: " + e.message());
        if (e.code() == v1::ERROR_CODE_RATE_LIMITED) reconnect_at = steady::now() + opts.max_backoff;
    }

    // Sends whatever this link has not carried yet: new requests, retries, subscriptions.
    void flush() {
        auto now = steady::now();
        for (auto& [id, p] : pending) {
            if (p.sent || now < p.not_before) continue;
            p.sent = true;
            write(current, p.message.SerializeAsString());
        }
        for (auto& [id, s] : subscriptions) {
            if (s.sent) continue;
            s.sent = true;
            v1::ClientMessage m;
            m.set_request_id(id);
            *m.mutable_subscribe() = s.subscribe;
            write(current, m.SerializeAsString());
        }
    }

    void fail(std::shared_ptr<attempt> const& a, std::string why) {
        if (a != current) return;
        current.reset();
        greeted = false;
        beast::get_lowest_layer(a->ws).close();
        for (auto& [id, p] : pending) p.sent = false;
        for (auto& [id, s] : subscriptions) s.sent = false;
        reconnect_at = steady::now() + delays.next();
        set_status(link::offline, std::move(why));
    }

    void fail_all(v1::ErrorCode code, std::string const& why) {
        auto all = std::move(pending);
        pending.clear();
        for (auto& [id, p] : all) p.done(local_error(id, code, why));
    }

    void stop() {
        if (stopped) return;
        stopped = true;
        ticker.cancel();
        resolver.cancel();
        if (auto a = std::exchange(current, nullptr)) {
            if (greeted) a->ws.async_close(websocket::close_code::normal, [a](beast::error_code) {});
            else beast::get_lowest_layer(a->ws).close();
        }
        greeted = false;
        set_status(link::offline, "stopped");
        fail_all(v1::ERROR_CODE_UNAVAILABLE, "The client stopped before an answer came.");
    }
};

connection::connection(asio::io_context& io, options opts) : impl_(std::make_shared<impl>(io, std::move(opts))) {}

connection::~connection() { stop(); }

void connection::on_status(status_handler h) { impl_->on_status = std::move(h); }

void connection::start() {
    asio::post(impl_->io, [self = impl_] {
        if (self->started || self->stopped) return;
        self->started = true;
        self->connect();
        self->tick();
    });
}

void connection::stop() {
    asio::post(impl_->io, [self = impl_] { self->stop(); });
}

void connection::request(v1::ClientMessage m, std::chrono::milliseconds deadline, reply_handler done) {
    asio::post(impl_->io, [self = impl_, m = std::move(m), deadline, done = std::move(done)]() mutable {
        auto id = self->next_id++;
        m.set_request_id(id);
        if (self->stopped || self->refused)
            return done(local_error(id, v1::ERROR_CODE_UNAVAILABLE, "Not connected: " + self->status().reason + "."));
        if (is_mutating(m) && m.idempotency_key().empty()) m.set_idempotency_key(fresh_key(self->rng));
        self->pending.emplace(id, pending_request{std::move(m), std::move(done), steady::now() + deadline});
        if (self->greeted) self->flush();
    });
}

void connection::subscribe(v1::Subscribe s, subscription_handler on_message) {
    asio::post(impl_->io, [self = impl_, s = std::move(s), on_message = std::move(on_message)]() mutable {
        self->subscriptions.emplace(self->next_id++, subscription{std::move(s), std::move(on_message)});
        if (self->greeted) self->flush();
    });
}

link_status connection::status() const { return impl_->status(); }

v1::Welcome connection::welcome() const {
    std::lock_guard lock(impl_->shared_mutex);
    return impl_->welcome_;
}

bool connection::is_mutating(v1::ClientMessage const& m) { return commands::is_mutating(m.command_case()); }

}  // namespace novbe::client
