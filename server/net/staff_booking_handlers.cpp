#include "staff_booking_handlers.hpp"

#include "net/auth.hpp"
#include "net/public_booking.hpp"
#include "net/sentence.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace novbe::net {

namespace {

using M = v1::ClientMessage;

// What a decision said beyond its events: the bookings' refusal, if any.
struct decided {
    std::optional<v1::Error> refused;
};

v1::BookingState state_of(core::booking_state s) {
    switch (s) {
    case core::booking_state::active: return v1::BOOKING_STATE_ACTIVE;
    case core::booking_state::checked_in: return v1::BOOKING_STATE_CHECKED_IN;
    case core::booking_state::cancelled: return v1::BOOKING_STATE_CANCELLED;
    case core::booking_state::lapsed: return v1::BOOKING_STATE_LAPSED;
    }
    return v1::BOOKING_STATE_UNSPECIFIED;
}

v1::Error error_of(v1::ErrorCode code, std::string message) {
    v1::Error e;
    e.set_code(code);
    e.set_message(std::move(message));
    return e;
}

// The bookings' decision of `cmd` as the centre's outcome: its events, or none and a refusal
// kept in `said` (a refusal of the bookings writes nothing here: no check-in, no lapse).
core::outcome decide_booking(core::booking_command const& cmd, core::centre const& c, core::time_point now,
                             decided& said) {
    auto out = c.appointments().decide(cmd, now, c);
    std::vector<core::event> events;
    if (!out.ok()) {
        said.refused = booking_error(out.error);
        return events;
    }
    for (auto const& ev : out.events) events.push_back(core::as_event(ev));
    return events;
}

}  // namespace

v1::Error booking_error(core::booking_errc e) {
    using E = core::booking_errc;
    auto say = [](v1::ErrorCode code) { return error_of(code, std::string(sentence(code))); };
    switch (e) {
    case E::unknown_service: return say(v1::ERROR_CODE_UNKNOWN_SERVICE);
    case E::not_bookable: return say(v1::ERROR_CODE_SERVICE_NOT_BOOKABLE);
    case E::day_closed: return error_of(v1::ERROR_CODE_SLOT_UNAVAILABLE, "The centre is closed that day.");
    case E::too_far_ahead: return error_of(v1::ERROR_CODE_SLOT_UNAVAILABLE, "That day is too far ahead to book.");
    case E::slot_in_past: return error_of(v1::ERROR_CODE_SLOT_UNAVAILABLE, "That slot has begun or passed.");
    case E::no_such_slot: return error_of(v1::ERROR_CODE_SLOT_UNAVAILABLE, "That is not the start of one of the day's slots.");
    case E::slot_full: return error_of(v1::ERROR_CODE_SLOT_FULL, "That slot is full.");
    case E::day_full: return error_of(v1::ERROR_CODE_SLOT_FULL, "The service's bookings for that day are full.");
    case E::already_booked: return say(v1::ERROR_CODE_ALREADY_BOOKED);
    case E::unknown_booking: return say(v1::ERROR_CODE_UNKNOWN_BOOKING);
    case E::booking_not_active: return say(v1::ERROR_CODE_BOOKING_NOT_ACTIVE);
    case E::duplicate_token: return say(v1::ERROR_CODE_DUPLICATE_TOKEN);
    case E::invalid_argument:
        return error_of(v1::ERROR_CODE_INVALID_ARGUMENT,
                        "A reference has 1 to 64 printable characters; a phone number digits, spaces, + and -.");
    case E::too_early:
    case E::booking_lapsed: break;  // check-in's only
    }
    return error_of(v1::ERROR_CODE_INVALID_ARGUMENT, "This booking cannot be changed so.");
}

v1::BookingRow booking_row(core::booking const& b, core::centre const& c) {
    v1::BookingRow row;
    row.set_booking(b.id);
    if (b.service < c.config().services.size()) row.set_service_id(c.config().services[b.service].id);
    row.set_slot_ms(unix_ms(b.slot));
    row.set_state(state_of(b.state));
    row.set_reference(b.reference);
    row.set_by(b.portal);
    return row;
}

bool calendar_date(std::string const& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    auto digits = [&](std::size_t at, std::size_t n) { return std::stoi(date.substr(at, n)); };
    std::chrono::year_month_day ymd{std::chrono::year{digits(0, 4)}, std::chrono::month{static_cast<unsigned>(digits(5, 2))},
                                    std::chrono::day{static_cast<unsigned>(digits(8, 2))}};
    return ymd.ok();
}

std::variant<action, refusal> staff_book_visit(command_context const& x, M const& m) {
    auto const& in = m.book_visit();
    auto service = x.state.config().find_service(in.service_id());
    if (!service) return refusal{v1::ERROR_CODE_UNKNOWN_SERVICE, std::string(sentence(v1::ERROR_CODE_UNKNOWN_SERVICE))};
    // The core bounds reference, phone and portal (invalid_argument); the staff user, under a
    // prefix no portal may take, is the portal.
    core::book_slot cmd{.service = *service, .slot = core::time_point{core::duration{in.slot_ms()}},
                        .reference = in.reference(), .phone = in.phone(),
                        .portal = std::string(core::staff_booking_prefix) + x.who.user,
                        .token = random_token()};
    auto said = std::make_shared<decided>();
    action a;
    a.decide = [said, cmd](core::centre const& c, core::time_point now) {
        return decide_booking(cmd, c, now, *said);
    };
    a.refused = [said] { return said->refused; };
    a.reply = [token = cmd.token](core::centre const& c, v1::Reply& r) {
        auto& out = *r.mutable_booked_visit();
        *out.mutable_booking() = booking_row(*c.appointments().find(token), c);
        out.set_token(to_hex(token));
    };
    return a;
}

std::string kiosk_code(core::ticket_token const& token) {
    static constexpr std::string_view letters = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    std::string code;
    auto bits = token.hi ^ (token.lo * 0x9E3779B97F4A7C15ULL);
    for (int i = 0; i < 8; ++i, bits /= letters.size()) code += letters[bits % letters.size()];
    return code;
}

// As BookVisit, for the citizen at the kiosk: the reference is a code the server makes, the
// portal the kiosks' own name. A retry with the same idempotency key gets the first answer.
std::variant<action, refusal> kiosk_book_offered(command_context const& x, M const& m) {
    auto const& in = m.book_offered();
    auto service = x.state.config().find_service(in.service_id());
    if (!service) return refusal{v1::ERROR_CODE_UNKNOWN_SERVICE, std::string(sentence(v1::ERROR_CODE_UNKNOWN_SERVICE))};
    auto token = random_token();
    core::book_slot cmd{.service = *service, .slot = core::time_point{core::duration{in.slot_ms()}},
                        .reference = kiosk_code(token), .phone = in.phone(), .portal = std::string(kiosk_author),
                        .token = token};
    auto said = std::make_shared<decided>();
    action a;
    a.decide = [said, cmd](core::centre const& c, core::time_point now) { return decide_booking(cmd, c, now, *said); };
    a.refused = [said] { return said->refused; };
    a.reply = [token](core::centre const& c, v1::Reply& r) {
        auto& out = *r.mutable_booked_visit();
        *out.mutable_booking() = booking_row(*c.appointments().find(token), c);
        out.set_token(to_hex(token));
    };
    return a;
}

std::variant<action, refusal> staff_cancel_booking(command_context const& x, M const& m) {
    auto id = m.cancel_booking().booking();
    if (!x.state.appointments().find(id))
        return refusal{v1::ERROR_CODE_UNKNOWN_BOOKING, std::string(sentence(v1::ERROR_CODE_UNKNOWN_BOOKING))};
    auto said = std::make_shared<decided>();
    action a;
    a.decide = [said, id](core::centre const& c, core::time_point now) {
        auto const* b = c.appointments().find(id);
        if (!b) {  // forgotten between the two: as unknown
            said->refused = booking_error(core::booking_errc::unknown_booking);
            return core::outcome{std::vector<core::event>{}};
        }
        return decide_booking(core::cancel_booking{b->token}, c, now, *said);
    };
    a.refused = [said] { return said->refused; };
    a.reply = [id](core::centre const& c, v1::Reply& r) { *r.mutable_booking() = booking_row(*c.appointments().find(id), c); };
    return a;
}

void staff_list_bookings(command_context const& x, M const& m, v1::ServerMessage& out) {
    auto const& in = m.list_bookings();
    auto const& c = x.state;
    auto const& rules = c.config().rules;
    auto day = in.day().empty() ? std::optional(core::day_of(x.now, rules.utc_offset, rules.day_start))
                                : day_of_date(in.day());
    if (!day) {
        // A date of the calendar out of the days taken is told apart from text that is no date.
        bool const a_date = calendar_date(in.day());
        out = error_reply(out.request_id(), v1::ERROR_CODE_INVALID_ARGUMENT,
                          a_date ? "day " + in.day() + " is out of range: ListBookings takes a day from 1970-01-01 to 9999-12-31, or empty for today."
                                 : "day must be a date YYYY-MM-DD, such as 2026-12-01, or empty for today.");
        return;
    }
    std::optional<core::service_index> service;
    if (!in.service_id().empty()) {
        service = c.config().find_service(in.service_id());
        if (!service) {
            out = generic_refusal(out.request_id(), v1::ERROR_CODE_UNKNOWN_SERVICE);
            return;
        }
    }
    auto const& b = c.appointments();
    std::vector<core::booking const*> rows;
    for (auto const& k : b.all())
        if (core::day_of(k.slot, rules.utc_offset, rules.day_start) == *day && (!service || k.service == *service))
            rows.push_back(&k);
    std::sort(rows.begin(), rows.end(), [](auto const* l, auto const* r) {
        return l->slot != r->slot ? l->slot < r->slot : l->id < r->id;
    });
    auto& list = *out.mutable_reply()->mutable_bookings();
    list.set_day(date_of(*day));
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(max_booking_rows); ++i)
        *list.add_bookings() = booking_row(*rows[i], c);
    list.set_truncated(rows.size() > static_cast<std::size_t>(max_booking_rows));
    if (!service) return;
    for (auto const& s : b.slots(*service, *day, c)) {  // as the HTTP API's GET /slots lists them
        if (s.start < x.now) continue;
        auto& row = *list.add_slots();
        row.set_start_ms(unix_ms(s.start));
        row.set_end_ms(unix_ms(s.end));
        row.set_capacity(static_cast<std::uint32_t>(std::max(0, s.limit())));
        row.set_free(static_cast<std::uint32_t>(std::max(0, s.limit() - b.held(*service, s.start))));
    }
}

}  // namespace novbe::net
