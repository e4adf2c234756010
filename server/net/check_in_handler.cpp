#include "check_in_handler.hpp"

#include "core/check_in.hpp"
#include "net/auth.hpp"
#include "net/sentence.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace novbe::net {

namespace {

using M = v1::ClientMessage;

// What the decision said beyond the centre's events: a refusal in the bookings' terms.
struct decided {
    std::optional<v1::Error> refused;
};

v1::Error error_of(v1::ErrorCode code, std::string message) {
    v1::Error e;
    e.set_code(code);
    e.set_message(std::move(message));
    return e;
}

v1::Error unknown() {
    return error_of(v1::ERROR_CODE_BOOKING_UNKNOWN, std::string(sentence(v1::ERROR_CODE_BOOKING_UNKNOWN)));
}

// The booking a refusal is about: a lapse names it; too early, the window's start does not.
core::booking const* lapsed_one(core::booking_outcome const& o, core::centre const& c) {
    for (auto const& ev : o.events)
        if (auto const* l = std::get_if<core::booking_lapsed>(&ev)) return c.appointments().find(l->id);
    return nullptr;
}

// docs/DOMAIN.md#check-in, in wire terms. A typed code is guessable: a booking of it on another
// day is answered as no booking at all, so that a guess learns nothing. A QR code's token is a
// secret; its holder is told the day.
v1::Error refusal_of(core::booking_outcome const& o, core::centre const& c, core::time_point now, bool by_token,
                     std::string const& service_of_lapse, bool lapse_today) {
    auto const& rules = c.config().rules;
    auto today = core::day_of(now, rules.utc_offset, rules.day_start);
    using E = core::booking_errc;
    switch (o.error) {
    case E::unknown_booking: return unknown();
    case E::booking_not_active:
        return error_of(v1::ERROR_CODE_BOOKING_NOT_ACTIVE, std::string(sentence(v1::ERROR_CODE_BOOKING_NOT_ACTIVE)));
    case E::too_early: {
        auto opens = o.until.value_or(now);
        auto slot = opens + c.appointments().config().window_before;
        if (!by_token && core::day_of(slot, rules.utc_offset, rules.day_start) != today) return unknown();
        auto e = error_of(v1::ERROR_CODE_BOOKING_TOO_EARLY,
                          "Check-in for this booking opens at " + local_time(opens, now, rules) + ".");
        e.set_check_in_from_ms(unix_ms(opens));
        return e;
    }
    case E::booking_lapsed: {
        if (!by_token && !lapse_today) return unknown();
        auto e = error_of(v1::ERROR_CODE_BOOKING_LAPSED, std::string(sentence(v1::ERROR_CODE_BOOKING_LAPSED)));
        e.set_service_id(service_of_lapse);
        return e;
    }
    case E::unknown_service:
    case E::not_bookable:
    case E::day_closed:
    case E::too_far_ahead:
    case E::slot_in_past:
    case E::no_such_slot:
    case E::slot_full:
    case E::day_full:
    case E::already_booked:
    case E::invalid_argument:
    case E::duplicate_token: break;
    }
    return error_of(v1::ERROR_CODE_INVALID_ARGUMENT, "This code cannot be checked in.");
}

}  // namespace

std::string local_time(core::time_point t, core::time_point now, core::centre_rules const& rules) {
    auto local = std::chrono::floor<std::chrono::minutes>(t + rules.utc_offset);
    auto day = std::chrono::floor<std::chrono::days>(local);
    std::chrono::hh_mm_ss hms{local - day};
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
    auto now_day = std::chrono::floor<std::chrono::days>(now + rules.utc_offset);
    if (day == now_day) return clock;
    std::chrono::year_month_day ymd{day};
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return std::string(date) + " " + clock;
}

std::variant<action, refusal> booking_check_in(command_context const& x, M const& m) {
    auto const& in = m.check_in();
    auto code = in.code();
    if (code.empty() || code.size() > max_check_in_code)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A booking's code has 1 to 64 characters."};
    auto const& known = x.config.profile.languages;
    auto language = in.language().empty() ? known.front() : in.language();
    if (std::find(known.begin(), known.end(), language) == known.end())
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "This centre has no such language."};
    auto const& rules = x.config.centre.rules;
    auto ticket = day_stamped_token(x.config.token_key, core::day_of(x.now, rules.utc_offset, rules.day_start));
    auto said = std::make_shared<decided>();
    action a;
    a.decide = [said, code, language, ticket](core::centre const& c, core::time_point now) -> core::outcome {
        core::check_in cmd{.language = language, .ticket = ticket};
        // A QR code's token if it is one; anything else is a typed reference.
        auto token = from_hex(code);
        if (token && c.appointments().find(*token)) cmd.token = *token;
        else cmd.reference = code;
        auto out = core::decide_check_in(c.appointments(), c, cmd, now);
        if (!out.ticket.ok()) return out.ticket;  // the centre's own refusal (closed): nothing is written
        std::vector<core::event> events;
        for (auto const& ev : out.booking.events) events.push_back(core::as_event(ev));
        if (out.booking.ok()) {
            for (auto const& ev : out.ticket.events()) events.push_back(ev);
            return events;
        }
        std::string service;
        bool today = false;
        if (auto const* b = lapsed_one(out.booking, c)) {
            if (b->service < c.config().services.size()) service = c.config().services[b->service].id;
            auto const& r = c.config().rules;
            today = core::day_of(b->slot, r.utc_offset, r.day_start) == core::day_of(now, r.utc_offset, r.day_start);
        }
        said->refused = refusal_of(out.booking, c, now, cmd.token.has_value(), service, today);
        return events;  // a late one's lapse is written though the answer is a refusal
    };
    a.refused = [said] { return said->refused; };
    a.reply = [](core::centre const& c, v1::Reply& r) { *r.mutable_issued_ticket() = issued_ticket(c, c.tickets().back()); };
    return a;
}

}  // namespace novbe::net
