#include "dispatcher.hpp"

#include "net/actor.hpp"
#include "net/audit_query.hpp"
#include "net/auth.hpp"
#include "net/history_handlers.hpp"
#include "net/log.hpp"
#include "net/sentence.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <memory>

// Switches over protobuf enums and oneof cases default on purpose: a newer client's values
// must land somewhere sensible. -Wswitch-enum stays on for the engine's own enums elsewhere.
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

using M = v1::ClientMessage;


dispatcher::dispatcher(centre_service& centre, settings const& s, boost::asio::any_io_executor core,
                       boost::asio::any_io_executor sign_in)
    : centre_(centre), settings_(s), core_(std::move(core)), sign_in_(std::move(sign_in)) {}

std::optional<std::string> dispatcher::refused(commands::row const& row, identity const& who, M const& m) const {
    if (!row.roles.has(wire_role(who.kind)))
        return "A " + std::string(name(who.kind)) + " may not send " + std::string(row.name) + ".";
    auto const& h = handler_of(row);
    bool bound = (row.own == commands::own_rule::own_ticket && who.kind == role::ticket_holder) ||
                 (row.own == commands::own_rule::own_counter && who.kind == role::rating_device);
    if (bound && !h.owns({centre_.state(), settings_, who, centre_.now(), &sources}, m))
        return row.own == commands::own_rule::own_ticket ? "A ticket holder acts on its own ticket only."
                                                         : "A rating pad acts on its own counter only.";
    return std::nullopt;
}

void dispatcher::handle(identity const& who, M const& m, connection const& to) {
    auto const id = m.request_id();
    auto const& send = to.send;
    auto const* row = commands::find(m.command_case());
    if (!row) return send(generic_refusal(id, v1::ERROR_CODE_MALFORMED_MESSAGE));
    if (row->kind == commands::effect::greeting)
        return send(generic_refusal(id, v1::ERROR_CODE_ALREADY_GREETED));
    if (auto why = refused(*row, who, m)) return send(error_reply(id, v1::ERROR_CODE_PERMISSION_DENIED, std::move(*why)));
    // Disabled or revoked since the Hello, its connection not yet closed (docs/SETUP.md).
    if (auto why = no_longer_allowed(who, centre_.state().roster()))
        return send(error_reply(id, v1::ERROR_CODE_PERMISSION_DENIED, std::move(*why)));
    auto const& h = handler_of(*row);
    switch (row->kind) {
    case commands::effect::subscription: return subscribe(who, m, to);
    case commands::effect::read:
        if (m.has_get_history() && history_thread) return read_history(m, to);
        return read(h, who, m, send);
    case commands::effect::mutating: return mutate(h, who, m, to);
    case commands::effect::greeting: return;
    }
}

void dispatcher::mutate(command_handler const& h, identity const& who, M const& m, connection const& to) {
    auto const id = m.request_id();
    auto const& send = to.send;
    auto made = h.make({centre_.state(), settings_, who, centre_.now(), &sources}, m);
    if (auto const* no = std::get_if<refusal>(&made)) return send(error_reply(id, no->code, no->message));
    std::string key;
    // AddDevice's reply holds the new token, which is kept nowhere (docs/SETUP.md): no key for it.
    if (!m.idempotency_key().empty() && m.command_case() != M::kAddDevice) {
        if (m.idempotency_key().size() > 128)
            return send(error_reply(id, v1::ERROR_CODE_INVALID_ARGUMENT, "An idempotency key has at most 128 bytes."));
        // Whose key it is: a user or device by name, a ticket holder by its ticket (holders have
        // no name, and one holder's key must never answer another's request).
        auto const& whose = who.kind == role::ticket_holder ? to_hex(who.ticket) : who.user;
        key = std::string(name(who.kind)) + '\x1f' + whose + '\x1f' + m.idempotency_key();
        if (answered_before(key, id, send)) return;
    }
    run(std::move(std::get<action>(made)), who, id, send, std::move(key), to.id);
}

// Reads are answered once everything before them is durable, from the state then.
void dispatcher::read(command_handler const& h, identity const& who, M const& m, sender send) {
    if (m.has_get_audit() && audit_reads) return read_audit(h, who, m, std::move(send));
    centre_.after_durable([this, &h, who, m, send = std::move(send)] {
        auto out = answer_to(m.request_id());
        h.read({centre_.state(), settings_, who, centre_.now(), &sources}, m, out);
        send(out);
    });
}

// Once everything before it is durable (the sender's own last action is in the file), the query
// goes to the reader's thread; the answer comes back here to be sent. Queries are bounded in
// events looked at each, and in number at once across all senders, so strangers cannot queue
// work for the reader faster than it answers.
void dispatcher::read_audit(command_handler const&, identity const&, M const& m, sender send) {
    auto made = audit_filter_of(m.get_audit(), settings_, centre_.now());
    if (auto const* no = std::get_if<refusal>(&made)) return send(error_reply(m.request_id(), no->code, no->message));
    if (audits_waiting_ >= audit_max_waiting)
        return send(error_reply(m.request_id(), v1::ERROR_CODE_LIMIT_REACHED,
                                "At most " + std::to_string(audit_max_waiting) +
                                    " audit queries wait at once; ask again once one is answered."));
    ++audits_waiting_;
    auto filter = std::get<store::audit_filter>(std::move(made));
    centre_.after_durable([this, id = m.request_id(), filter, send = std::move(send)] {
        audit_reads(filter, [this, id, filter, send](audit_result r) {
            boost::asio::post(core_, [this, id, filter, send, r = std::move(r)] {
                --audits_waiting_;
                if (auto const* why = std::get_if<std::string>(&r)) {
                    log_error("audit: " + *why);
                    return send(error_reply(id, v1::ERROR_CODE_INTERNAL, "The audit trail could not be read; try again."));
                }
                auto out = answer_to(id);
                *out.mutable_reply()->mutable_audit() =
                    audit_reply(std::get<store::audit_page>(r), filter, settings_, centre_.state());
                send(out);
            });
        });
    });
}

// GetHistory, off the event loop: the range is checked here, and once everything before it is
// durable today's figures are taken here too; the log's earlier days are read, and the answer
// built and serialized, on the history thread, and only the finished frame comes back here to be
// sent on the connection's strand. A year's read thus never delays a kiosk's ticket. One read per
// connection at a time and history_max_waiting across all, so nobody queues work for the reader
// faster than it answers; an answer over history_max_answer_bytes is refused in words.
void dispatcher::read_history(M const& m, connection const& to) {
    auto const id = m.request_id();
    auto checked = history_ask_of(centre_.state(), m.get_history());
    if (auto const* no = std::get_if<refusal>(&checked)) return to.send(error_reply(id, no->code, no->message));
    if (histories_running_.contains(to.id))
        return to.send(error_reply(id, v1::ERROR_CODE_LIMIT_REACHED,
                                   "This connection's history is still being read; ask again once it is answered."));
    if (histories_running_.size() >= history_max_waiting)
        return to.send(error_reply(id, v1::ERROR_CODE_LIMIT_REACHED,
                                   "At most " + std::to_string(history_max_waiting) +
                                       " histories are read at once; ask again in a moment."));
    histories_running_.insert(to.id);
    centre_.after_durable([this, id, m, to] {
        // Today as it is now that everything before the ask is durable (the same range, checked).
        auto ask = std::get<history_ask>(history_ask_of(centre_.state(), m.get_history()));
        history_thread([this, id, to, ask = std::move(ask)] {
            auto out = answer_to(id);
            try {
                store::stored_range earlier;
                if (ask.from <= ask.read_to) earlier = sources.history(ask.from, ask.read_to);
                history_answer(ask, std::move(earlier), out);
            } catch (std::exception const& e) {
                log_error(std::string("history: ") + e.what());
                out = error_reply(id, v1::ERROR_CODE_INTERNAL, e.what());  // the reader's words: which file, what failed
            }
            std::shared_ptr<std::string const> frame;
            if (!out.has_error()) {
                frame = std::make_shared<std::string const>(out.SerializeAsString());
                if (frame->size() > history_max_answer_bytes) {
                    out = error_reply(id, v1::ERROR_CODE_INVALID_ARGUMENT,
                                      "The range's figures take " + std::to_string(frame->size() / 1024) +
                                          " KiB, more than an answer may (" + std::to_string(history_max_answer_bytes / 1024) +
                                          " KiB): ask for fewer days.");
                    frame.reset();
                }
            }
            boost::asio::post(core_, [this, to, out = std::move(out), frame = std::move(frame)] {
                histories_running_.erase(to.id);
                if (frame) (to.send_answer ? to.send_answer : to.send_frame)(frame);
                else to.send(out);
            });
        });
    });
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

bool dispatcher::is_setup(core::command const& cmd) {
    return std::holds_alternative<core::change_user>(cmd) || std::holds_alternative<core::change_device>(cmd);
}

core::outcome dispatcher::apply_setup(core::command const& cmd) {
    auto before = centre_.state().roster();
    auto applied = centre_.apply(cmd, core::actor{core::actor_role::server, "config"});  // the file, as the server applies it
    auto ended = sessions_ended(applied.outcome.events(), before, nullptr);
    centre_.commit(applied, [this, ended = std::move(ended)] {
        if (end_sessions)
            for (auto const& e : ended) end_sessions(e);
    });
    return applied.outcome;
}

void dispatcher::run(action a, identity const& who, std::uint64_t request_id, sender send, std::string key, void const* connection_id) {
    std::optional<core::roster> before;  // only a set-up change can end connections
    if (is_setup(a.command)) before = centre_.state().roster();
    auto applied = a.decide ? centre_.apply(a.decide, actor_of(who))  // logged beside its events: who did it
                            : centre_.apply(a.command, actor_of(who));
    auto ended = before ? sessions_ended(applied.outcome.events(), *before, connection_id) : std::vector<session_end>{};
    auto const& result = applied.outcome;
    // The answer is built now, from the state just after this command, and sent once durable.
    auto reply = std::make_shared<v1::ServerMessage>();
    auto refused = result.ok() && a.refused ? a.refused() : std::nullopt;
    if (!result.ok()) *reply = engine_error(request_id, result);
    else if (refused) {
        reply->set_request_id(request_id);
        *reply->mutable_error() = std::move(*refused);
    } else {
        reply->set_request_id(request_id);
        a.reply(centre_.state(), *reply->mutable_reply());
    }
    // A booking's code that names nothing is a guess, slowed like an unknown token at sign-in
    // (docs/RELIABILITY.md#sign-in): the answer waits, from that address only.
    std::chrono::milliseconds delay{0};
    if (reply->has_error() && reply->error().code() == v1::ERROR_CODE_BOOKING_UNKNOWN)
        delay = limiter_.unknown_credentials(who.address, sign_in_limiter::clock::now());
    if (delay.count() > 0)
        send = [this, delay, inner = std::move(send)](v1::ServerMessage const& out) {
            auto timer = std::make_shared<boost::asio::steady_timer>(core_, delay);
            timer->async_wait([timer, inner, out](boost::system::error_code) { inner(out); });
        };
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
    centre_.commit(applied, [this, reply, send = std::move(send), key, ended = std::move(ended)] {
        send(*reply);
        if (end_sessions)
            for (auto const& e : ended) end_sessions(e);
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

}  // namespace novbe::net
