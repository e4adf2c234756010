#include "live_session.hpp"

#include "central/history_query.hpp"
#include "net/log.hpp"
#include "net/secret_hash.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include <algorithm>

namespace novbe::central {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

// Checked for names nobody has, so that an unknown name costs the same time as a wrong secret.
std::string const& stand_in_hash() {
    static std::string const hash = net::hash_secret("no such user, no such secret");
    return hash;
}

std::string text_field(boost::json::object const& o, char const* key) {
    auto const* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

live_session::live_session(boost::asio::ip::tcp::socket&& socket, room& r, boost::asio::thread_pool& checks,
                           std::string address)
    : ws_(std::move(socket)), room_(r), checks_(checks), address_(std::move(address)), deadline_(ws_.get_executor()),
      hold_(ws_.get_executor()) {}

void live_session::run(beast::http::request<beast::http::string_body> request) {
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
    ws_.set_option(timeouts);  // pings when idle; a page that answers none is dropped
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(beast::http::field::server, "novbe-central"); }));
    ws_.read_message_max(4096);
    ws_.text(true);
    ws_.async_accept(request, beast::bind_front_handler(&live_session::on_accept, shared_from_this()));
}

void live_session::on_accept(beast::error_code ec) {
    if (ec) return net::log_failure(ec, "accept " + address_);
    deadline_.expires_after(std::chrono::seconds(10));
    deadline_.async_wait([weak = weak_from_this()](beast::error_code timer_ec) {
        if (auto self = weak.lock(); self && !timer_ec && !self->user_) self->close("no sign-in in time");
    });
    do_read();
}

void live_session::do_read() {
    ws_.async_read(buffer_, beast::bind_front_handler(&live_session::on_read, shared_from_this()));
}

void live_session::on_read(beast::error_code ec, std::size_t) {
    if (ec) return net::log_failure(ec, "read " + address_);
    auto text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    handle(text);
    if (!closing_) do_read();
}

void live_session::handle(std::string const& text) {
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec);
    if (ec || !value.is_object()) return close("a message is a JSON object");
    auto const& o = value.as_object();
    if (!user_) {
        if (checking_) return;  // one sign-in at a time
        auto name = text_field(o, "user"), secret = text_field(o, "secret");
        if (name.empty() || name.size() > 64 || secret.size() > 1024)
            return refuse("unknown", std::chrono::milliseconds(0));
        return sign_in(name, secret);
    }
    if (auto const* h = o.if_contains("history"); h && h->is_object()) return history(h->as_object());
    if (auto const* follow = o.if_contains("follow")) {
        following_ = follow->is_string() ? std::string(follow->as_string()) : std::string();
        if (!following_.empty() && !user_->sees(following_)) following_.clear();  // not theirs: as if unknown
        if (following_.empty()) return;
        if (auto const* d = room_.detail(following_))
            send(std::make_shared<std::string const>(room_.detail_message(*d)));
    }
}

// {"history": {"from", "to", "by"}}: answered {"type": "history", "from", "to", "by", "csv",
// "days"} or {"type": "history", "error"}; one at a time, on the pool, with a connection of its own.
void live_session::history(boost::json::object const& o) {
    auto reply = [this](boost::json::object m) {
        m["type"] = "history";
        send(std::make_shared<std::string const>(boost::json::serialize(m)));
    };
    auto from = valid_date(text_field(o, "from")), to = valid_date(text_field(o, "to"));
    if (!from || !to) return reply({{"error", "from and to are dates YYYY-MM-DD"}});
    auto by_name = o.contains("by") ? text_field(o, "by") : std::string("service");
    auto by = grouping_named(by_name);
    if (!by) return reply({{"error", "by is centre, service or agency"}});
    if (history_busy_) return reply({{"error", "one history at a time"}});
    history_busy_ = true;
    history_request r{*from, *to, user_->role == scope::national ? std::vector<std::string>{} : user_->centres, *by};
    boost::asio::post(checks_, [self = shared_from_this(), r, by_name, connection = room_.settings().connection] {
        boost::json::object m{{"from", r.from}, {"to", r.to}, {"by", by_name}};
        try {
            auto answer = central::history(connection, r);
            m["csv"] = std::move(answer.csv);
            boost::json::array days;
            for (auto const& d : answer.days)
                days.push_back({{"day", d.day}, {"issued", d.issued}, {"called", d.called}, {"within_target", d.within_target}});
            m["days"] = std::move(days);
        } catch (std::exception const& e) {
            m["error"] = e.what();
        }
        m["type"] = "history";
        auto text = std::make_shared<std::string const>(boost::json::serialize(m));
        boost::asio::post(self->ws_.get_executor(), [self, text] {
            self->history_busy_ = false;
            self->send(text);
        });
    });
}

void live_session::sign_in(std::string const& name, std::string const& secret) {
    auto now = std::chrono::steady_clock::now();
    // A name nobody has is charged, locked and held as a real one (docs/RELIABILITY.md#sign-in).
    auto verdict = room_.limiter().attempt(name, address_, now);
    if (verdict.locked) return refuse("locked", std::chrono::milliseconds(0));
    trying_ = name;
    auto const& users = room_.settings().users;
    auto it = std::find_if(users.begin(), users.end(), [&](central_user const& u) { return u.name == name; });
    central_user const* u = it == users.end() ? nullptr : &*it;
    checking_ = true;
    // The hash is slow on purpose: checked on the pool, answered on the event loop.
    auto check = [self = shared_from_this(), u, secret] {
        boost::asio::post(self->checks_, [self, u, secret] {
            bool right = net::verify_secret(u ? u->secret_hash : stand_in_hash(), secret) && u;
            boost::asio::post(self->ws_.get_executor(), [self, u, right] { self->signed_in(u, right); });
        });
    };
    if (verdict.hold.count() == 0) return check();
    hold_.expires_after(verdict.hold);
    hold_.async_wait([check](beast::error_code ec) {
        if (!ec) check();
    });
}

void live_session::signed_in(central_user const* u, bool right) {
    checking_ = false;
    if (closing_) return;
    auto now = std::chrono::steady_clock::now();
    if (!right) {  // charged when it began; an unknown name as a wrong secret
        return refuse(room_.limiter().locked(trying_, address_, now) ? "locked" : "unknown", std::chrono::milliseconds(0));
    }
    room_.limiter().succeeded(u->name, address_);
    user_ = u;
    deadline_.cancel();
    net::log_info("central: " + u->name + " signed in from " + address_);
    send(std::make_shared<std::string const>(room_.welcome(*u)));
    room_.join(weak_from_this());
}

// Wrong name and wrong secret read alike ("unknown"); a locked user is told so.
void live_session::refuse(std::string const& reason, std::chrono::milliseconds after) {
    auto message = std::make_shared<std::string const>(R"({"type":"refused","reason":")" + reason + "\"}");
    if (after.count() == 0) return send(message);
    checking_ = true;  // no other attempt on this connection meanwhile
    deadline_.expires_after(after);
    deadline_.async_wait([self = shared_from_this(), message](beast::error_code ec) {
        self->checking_ = false;
        if (!ec) self->send(message);
        self->deadline_.expires_after(std::chrono::seconds(10));
        self->deadline_.async_wait([weak = self->weak_from_this()](beast::error_code timer_ec) {
            if (auto s = weak.lock(); s && !timer_ec && !s->user_) s->close("no sign-in in time");
        });
    });
}

void live_session::send(std::shared_ptr<std::string const> const& message) {
    if (closing_) return;
    if (queued_bytes_ + message->size() > max_queued_bytes) return close("the page reads too slowly");
    queued_bytes_ += message->size();
    queue_.push_back(message);
    if (queue_.size() == 1) do_write();
}

void live_session::do_write() {
    ws_.async_write(boost::asio::buffer(*queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return net::log_failure(ec, "write " + self->address_);
                        self->queued_bytes_ -= self->queue_.front()->size();
                        self->queue_.pop_front();
                        if (!self->queue_.empty() && !self->closing_) self->do_write();
                    });
}

void live_session::close(std::string const& why) {
    if (closing_) return;
    closing_ = true;
    net::log_info("central: closing " + address_ + ": " + why);
    if (!queue_.empty()) return beast::get_lowest_layer(ws_).close();  // a write is in flight: dropped
    ws_.async_close(websocket::close_reason(websocket::close_code::policy_error, why),
                    [self = shared_from_this()](beast::error_code) {});
}

}  // namespace novbe::central
