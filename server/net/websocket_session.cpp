#include "websocket_session.hpp"

#include "net/log.hpp"
#include "net/sentence.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

namespace novbe::net {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;

websocket_session::websocket_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<shared_state> state,
                                     std::string address, std::string peer, unauthenticated_slot slot)
    : ws_(std::move(socket)), state_(std::move(state)), hello_deadline_(ws_.get_executor()), keepalive_(ws_.get_executor()),
      peer_(std::move(peer)), address_(std::move(address)), slot_(std::move(slot)) {
    state_->join(this);
}

websocket_session::~websocket_session() {
    state_->leave(this);
    // The dispatcher lives on the core's executor: with one event-loop thread that is this one.
    state_->dispatch.disconnected(this);
    if (state_->counts && !counted_as_.empty()) state_->counts->disconnected(counted_as_);
    log_info("closed " + peer_ + (who_ ? " (" + std::string(name(who_->kind)) + " " + who_->user + ")" : ""));
}

void websocket_session::run(http::request<http::string_body> request) {
    // Beast times the opening and closing handshakes; keep_alive() below watches for silence.
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = std::chrono::seconds(30);
    timeouts.idle_timeout = websocket::stream_base::none();
    ws_.set_option(timeouts);
    ws_.control_callback([this](websocket::frame_type, beast::string_view) { heard_ = true; });  // pongs too
    // RFC 6455 4.2.2: the server names only a subprotocol the client offered (a strict client
    // fails the handshake otherwise); one that offers none is served all the same.
    auto const offered = std::string(request[http::field::sec_websocket_protocol]).find("novbe.v1") != std::string::npos;
    ws_.set_option(websocket::stream_base::decorator([offered](websocket::response_type& res) {
        if (offered) res.set(http::field::sec_websocket_protocol, "novbe.v1");
        res.set(http::field::server, "novbe-server");
    }));
    ws_.read_message_max(state_->limit.max_frame_bytes);
    ws_.binary(true);
    ws_.async_accept(request, beast::bind_front_handler(&websocket_session::on_accept, shared_from_this()));
}

void websocket_session::on_accept(beast::error_code ec) {
    if (ec) return log_failure(ec, "accept " + peer_);
    log_info("connected " + peer_);
    counted_as_ = "unknown";
    if (state_->counts) state_->counts->connected(counted_as_);
    hello_deadline_.expires_after(state_->limit.hello_timeout);
    hello_deadline_.async_wait([weak = weak_from_this()](beast::error_code timer_ec) {
        auto self = weak.lock();
        if (!timer_ec && self && !self->who_ && !self->closing_)
            self->close(static_cast<websocket::close_code>(4001), "no Hello in time");
    });
    keep_alive();
    do_read();
}

// A client that neither sends nor answers the pings sent after half the idle time is dropped
// once silent for all of it (at most a quarter more). Beast's own idle timeout does the same
// but re-arms its timer on every message read (a cancel, the cancelled wait run through the
// scheduler, a new wait), a share of the event loop (bench/README.md). A tick every quarter of
// the idle time that looks at a flag costs nothing per message.
void websocket_session::keep_alive() {
    keepalive_.expires_after(std::chrono::milliseconds(state_->limit.idle_timeout) / 4);
    keepalive_.async_wait([weak = weak_from_this()](beast::error_code ec) {
        auto self = weak.lock();
        if (ec || !self || self->closing_) return;
        self->quiet_ticks_ = self->heard_ ? 0 : self->quiet_ticks_ + 1;
        self->heard_ = false;
        if (self->quiet_ticks_ == 3) self->ws_.async_ping({}, [self](beast::error_code) {});
        if (self->quiet_ticks_ < 5) return self->keep_alive();
        log_info("keepalive timeout: " + self->peer_ + " answered no ping; dropped");
        self->closing_ = true;
        beast::get_lowest_layer(self->ws_).close();  // the pending read ends, and with it the session
    });
}

void websocket_session::do_read() {
    ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read, shared_from_this()));
}

void websocket_session::on_read(beast::error_code ec, std::size_t) {
    if (ec == websocket::error::message_too_big) return log_info("frame too big from " + peer_ + ": closed 1009");
    if (ec) return log_failure(ec, "read " + peer_);
    if (!ws_.got_binary()) return close(websocket::close_code::protocol_error, "text frames are not spoken here");
    heard_ = true;
    auto data = buffer_.cdata();
    on_message({static_cast<char const*>(data.data()), data.size()});
    buffer_.consume(buffer_.size());
    if (!closing_) do_read();
}

void websocket_session::on_message(std::string_view bytes) {
    v1::ClientMessage m;
    if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        return close(websocket::close_code::protocol_error, "undecodable message");
    if (state_->counts && m.command_case() != v1::ClientMessage::COMMAND_NOT_SET)
        state_->counts->command(v1::ClientMessage::descriptor()->FindFieldByNumber(m.command_case())->name());
    if (m.command_case() == v1::ClientMessage::COMMAND_NOT_SET) {
        sender()(generic_refusal(m.request_id(), v1::ERROR_CODE_MALFORMED_MESSAGE));
        if (++bad_messages_ >= state_->limit.max_bad_messages) close(websocket::close_code::policy_error, "repeated bad messages");
        return;
    }
    if (who_) {
        auto self = weak_from_this();
        return state_->dispatch.handle(*who_, m,
                                       {this, sender(),
                                        [self](std::shared_ptr<std::string const> frame) {
                                            if (auto s = self.lock()) s->send(std::move(frame));
                                        },
                                        [self](std::shared_ptr<std::string const> frame) {
                                            if (auto s = self.lock()) s->send_answer(std::move(frame));
                                        }});
    }
    if (greeting_) return sender()(error_reply(m.request_id(), v1::ERROR_CODE_HELLO_REQUIRED, "Wait for the Welcome."));
    greeting_ = true;
    state_->dispatch.greet(m, address_, sender(), [weak = weak_from_this()](std::optional<identity> who) {
        auto self = weak.lock();
        if (!self) return;
        self->greeting_ = false;
        if (!who) return self->close(websocket::close_code::policy_error, "sign-in refused");
        self->who_ = std::move(who);
        self->hello_deadline_.cancel();
        self->slot_.release();
        if (auto* counts = self->state_->counts) {
            counts->disconnected(self->counted_as_);
            self->counted_as_ = std::string(name(self->who_->kind));
            counts->connected(self->counted_as_);
        }
        log_info("signed in " + self->peer_ + " as " + std::string(name(self->who_->kind)) + " " + self->who_->user);
    });
}

dispatcher::sender websocket_session::sender() {
    return [weak = weak_from_this()](v1::ServerMessage const& m) {
        auto self = weak.lock();
        if (!self) return;
        if (m.has_error() && self->state_->counts) self->state_->counts->refused(v1::ErrorCode_Name(m.error().code()));
        self->send(std::make_shared<std::string const>(m.SerializeAsString()));
    };
}

void websocket_session::send(std::shared_ptr<std::string const> frame) {
    boost::asio::dispatch(ws_.get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
        self->queue(std::move(frame), false);
    });
}

void websocket_session::send_answer(std::shared_ptr<std::string const> frame) {
    boost::asio::dispatch(ws_.get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
        self->queue(std::move(frame), true);
    });
}

void websocket_session::queue(std::shared_ptr<std::string const> frame, bool asked_for) {
    if (closing_) return;
    // One asked-for answer at a time is bounded by its own limit (a history's), not by the queue's:
    // a second one, while the first is unread, counts like any frame.
    bool const counted = !asked_for || answer_queued_;
    if (!counted) answer_queued_ = true;
    if (counted) queued_bytes_ += frame->size();
    queue_.push_back({std::move(frame), counted});
    // It does not read: nobody else waits for it. The frame being written does not count, so
    // one large answer (a day's tickets for a dashboard) goes out whole.
    auto const front = queue_.front().counted ? queue_.front().frame->size() : 0;
    if (queue_.size() > 1 && queued_bytes_ - front > state_->limit.max_queued_bytes)
        return close(static_cast<websocket::close_code>(4002), "too slow: not reading its messages");
    if (queue_.size() > 1) return;  // one write in flight
    ws_.async_write(boost::asio::buffer(*queue_.front().frame), beast::bind_front_handler(&websocket_session::on_write, shared_from_this()));
}

void websocket_session::on_write(beast::error_code ec, std::size_t) {
    if (ec) return log_failure(ec, "write " + peer_);
    if (queue_.front().counted) queued_bytes_ -= queue_.front().frame->size();
    else answer_queued_ = false;
    queue_.pop_front();
    if (closing_ || queue_.empty()) return;
    ws_.async_write(boost::asio::buffer(*queue_.front().frame), beast::bind_front_handler(&websocket_session::on_write, shared_from_this()));
}

void websocket_session::abort() {
    boost::asio::dispatch(ws_.get_executor(), [self = shared_from_this()] {
        self->closing_ = true;
        self->hello_deadline_.cancel();
        self->keepalive_.cancel();
        beast::get_lowest_layer(self->ws_).close();  // every pending read, write and close ends
    });
}

void websocket_session::end_if(session_end const& e) {
    boost::asio::dispatch(ws_.get_executor(), [self = shared_from_this(), e] {
        if (self->who_ && e.ends(*self->who_, self.get())) self->close(static_cast<websocket::close_code>(4003), e.reason);
    });
}

void websocket_session::close(websocket::close_code code, std::string reason) {
    boost::asio::dispatch(ws_.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
        if (self->closing_) return;
        self->closing_ = true;
        self->hello_deadline_.cancel();
        self->keepalive_.cancel();
        log_info("closing " + self->peer_ + " with " + std::to_string(static_cast<int>(code)) + ": " + reason);
        // A close frame may not overlap a write: Beast allows one of each in flight, and the
        // queue is abandoned, so the close goes out after the write in progress, if any.
        self->ws_.async_close(websocket::close_reason(code, reason), [self](beast::error_code) {});
    });
}

}  // namespace novbe::net
