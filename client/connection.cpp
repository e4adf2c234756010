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

// Refusals that another attempt with the same Hello cannot change.
bool final_refusal(v1::ErrorCode c) {
    return c == v1::ERROR_CODE_UNAUTHENTICATED || c == v1::ERROR_CODE_PERMISSION_DENIED ||
           c == v1::ERROR_CODE_UNSUPPORTED_VERSION || c == v1::ERROR_CODE_MALFORMED_MESSAGE;
}

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

// The transport: each asynchronous step is a do_ member that starts it and an on_ member that
// takes its completion; an on_ for an attempt that is no longer the current one does nothing.
// What is sent, and what an answer means, is the request book's.
struct connection::impl : std::enable_shared_from_this<impl> {
    using attempt_ptr = std::shared_ptr<attempt>;

    impl(asio::io_context& context, options o)
        : io(context), opts(std::move(o)), delays(opts.first_backoff, opts.max_backoff, std::random_device{}()),
          book(std::random_device{}()) {
        opts.hello.set_protocol_version(1);
    }

    asio::io_context& io;
    options opts;
    tcp::resolver resolver{io};
    asio::steady_timer ticker{io};
    attempt_ptr current;  // null while waiting to reconnect
    bool greeted = false;
    bool started = false;
    bool stopped = false;
    bool refused = false;
    std::uint64_t hello_id = 0;
    steady::time_point reconnect_at{};
    backoff delays;
    request_book book;
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

    link_status status() const {
        std::lock_guard lock(shared_mutex);
        return status_;
    }

    void do_tick() {
        ticker.expires_after(beat);
        ticker.async_wait([self = shared_from_this()](beast::error_code ec) { self->on_tick(ec); });
    }

    void on_tick(beast::error_code ec) {
        if (ec || stopped) return;
        auto const s = status();
        book.expire(steady::now(), s.state == link::online ? std::string("The server did not answer in time.")
                                                           : "The server cannot be reached (" + s.reason + ").");
        if (!current && !refused && steady::now() >= reconnect_at) do_resolve();
        if (greeted) flush();
        do_tick();
    }

    void do_resolve() {
        current = std::make_shared<attempt>(io);
        set_status(link::connecting);
        resolver.async_resolve(opts.host, opts.port, [self = shared_from_this(), a = current](beast::error_code ec, tcp::resolver::results_type found) {
            self->on_resolve(a, ec, std::move(found));
        });
    }

    void on_resolve(attempt_ptr const& a, beast::error_code ec, tcp::resolver::results_type found) {
        if (a != current) return;
        if (ec) return fail(a, "cannot resolve " + opts.host + ": " + ec.message());
        beast::get_lowest_layer(a->ws).expires_after(opts.connect_timeout);
        beast::get_lowest_layer(a->ws).async_connect(found, [self = shared_from_this(), a](beast::error_code ec2, tcp::endpoint) {
            self->on_connect(a, ec2);
        });
    }

    void on_connect(attempt_ptr const& a, beast::error_code ec) {
        if (a != current) return;
        if (ec) return fail(a, "cannot connect to " + opts.host + ":" + opts.port + ": " + ec.message());
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
        a->ws.async_handshake(a->response, opts.host + ":" + opts.port, "/ws",
                              [self = shared_from_this(), a](beast::error_code ec2) { self->on_handshake(a, ec2); });
    }

    void on_handshake(attempt_ptr const& a, beast::error_code ec) {
        if (a != current) return;
        if (ec) return fail(a, "WebSocket handshake failed: " + ec.message());
        if (a->response[beast::http::field::sec_websocket_protocol] != "novbe.v1") return fail(a, "the server does not speak novbe.v1");
        a->ws.binary(true);
        v1::ClientMessage hello;
        hello_id = book.next_id();
        hello.set_request_id(hello_id);
        *hello.mutable_hello() = opts.hello;
        if (!fits_in_a_frame(hello)) return refuse(a, v1::ERROR_CODE_INVALID_ARGUMENT, too_large);
        do_write(a, hello.SerializeAsString());
        do_read(a);
    }

    // A sign-in refused for good: no retries, every unanswered request told why.
    void refuse(attempt_ptr const& a, v1::ErrorCode code, std::string const& message) {
        refused = true;
        {
            std::lock_guard lock(shared_mutex);
            status_.refusal = message;
        }
        set_status(link::offline, "the server refused the sign-in: " + message);
        current.reset();
        beast::get_lowest_layer(a->ws).close();
        book.fail_all(code, message);
    }

    void do_read(attempt_ptr const& a) {
        a->ws.async_read(a->input, [self = shared_from_this(), a](beast::error_code ec, std::size_t) { self->on_read(a, ec); });
    }

    void on_read(attempt_ptr const& a, beast::error_code ec) {
        if (a != current) return;
        if (ec) {
            auto why = ec == websocket::error::closed ? "the server closed the connection (" + std::to_string(a->ws.reason().code) + ")"
                                                      : "connection lost: " + ec.message();
            return fail(a, why);
        }
        v1::ServerMessage m;
        auto data = a->input.cdata();
        bool ok = m.ParseFromArray(data.data(), static_cast<int>(data.size()));
        a->input.consume(a->input.size());
        if (!ok) return fail(a, "the server sent a message this client cannot read");
        if (!greeted) greet(a, m);
        else book.receive(m, steady::now());
        if (a == current) do_read(a);
    }

    void do_write(attempt_ptr const& a, std::string frame) {
        a->output.push_back(std::move(frame));
        if (!a->writing) write_front(a);
    }

    // One write in flight per stream, as Beast requires: the oldest frame waiting.
    void write_front(attempt_ptr const& a) {
        a->writing = true;
        a->ws.async_write(asio::buffer(a->output.front()), [self = shared_from_this(), a](beast::error_code ec, std::size_t) {
            self->on_write(a, ec);
        });
    }

    void on_write(attempt_ptr const& a, beast::error_code ec) {
        a->output.pop_front();
        a->writing = false;
        if (ec) {
            if (a == current) fail(a, "connection lost: " + ec.message());
            return;
        }
        if (!a->output.empty()) write_front(a);
    }

    void greet(attempt_ptr const& a, v1::ServerMessage const& m) {
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
        if (final_refusal(e.code())) return refuse(a, e.code(), e.message());
        fail(a, "the server did not accept the sign-in: " + e.message());
        if (e.code() == v1::ERROR_CODE_RATE_LIMITED) reconnect_at = steady::now() + opts.max_backoff;
    }

    // Sends whatever this link has not carried yet: new requests, retries, subscriptions.
    void flush() {
        for (auto& frame : book.due(steady::now())) do_write(current, std::move(frame));
    }

    void fail(attempt_ptr const& a, std::string why) {
        if (a != current) return;
        current.reset();
        greeted = false;
        beast::get_lowest_layer(a->ws).close();
        book.link_lost();
        reconnect_at = steady::now() + delays.next();
        set_status(link::offline, std::move(why));
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
        book.fail_all(v1::ERROR_CODE_UNAVAILABLE, "The client stopped before an answer came.");
    }
};

connection::connection(asio::io_context& io, options opts) : impl_(std::make_shared<impl>(io, std::move(opts))) {}

connection::~connection() { stop(); }

void connection::on_status(status_handler h) { impl_->on_status = std::move(h); }

void connection::start() {
    asio::post(impl_->io, [self = impl_] {
        if (self->started || self->stopped) return;
        self->started = true;
        self->do_resolve();
        self->do_tick();
    });
}

void connection::stop() {
    asio::post(impl_->io, [self = impl_] { self->stop(); });
}

void connection::request(v1::ClientMessage m, std::chrono::milliseconds deadline, reply_handler done) {
    asio::post(impl_->io, [self = impl_, m = std::move(m), deadline, done = std::move(done)]() mutable {
        if (self->stopped || self->refused)
            return done(local_error(self->book.next_id(), v1::ERROR_CODE_UNAVAILABLE, "Not connected: " + self->status().reason + "."));
        self->book.add(std::move(m), steady::now() + deadline, std::move(done));
        if (self->greeted) self->flush();
    });
}

void connection::subscribe(v1::Subscribe s, subscription_handler on_message) {
    asio::post(impl_->io, [self = impl_, s = std::move(s), on_message = std::move(on_message)]() mutable {
        self->book.follow(std::move(s), std::move(on_message));
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
