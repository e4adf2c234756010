// Engine events <-> StoredEvent.
#include "booking_codec.hpp"
#include "codec.hpp"
#include "alert_codec.hpp"
#include "roster_codec.hpp"
#include "setup_codec.hpp"
#include "stored.pb.h"

namespace novbe::store {

using namespace detail;
namespace pb = novbe::store::v1;

core::service_index detail::service_of(std::string const& id, core::centre_config const& config) {
    auto s = config.find_service(id);
    if (!s) throw codec_error("it names service '" + id + "', which the configuration does not have");
    return *s;
}

core::time_point event_time(core::event const& ev) {
    return std::visit([](auto const& e) { return e.at; }, ev);
}

namespace {

class encoder {
public:
    encoder(pb::StoredEvent& out, core::centre_config const& config) : out_(out), config_(config) {}

    template <class B>
        requires std::is_constructible_v<core::booking_event, B const&>
    void operator()(B const&) {}  // never reached: encode_event() gives them to booking_codec

    void operator()(core::day_started const& e) { out_.mutable_day_started()->set_day(e.day); }
    void operator()(core::day_closed const&) { out_.mutable_day_closed(); }
    void operator()(core::ticket_issued const& e) {
        auto& m = *out_.mutable_ticket_issued();
        m.set_ticket(e.ticket);
        m.set_service(id(e.service));
        m.set_sequence(e.sequence);
        m.set_cls(static_cast<std::uint32_t>(e.cls));
        m.set_language(e.language);
        m.set_token_hi(e.token.hi);
        m.set_token_lo(e.token.lo);
        m.set_has_due(e.due.has_value());
        if (e.due) m.set_due_ms(ms(*e.due));
        m.set_estimated_wait_ms(e.estimated_wait.count());
        m.set_people_ahead(e.people_ahead);
        m.set_estimated_low_ms(e.estimated_low.count());
        m.set_estimated_high_ms(e.estimated_high.count());
    }
    void operator()(core::ticket_called const& e) {
        auto& m = *out_.mutable_ticket_called();
        m.set_ticket(e.ticket);
        m.set_counter(e.counter);
        m.set_clerk(e.clerk);
        m.set_reason(e.reason);
    }
    void operator()(core::ticket_recalled const& e) { pair(*out_.mutable_ticket_recalled(), e); }
    void operator()(core::service_started const& e) { pair(*out_.mutable_service_started(), e); }
    void operator()(core::service_completed const& e) {
        auto& m = *out_.mutable_service_completed();
        pair(m, e);
        m.set_outcome(e.outcome);
    }
    void operator()(core::ticket_no_show const& e) { pair(*out_.mutable_ticket_no_show(), e); }
    void operator()(core::ticket_transferred const& e) {
        auto& m = *out_.mutable_ticket_transferred();
        pair(m, e);
        m.set_to(id(e.to));
        m.set_reason(e.reason);
    }
    void operator()(core::ticket_cancelled const& e) {
        out_.mutable_ticket_cancelled()->set_ticket(e.ticket);
        out_.mutable_ticket_cancelled()->set_reason(e.reason);
    }
    void operator()(core::ticket_rated const& e) {
        out_.mutable_ticket_rated()->set_ticket(e.ticket);
        out_.mutable_ticket_rated()->set_score(e.score);
    }
    void operator()(core::counter_opened const& e) {
        out_.mutable_counter_opened()->set_counter(e.counter);
        out_.mutable_counter_opened()->set_clerk(e.clerk);
    }
    void operator()(core::counter_paused const& e) {
        out_.mutable_counter_paused()->set_counter(e.counter);
        out_.mutable_counter_paused()->set_reason(e.reason);
    }
    void operator()(core::counter_resumed const& e) { out_.mutable_counter_resumed()->set_counter(e.counter); }
    void operator()(core::counter_closed const& e) { out_.mutable_counter_closed()->set_counter(e.counter); }
    void operator()(core::counter_taken_over const& e) {
        auto& m = *out_.mutable_counter_taken_over();
        m.set_counter(e.counter);
        m.set_from_clerk(e.from_clerk);
        m.set_to_user(e.to_user);
        m.set_reason(e.reason);
        m.set_code(e.code);
    }
    void operator()(core::hall_message_set const& e) {
        out_.mutable_hall_message_set()->set_text(e.text);
        out_.mutable_hall_message_set()->set_by(e.by);
    }
    void operator()(core::alert_changed const& e) { put(*out_.mutable_alert_changed(), id(e.service), e.alert); }
    void operator()(core::user_set const& e) {
        put(*out_.mutable_user_set()->mutable_user(), e.user);
        out_.mutable_user_set()->set_by(e.by);
    }
    void operator()(core::device_set const& e) {
        auto& m = *out_.mutable_device_set();
        m.set_index(static_cast<std::uint32_t>(e.index));
        put(*m.mutable_device(), e.device);
        m.set_by(e.by);
    }
    void operator()(core::service_set const& e) {
        put(*out_.mutable_service_set()->mutable_service(), e.config);
        out_.mutable_service_set()->set_by(e.by);
    }
    void operator()(core::counter_set const& e) {
        put(*out_.mutable_counter_set()->mutable_counter(), e.config, config_);
        out_.mutable_counter_set()->set_by(e.by);
    }
    void operator()(core::calendar_set const& e) {
        put(*out_.mutable_calendar_set()->mutable_calendar(), e.calendar);
        out_.mutable_calendar_set()->set_by(e.by);
    }

private:
    template <class Message, class Event>
    static void pair(Message& m, Event const& e) {
        m.set_ticket(e.ticket);
        m.set_counter(e.counter);
    }
    std::string const& id(core::service_index s) const { return config_.services.at(s).id; }

    pb::StoredEvent& out_;
    core::centre_config const& config_;
};

core::event decode(pb::StoredEvent const& m, core::centre_config const& config) {
    auto at = at_ms(m.at_ms());
    using K = pb::StoredEvent;
    switch (m.kind_case()) {
    case K::kDayStarted: return core::day_started{m.day_started().day(), at};
    case K::kDayClosed: return core::day_closed{at};
    case K::kTicketIssued: {
        auto const& e = m.ticket_issued();
        return core::ticket_issued{
            .ticket = e.ticket(), .service = service_of(e.service(), config), .sequence = e.sequence(),
            .cls = checked_enum(e.cls(), core::priority_class::appointment), .language = e.language(),
            .token = {e.token_hi(), e.token_lo()}, .at = at,
            .due = e.has_due() ? std::optional(at_ms(e.due_ms())) : std::nullopt,
            .estimated_wait = core::duration{e.estimated_wait_ms()}, .people_ahead = e.people_ahead(),
            .estimated_low = core::duration{e.estimated_low_ms()}, .estimated_high = core::duration{e.estimated_high_ms()}};
    }
    case K::kTicketCalled:
        return core::ticket_called{m.ticket_called().ticket(), m.ticket_called().counter(), m.ticket_called().clerk(), at,
                                   m.ticket_called().reason()};
    case K::kTicketRecalled: return core::ticket_recalled{m.ticket_recalled().ticket(), m.ticket_recalled().counter(), at};
    case K::kServiceStarted: return core::service_started{m.service_started().ticket(), m.service_started().counter(), at};
    case K::kServiceCompleted: {
        auto const& e = m.service_completed();
        return core::service_completed{e.ticket(), e.counter(), e.outcome(), at};
    }
    case K::kTicketNoShow: return core::ticket_no_show{m.ticket_no_show().ticket(), m.ticket_no_show().counter(), at};
    case K::kTicketTransferred: {
        auto const& e = m.ticket_transferred();
        return core::ticket_transferred{e.ticket(), e.counter(), service_of(e.to(), config), at, e.reason()};
    }
    case K::kTicketCancelled: return core::ticket_cancelled{m.ticket_cancelled().ticket(), at, m.ticket_cancelled().reason()};
    case K::kTicketRated: {
        auto score = m.ticket_rated().score();
        if (score < 1 || score > 5) throw codec_error("a rating is out of range");
        return core::ticket_rated{m.ticket_rated().ticket(), static_cast<std::uint8_t>(score), at};
    }
    case K::kCounterOpened: return core::counter_opened{m.counter_opened().counter(), m.counter_opened().clerk(), at};
    case K::kCounterPaused: return core::counter_paused{m.counter_paused().counter(), m.counter_paused().reason(), at};
    case K::kCounterResumed: return core::counter_resumed{m.counter_resumed().counter(), at};
    case K::kCounterClosed: return core::counter_closed{m.counter_closed().counter(), at};
    case K::kCounterTakenOver: {
        auto const& e = m.counter_taken_over();
        return core::counter_taken_over{e.counter(), e.from_clerk(), e.to_user(), e.reason(), at, e.code()};
    }
    case K::kHallMessageSet: {
        auto const& e = m.hall_message_set();
        if (e.text().size() > core::max_hall_message) throw codec_error("a hall message is too long");
        return core::hall_message_set{e.text(), e.by(), at};
    }
    case K::kAlertChanged: {
        auto const& e = m.alert_changed();
        return core::alert_changed{service_of(e.service(), config), get(e), at};
    }
    case K::kUserSet: return core::user_set{get(m.user_set().user()), m.user_set().by(), at};
    case K::kDeviceSet:
        return core::device_set{m.device_set().index(), get(m.device_set().device()), m.device_set().by(), at};
    case K::kServiceSet: return core::service_set{get(m.service_set().service()), m.service_set().by(), at};
    case K::kCounterSet: return core::counter_set{get(m.counter_set().counter(), config), m.counter_set().by(), at};
    case K::kCalendarSet: return core::calendar_set{get(m.calendar_set().calendar()), m.calendar_set().by(), at};
    // Bookings' own codec (booking_codec.hpp); they are rare beside tickets, so the bytes again.
    case K::kBookingMade:
    case K::kBookingCancelled:
    case K::kBookingRescheduled:
    case K::kBookingCheckedIn:
    case K::kBookingLapsed:
    case K::kBookingsForgotten: return core::as_event(decode_booking_event(m.SerializeAsString(), config));
    case K::KIND_NOT_SET: break;
    }
    throw codec_error("it is of no known kind");
}

}  // namespace

std::string encode_event(core::event const& ev, core::centre_config const& config, core::actor const& by) {
    pb::StoredEvent who;  // the envelope's actor, for every kind
    if (by.role != core::actor_role::unknown) who.set_actor_role(static_cast<std::uint32_t>(by.role));
    if (!by.name.empty()) who.set_actor(by.name);
    // A booking's own codec makes its StoredEvent; protobuf merges concatenated messages, so the
    // actor's fields appended after it are read back as that event's.
    if (auto booking = core::as_booking(ev)) return encode_booking_event(*booking, config) + who.SerializeAsString();
    pb::StoredEvent m = who;
    m.set_at_ms(ms(event_time(ev)));
    std::visit(encoder{m, config}, ev);
    return m.SerializeAsString();
}

std::string encode_change(core::event const& ev, core::centre const& before) {
    pb::StoredEvent m;
    if (auto const* user = std::get_if<core::user_set>(&ev)) {
        auto& change = *m.mutable_user_set()->mutable_change();
        if (auto const* was = before.roster().find_user(user->user.name)) {
            change.set_role_was(static_cast<std::uint32_t>(was->role));
            change.set_was_disabled(was->disabled);
            change.set_secret_reset(was->secret_hash != user->user.secret_hash);
        } else {
            change.set_added(true);
        }
    } else if (auto const* device = std::get_if<core::device_set>(&ev)) {
        auto const& devices = before.roster().devices;
        if (device->index < devices.size()) {
            put(*m.mutable_device_set()->mutable_was(), devices[device->index]);
            m.mutable_device_set()->mutable_was()->clear_token_hash();
        } else {
            m.mutable_device_set()->set_added(true);
        }
    } else if (auto const* service = std::get_if<core::service_set>(&ev)) {
        if (auto index = before.config().find_service(service->config.id))
            put(*m.mutable_service_set()->mutable_was(), before.config().services[*index]);
        else
            m.mutable_service_set()->set_added(true);
    } else if (auto const* counter = std::get_if<core::counter_set>(&ev)) {
        if (auto const* was = before.config().find_counter(counter->config.number))
            put(*m.mutable_counter_set()->mutable_was(), *was, before.config());
        else
            m.mutable_counter_set()->set_added(true);
    } else {
        return {};
    }
    return m.SerializeAsString();
}

core::event decode_event(std::string_view bytes, core::centre_config const& config) {
    return event_decoder(config)(bytes);
}

namespace {
// A role this build does not know (a newer server's) reads as unknown rather than failing the
// whole log: the name still says who it was.
core::actor actor_of(pb::StoredEvent const& m) {
    auto r = m.actor_role();
    auto role = r > static_cast<std::uint32_t>(core::actor_role::rating_device) ? core::actor_role::unknown
                                                                               : static_cast<core::actor_role>(r);
    return {role, m.actor()};
}
}  // namespace

core::actor decode_actor(std::string_view bytes) {
    pb::StoredEvent m;
    if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) throw codec_error("it is not a stored event");
    return actor_of(m);
}

core::actor event_decoder::actor() const { return actor_of(*message_); }

event_decoder::event_decoder(core::centre_config const& config)
    : config_(config), message_(std::make_unique<pb::StoredEvent>()) {}

event_decoder::~event_decoder() = default;

core::event event_decoder::operator()(std::string_view bytes) {
    auto& m = *message_;
    if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) throw codec_error("it is not a stored event");
    auto const& config = config_;
    auto ev = decode(m, config);
    std::visit(
        [&](auto const& e) {
            if constexpr (requires { e.counter; }) {
                // A manager's move (MoveTicket) is a transfer at no counter.
                bool const at_no_counter = std::is_same_v<std::decay_t<decltype(e)>, core::ticket_transferred> && e.counter == 0;
                if (!at_no_counter && !config.find_counter(e.counter))
                    throw codec_error("it names counter " + std::to_string(e.counter) +
                                      ", which the configuration does not have");
            }
        },
        ev);
    return ev;
}

}  // namespace novbe::store
