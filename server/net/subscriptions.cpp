// Subscribe and Unsubscribe: a snapshot (or the missed events) sent in order with the durable
// stream, then every durable event of the view, from the hub.
#include "net/dispatcher.hpp"
#include "net/sentence.hpp"
#include "net/snapshot.hpp"

namespace novbe::net {

namespace {

// Which views a role may follow.
bool may_follow(role r, v1::View view) {
    if (view == v1::VIEW_BOARD) return r != role::rating_device && r != role::ticket_holder;  // kiosks: live buttons
    if (view == v1::VIEW_DASHBOARD) return r == role::manager || r == role::admin;
    if (view == v1::VIEW_TICKET) return r == role::ticket_holder;
    return false;
}

}  // namespace

void dispatcher::subscribe(identity const& who, v1::ClientMessage const& m, connection const& to) {
    auto const id = m.request_id();
    auto& hub = centre_.subscribers();
    if (m.has_unsubscribe()) {
        hub.remove(to.id, m.unsubscribe().subscription());
        return centre_.after_durable([id, send = to.send] {
            v1::ServerMessage out;
            out.set_request_id(id);
            out.mutable_reply()->mutable_empty();
            send(out);
        });
    }
    auto const& request = m.subscribe();
    if (request.view() != v1::VIEW_BOARD && request.view() != v1::VIEW_DASHBOARD && request.view() != v1::VIEW_TICKET)
        return to.send(error_reply(id, v1::ERROR_CODE_INVALID_ARGUMENT, "Subscribe names no view this server knows."));
    if (!may_follow(who.kind, request.view()))
        return to.send(error_reply(id, v1::ERROR_CODE_PERMISSION_DENIED,
                                   "A " + std::string(name(who.kind)) + " may not follow this view."));
    auto const already = hub.count(to.id) - (hub.has(to.id, id) ? 1 : 0);  // the same id replaces its own
    if (already >= settings_.limit.max_subscriptions)
        return to.send(error_reply(id, v1::ERROR_CODE_LIMIT_REACHED,
                                   "A connection follows at most " + std::to_string(settings_.limit.max_subscriptions) +
                                       " views; unsubscribe one first."));
    // A zone names each service and counter at most once and only known ones: it is no longer
    // than the centre, whatever a client sends.
    auto const& set_up = centre_.state().config();  // the engine's: services and counters change at runtime
    if (request.service_ids_size() > static_cast<int>(set_up.services.size()) ||
        request.counters_size() > static_cast<int>(set_up.counters.size()))
        return to.send(error_reply(id, v1::ERROR_CODE_INVALID_ARGUMENT, "A zone names each service and counter at most once."));
    auto sub = std::make_shared<hub::subscriber>();
    sub->id = id;
    sub->view = request.view();
    sub->send = to.send_frame;
    for (auto const& service : request.service_ids()) {
        if (!set_up.find_service(service)) return to.send(engine_error(id, core::errc::unknown_service));
        sub->zone.services.push_back(service);
    }
    for (auto counter : request.counters()) {
        if (!set_up.find_counter(counter)) return to.send(engine_error(id, core::errc::unknown_counter));
        sub->zone.counters.push_back(counter);
    }
    sub->zone.tidy();
    core::ticket const* own = nullptr;
    if (request.view() == v1::VIEW_TICKET) {  // a phone: the board of its ticket's line, and its own status
        own = centre_.state().find_ticket(who.ticket);
        if (!own) return to.send(engine_error(id, core::errc::unknown_ticket));
        sub->zone = {.services = {set_up.services[own->current().service].id}, .counters = {}};
    }

    auto const now_at = centre_.applied_sequence();
    sub->after = now_at;  // live events start after this point
    hub.add(to.id, sub);
    if (request.after_sequence() > 0 && request.after_sequence() <= now_at) {
        if (auto missed = hub.since(request.after_sequence(), now_at)) {
            // A resume: what it missed, then live. Sent once all of it is durable.
            hub::subscriber from = *sub;
            from.after = from.told = request.after_sequence();  // its range starts right after that
            auto body = hub::body(from, *missed, true).value_or(std::string());
            return centre_.after_durable([sub, body] {
                sub->send(hub::envelope(sub->id, body));
                sub->live = true;
            });
        }
    }
    if (request.after_sequence() > 0)
        to.send(generic_refusal(id, v1::ERROR_CODE_SEQUENCE_TOO_OLD));
    // Taken now, at the sequence applied so far; sent once that sequence is durable.
    auto shot = std::make_shared<v1::ServerMessage>();
    shot->set_request_id(id);
    *shot->mutable_snapshot() = snapshot(centre_.state(), settings_, request.view(), sub->zone, now_at, centre_.now());
    if (own) *shot->mutable_snapshot()->mutable_ticket() = ticket_status(centre_.state(), *own, centre_.now());
    centre_.after_durable([sub, shot, send = to.send] {
        send(*shot);
        sub->live = true;
    });
}

}  // namespace novbe::net
