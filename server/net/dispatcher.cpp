#include "dispatcher.hpp"

#include "net/auth.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <memory>

// Switches over protobuf enums and oneof cases default on purpose: a newer client's values
// must land somewhere sensible. -Wswitch-enum stays on for the engine's own enums elsewhere.
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

using M = v1::ClientMessage;

namespace {

// Commands that work a counter: the engine refuses them to anyone but its user (counter_not_yours).
bool is_counter_command(M::CommandCase c) {
    return c == M::kOpenCounter || c == M::kCloseCounter || c == M::kPauseCounter || c == M::kResumeCounter ||
           c == M::kCallNext || c == M::kCallTicket || c == M::kRecallTicket || c == M::kStartServing ||
           c == M::kCompleteService || c == M::kMarkNoShow || c == M::kTransferTicket;
}

core::service_index service_index_of(settings const& s, std::string const& id) {
    // An unknown id becomes an index past the end, which the engine refuses as unknown_service.
    return s.centre.find_service(id).value_or(static_cast<core::service_index>(s.centre.services.size()));
}

}  // namespace

dispatcher::dispatcher(centre_service& centre, settings const& s, boost::asio::any_io_executor core,
                       boost::asio::any_io_executor sign_in)
    : centre_(centre), settings_(s), core_(std::move(core)), sign_in_(std::move(sign_in)) {}

void dispatcher::greet(M const& m, std::string const& address, sender send,
                       std::function<void(std::optional<identity>)> done) {
    auto const id = m.request_id();
    auto refuse = [&](v1::ErrorCode code, std::string why) {
        send(error_reply(id, code, std::move(why)));
        done(std::nullopt);
    };
    if (m.command_case() != M::kHello) return refuse(v1::ERROR_CODE_HELLO_REQUIRED, "The first message must be a Hello.");
    auto const& hello = m.hello();
    auto const now = sign_in_limiter::clock::now();
    if (limiter_.locked(address, hello.user(), now))
        return refuse(v1::ERROR_CODE_RATE_LIMITED, "Too many failed sign-ins; try again in a minute.");
    if (hello.protocol_version() != 1)
        return refuse(v1::ERROR_CODE_UNSUPPORTED_VERSION, "This server speaks protocol version 1.");
    switch (hello.role()) {
    case v1::ROLE_KIOSK:
    case v1::ROLE_BOARD:
    case v1::ROLE_RATING_DEVICE: {
        auto wanted = hello.role() == v1::ROLE_KIOSK ? role::kiosk : hello.role() == v1::ROLE_BOARD ? role::board
                                                                                                     : role::rating_device;
        if (wanted == role::board && hello.device_token().empty() && settings_.public_boards)
            return welcome(id, {.kind = role::board, .user = "public board"}, send, done);
        auto const* d = find_device(settings_, hello.device_token());
        if (!d || d->kind != wanted) {
            limiter_.failed(address, "", now);
            return refuse(v1::ERROR_CODE_UNAUTHENTICATED, "Unknown device token for this role.");
        }
        return welcome(id, {.kind = d->kind, .user = d->name, .counter = d->counter}, send, done);
    }
    case v1::ROLE_TICKET_HOLDER: {
        auto token = from_hex(hello.ticket_token());
        if (!token || !centre_.state().find_ticket(*token)) {
            limiter_.failed(address, "", now);  // guessing tokens is as bad as guessing secrets
            return refuse(v1::ERROR_CODE_UNAUTHENTICATED, "No ticket today has this token.");
        }
        return welcome(id, {.kind = role::ticket_holder, .ticket = *token}, send, done);
    }
    case v1::ROLE_CLERK:
    case v1::ROLE_MANAGER:
    case v1::ROLE_ADMIN: {
        auto wanted = hello.role() == v1::ROLE_CLERK ? role::clerk : hello.role() == v1::ROLE_MANAGER ? role::manager
                                                                                                       : role::admin;
        auto const* u = find_user(settings_, hello.user());
        // The check takes ~0.1 s on purpose: off the event loop, then back to it.
        boost::asio::post(sign_in_, [this, id, wanted, hash = u ? u->secret_hash : std::string(), known = u != nullptr,
                                     kind = u ? u->kind : role::clerk, user = hello.user(), secret = hello.secret(),
                                     address, send, done]() mutable {
            bool ok = known && verify_secret(hash, secret) && (kind == wanted || kind == role::admin);
            boost::asio::post(core_, [this, id, ok, wanted, user, address, send, done] {
                if (!ok) {
                    limiter_.failed(address, user, sign_in_limiter::clock::now());
                    send(error_reply(id, v1::ERROR_CODE_UNAUTHENTICATED, "Unknown user, wrong secret, or not that role."));
                    return done(std::nullopt);
                }
                limiter_.succeeded(user);
                welcome(id, {.kind = wanted, .user = user}, send, done);
            });
        });
        return;
    }
    default: return refuse(v1::ERROR_CODE_UNAUTHENTICATED, "Hello names no known role.");
    }
}

void dispatcher::welcome(std::uint64_t request_id, identity const& who, sender const& send,
                         std::function<void(std::optional<identity>)> const& done) {
    auto m = answer_to(request_id);
    auto& w = *m.mutable_reply()->mutable_welcome();
    w.set_protocol_version(1);
    w.set_role(static_cast<v1::Role>(static_cast<int>(who.kind) + 1));
    w.set_user(who.user);
    w.set_server_time_ms(unix_ms(centre_.now()));
    *w.mutable_centre() = centre_info(settings_);
    w.set_counter(who.counter);
    send(m);
    done(who);
}

bool dispatcher::allowed(identity const& who, M const& m) const {
    auto c = m.command_case();
    auto is = [&](std::initializer_list<role> roles) { return std::find(roles.begin(), roles.end(), who.kind) != roles.end(); };
    if (c == M::kGetCentre) return true;
    if (c == M::kIssueTicket) return is({role::kiosk});
    if (c == M::kOpenCounter) return is({role::clerk});
    // A manager works a counter only after taking it over; the engine checks whose it is.
    if (is_counter_command(c)) return is({role::clerk, role::manager, role::admin});
    if (c == M::kTakeOverCounter) return is({role::manager, role::admin});
    if (c == M::kRateService || c == M::kGetTicketStatus) {
        auto const& token = c == M::kRateService ? m.rate_service().ticket_token() : m.get_ticket_status().ticket_token();
        if (who.kind == role::ticket_holder) return from_hex(token) == std::optional(who.ticket);  // their own only
        return c == M::kGetTicketStatus && is({role::kiosk, role::manager, role::admin});
    }
    if (c == M::kRateAtCounter) return who.kind == role::rating_device && m.rate_at_counter().counter() == who.counter;
    if (c == M::kGetLastServed)
        return (who.kind == role::rating_device && m.get_last_served().counter() == who.counter) || is({role::manager, role::admin});
    if (c == M::kGetStatistics || c == M::kGetCounter) return is({role::clerk, role::manager, role::admin});
    if (c == M::kCancelTicket && who.kind == role::ticket_holder) {  // a citizen who leaves: their own only
        auto const* own = centre_.state().find_ticket(who.ticket);
        return own && centre_.state().number_of(*own) == m.cancel_ticket().number();
    }
    if (c == M::kCancelTicket || c == M::kCloseDay || c == M::kGetTickets) return is({role::manager, role::admin});
    if (c == M::kSubscribe || c == M::kUnsubscribe) return !is({role::kiosk, role::rating_device});
    return false;
}

void dispatcher::handle(identity const& who, M const& m, connection const& to) {
    auto const id = m.request_id();
    auto const& send = to.send;
    if (m.command_case() == M::kHello)
        return send(error_reply(id, v1::ERROR_CODE_ALREADY_GREETED, "This connection has signed in already."));
    if (!allowed(who, m))
        return send(error_reply(id, v1::ERROR_CODE_PERMISSION_DENIED,
                                "A " + std::string(name(who.kind)) + " may not send this command."));
    if (m.command_case() == M::kSubscribe || m.command_case() == M::kUnsubscribe) return subscribe(who, m, to);
    auto a = to_action(who, m);
    if (!a) return query(who, m, send);
    std::string key;
    if (!m.idempotency_key().empty()) {
        if (m.idempotency_key().size() > 128)
            return send(error_reply(id, v1::ERROR_CODE_INVALID_ARGUMENT, "An idempotency key has at most 128 bytes."));
        key = std::string(name(who.kind)) + '\x1f' + who.user + '\x1f' + m.idempotency_key();
        if (answered_before(key, id, send)) return;
    }
    run(std::move(*a), id, send, std::move(key));
}

void dispatcher::disconnected(void const* connection_id) { centre_.subscribers().remove_all(connection_id); }

bool dispatcher::answered_before(std::string const& key, std::uint64_t request_id, sender const& send) {
    auto it = kept_.find(key);
    if (it == kept_.end()) return false;
    if (!it->second.durable) {
        it->second.waiting.emplace_back(request_id, send);
        return true;
    }
    auto again = it->second.reply;
    again.set_request_id(request_id);
    send(again);
    return true;
}

void dispatcher::run(action a, std::uint64_t request_id, sender send, std::string key) {
    auto applied = centre_.apply(a.command);
    auto const& result = applied.outcome;
    // The answer is built now, from the state just after this command, and sent once durable.
    auto reply = std::make_shared<v1::ServerMessage>();
    if (!result.ok()) *reply = engine_error(request_id, result);
    else {
        reply->set_request_id(request_id);
        a.reply(centre_.state(), *reply->mutable_reply());
    }
    auto today = centre_.state().day();
    if (today != kept_day_) {  // retries come within minutes: keep today's and yesterday's
        std::erase_if(kept_, [&](auto const& entry) {
            return std::int64_t{entry.second.day} < std::int64_t{today} - 1 && entry.second.durable;
        });
        kept_day_ = today;
    }
    std::string bytes;
    if (!key.empty()) {
        kept_[key] = {.reply = *reply, .day = today};
        bytes = reply->SerializeAsString();
    }
    centre_.commit(applied, [this, reply, send = std::move(send), key] {
        send(*reply);
        if (key.empty()) return;
        auto& kept = kept_[key];
        kept.durable = true;
        for (auto& [waiting_id, waiting_send] : kept.waiting) {
            auto again = kept.reply;
            again.set_request_id(waiting_id);
            waiting_send(again);
        }
        kept.waiting.clear();
    }, key, std::move(bytes));
}

void dispatcher::remember(std::vector<store::remembered_reply> const& replies) {
    for (auto const& r : replies) {
        kept_reply kept{.day = r.day, .durable = true};
        if (kept.reply.ParseFromString(r.reply)) kept_[r.key] = std::move(kept);
    }
}

std::optional<dispatcher::action> dispatcher::to_action(identity const& who, M const& m) const {
    auto counter_reply = [](core::counter_number n) {
        return [n](core::centre const& c, v1::Reply& r) { *r.mutable_counter() = counter_view(c, n); };
    };
    auto now = centre_.now();
    switch (m.command_case()) {
    case M::kIssueTicket: {
        auto const& in = m.issue_ticket();
        auto language = in.language().empty() ? settings_.profile.languages.front() : in.language();
        core::issue_ticket cmd{.service = service_index_of(settings_, in.service_id()), .cls = engine_class(in.priority()),
                               .language = language, .token = random_token()};
        if (cmd.cls == core::priority_class::appointment) cmd.due = core::time_point{core::duration{in.appointment_at_ms()}};
        return action{cmd, [](core::centre const& c, v1::Reply& r) {
                          *r.mutable_issued_ticket() = issued_ticket(c, c.tickets().back());
                      }};
    }
    case M::kOpenCounter: return action{core::open_counter{m.open_counter().counter(), who.user}, counter_reply(m.open_counter().counter())};
    // Counter commands act as the signed-in user, whom the engine checks against the counter's.
    case M::kCloseCounter:
        return action{core::close_counter{m.close_counter().counter(), who.user}, counter_reply(m.close_counter().counter())};
    case M::kPauseCounter:
        return action{core::pause_counter{m.pause_counter().counter(), m.pause_counter().reason(), who.user},
                      counter_reply(m.pause_counter().counter())};
    case M::kResumeCounter:
        return action{core::resume_counter{m.resume_counter().counter(), who.user}, counter_reply(m.resume_counter().counter())};
    case M::kCallNext: return action{core::call_next{m.call_next().counter(), who.user}, counter_reply(m.call_next().counter())};
    case M::kCallTicket:
        return action{core::call_ticket{m.call_ticket().counter(), m.call_ticket().number(), who.user},
                      counter_reply(m.call_ticket().counter())};
    case M::kRecallTicket:
        return action{core::recall_ticket{m.recall_ticket().counter(), who.user}, counter_reply(m.recall_ticket().counter())};
    case M::kStartServing:
        return action{core::start_serving{m.start_serving().counter(), who.user}, counter_reply(m.start_serving().counter())};
    case M::kCompleteService:
        return action{core::complete_service{m.complete_service().counter(), m.complete_service().outcome(), who.user},
                      counter_reply(m.complete_service().counter())};
    case M::kMarkNoShow:
        return action{core::mark_no_show{m.mark_no_show().counter(), who.user}, counter_reply(m.mark_no_show().counter())};
    case M::kTransferTicket:
        return action{core::transfer_ticket{m.transfer_ticket().counter(),
                                            service_index_of(settings_, m.transfer_ticket().to_service_id()), who.user},
                      counter_reply(m.transfer_ticket().counter())};
    case M::kTakeOverCounter:
        return action{core::take_over_counter{m.take_over_counter().counter(), who.user, m.take_over_counter().reason()},
                      counter_reply(m.take_over_counter().counter())};
    case M::kRateService: {
        auto token = from_hex(m.rate_service().ticket_token()).value_or(core::ticket_token{});
        return action{core::rate_service{token, static_cast<int>(std::min(m.rate_service().score(), 100u))},
                      [token, now](core::centre const& c, v1::Reply& r) {
                          *r.mutable_ticket_status() = ticket_status(c, *c.find_ticket(token), now);
                      }};
    }
    case M::kRateAtCounter: {
        auto n = m.rate_at_counter().counter();
        return action{core::rate_at_counter{n, static_cast<int>(std::min(m.rate_at_counter().score(), 100u))},
                      [n, now](core::centre const& c, v1::Reply& r) {
                          *r.mutable_ticket_status() = ticket_status(c, c.tickets()[*c.find_counter(n)->last_served], now);
                      }};
    }
    case M::kCancelTicket: {
        auto number = m.cancel_ticket().number();
        return action{core::cancel_ticket{number}, [number, now](core::centre const& c, v1::Reply& r) {
                          *r.mutable_ticket_status() = ticket_status(c, *c.find_ticket(number), now);
                      }};
    }
    case M::kCloseDay: return action{core::close_day{}, [](core::centre const&, v1::Reply& r) { r.mutable_empty(); }};
    default: return std::nullopt;
    }
}

// Commands that read: answered once everything before them is durable, from the state then.
void dispatcher::query(identity const& who, M const& m, sender send) {
    auto const id = m.request_id();
    (void)who;
    switch (m.command_case()) {
    case M::kGetCentre:
        return centre_.after_durable([this, id, send] {
            auto out = answer_to(id);
            *out.mutable_reply()->mutable_centre() = centre_info(settings_);
            send(out);
        });
    case M::kGetTicketStatus: {
        auto token = from_hex(m.get_ticket_status().ticket_token());
        return centre_.after_durable([this, id, token, send] {
            auto const* t = token ? centre_.state().find_ticket(*token) : nullptr;
            if (!t) return send(engine_error(id, core::errc::unknown_ticket));
            auto out = answer_to(id);
            *out.mutable_reply()->mutable_ticket_status() = ticket_status(centre_.state(), *t, centre_.now());
            send(out);
        });
    }
    case M::kGetStatistics:
        return centre_.after_durable([this, id, send] {
            auto out = answer_to(id);
            *out.mutable_reply()->mutable_statistics() = statistics(centre_.state());
            send(out);
        });
    case M::kGetLastServed: {
        auto n = m.get_last_served().counter();
        return centre_.after_durable([this, id, n, send] {
            auto const* counter = centre_.state().find_counter(n);
            if (!counter) return send(engine_error(id, core::errc::unknown_counter));
            if (!counter->last_served) return send(engine_error(id, core::errc::unknown_ticket));
            auto out = answer_to(id);
            auto const& t = centre_.state().tickets()[*counter->last_served];
            *out.mutable_reply()->mutable_ticket_status() = ticket_status(centre_.state(), t, centre_.now());
            send(out);
        });
    }
    case M::kGetTickets:
        return centre_.after_durable([this, id, send] {
            auto out = answer_to(id);
            *out.mutable_reply()->mutable_tickets() = ticket_rows(centre_.state());
            send(out);
        });
    case M::kGetCounter: {
        auto n = m.get_counter().counter();
        return centre_.after_durable([this, id, n, send] {
            if (!centre_.state().find_counter(n)) return send(engine_error(id, core::errc::unknown_counter));
            auto out = answer_to(id);
            *out.mutable_reply()->mutable_counter() = counter_view(centre_.state(), n);
            send(out);
        });
    }
    default: return send(error_reply(id, v1::ERROR_CODE_MALFORMED_MESSAGE, "The message carries no known command."));
    }
}

}  // namespace novbe::net
