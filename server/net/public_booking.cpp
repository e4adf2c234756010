#include "net/public_booking.hpp"

#include "net/auth.hpp"
#include "net/booking_json.hpp"

namespace novbe::net {

namespace json = boost::json;
using detail::api_error;
using detail::api_refusal;

namespace {

public_plan at_once(api_answer a, bool unknown_token = false) {
    return public_plan{std::move(a), std::nullopt, public_kind::read, unknown_token, 200};
}

api_answer bad_request(std::string_view message) { return api_error(400, "bad_request", message); }

// A service a stranger may book: bookable, and not retired (whatever the file said of it).
bool offered(core::bookings const& b, core::centre const& c, core::service_index s) {
    auto const& services = c.config().services;
    return s < services.size() && !services[s].retired && s < b.config().services.size() &&
           b.config().services[s].bookable;
}

json::object names_of(std::map<std::string, std::string> const& names) {
    json::object o;
    for (auto const& [language, name] : names) o[language] = name;
    return o;
}

// The centre's name and languages, its bookable services' names, and the days one may book: today
// and days_ahead more, each open or closed.
std::string centre_json(public_profile const& profile, core::bookings const& b, core::centre const& c,
                        core::time_point now) {
    auto const& rules = c.config().rules;
    json::object o;
    o["name"] = profile.name;
    json::array languages;
    for (auto const& l : profile.languages) languages.emplace_back(l);
    o["languages"] = std::move(languages);
    json::array services;
    for (core::service_index s = 0; s < c.config().services.size(); ++s) {
        if (!offered(b, c, s)) continue;
        auto const& service = c.config().services[s];
        services.emplace_back(json::object{{"id", service.id}, {"names", names_of(service.names)}});
    }
    o["services"] = std::move(services);
    json::array days;
    auto today = core::day_of(now, rules.utc_offset, rules.day_start);
    for (auto d = today; d <= today + b.config().days_ahead; ++d)
        days.emplace_back(json::object{{"date", detail::date_of_day(d)}, {"open", hours_on(b.config().calendar, d).has_value()}});
    o["days"] = std::move(days);
    o["check_in_before_minutes"] = std::chrono::duration_cast<std::chrono::minutes>(b.config().window_before).count();
    o["check_in_after_minutes"] = std::chrono::duration_cast<std::chrono::minutes>(b.config().window_after).count();
    return json::serialize(o);
}

}  // namespace

std::string public_booking_json(core::booking const& b, core::bookings const& all, core::centre const& c) {
    auto const offset = c.config().rules.utc_offset;
    json::object o;  // by allow-list: a field added to core::booking stays private until named here
    o["token"] = to_hex(b.token);
    o["service"] = c.config().services[b.service].id;
    o["slot"] = rfc3339(b.slot, offset);
    o["arrive_from"] = rfc3339(b.slot - all.config().window_before, offset);
    o["arrive_until"] = rfc3339(b.slot + all.config().window_after, offset);
    o["state"] = std::string(core::name(b.state));
    return json::serialize(o);
}

public_plan plan_public(api_request const& r, public_profile const& profile, core::bookings const& b,
                        core::centre const& c, core::time_point now, core::ticket_token fresh) {
    if (r.body.size() > max_api_body) return at_once(api_error(413, "too_large", "The body is over 4096 bytes."));
    auto target = r.target.substr(public_prefix.size());
    auto mark = target.find('?');
    auto path = target.substr(0, mark);
    auto q = mark == std::string_view::npos ? std::string_view{} : target.substr(mark + 1);

    if (path == "centre") {
        if (r.method != "GET") return at_once(detail::not_allowed("GET", "The centre is read with GET."));
        return at_once({200, centre_json(profile, b, c, now)});
    }
    if (path == "slots") {
        if (r.method != "GET") return at_once(detail::not_allowed("GET", "Slots are read with GET."));
        auto service = detail::query(q, "service");
        auto date = detail::query(q, "date");
        auto s = service ? c.config().find_service(*service) : std::nullopt;
        if (!s) return at_once(api_refusal(core::booking_errc::unknown_service));
        if (!offered(b, c, *s)) return at_once(api_refusal(core::booking_errc::not_bookable));
        auto d = date ? detail::day_of_date(*date) : std::nullopt;
        if (!d) return at_once(bad_request("date must be YYYY-MM-DD."));
        if (b.too_far_ahead(*d, now)) return at_once(api_refusal(core::booking_errc::too_far_ahead));  // its slots are no offer
        return at_once({200, detail::slots_json(b, c, *s, *d, *date, now)});
    }
    if (path == "bookings") {
        if (r.method != "POST") return at_once(detail::not_allowed("POST", "Bookings are made with POST."));
        auto body = detail::fields(r.body, {"service", "slot", "reference", "phone"});
        if (!body) return at_once(bad_request("The body must be a JSON object of the documented string fields, each once."));
        auto s = c.config().find_service(detail::text(*body, "service"));
        if (!s) return at_once(api_refusal(core::booking_errc::unknown_service));
        if (!offered(b, c, *s)) return at_once(api_refusal(core::booking_errc::not_bookable));
        auto slot = parse_rfc3339(detail::text(*body, "slot"));
        if (!slot) return at_once(bad_request("slot must be an RFC 3339 time, e.g. 2026-11-28T09:00:00+04:00."));
        core::book_slot cmd{*s, *slot, detail::text(*body, "reference"), detail::text(*body, "phone"),
                            std::string(phone_author), fresh};
        return public_plan{std::nullopt, std::move(cmd), public_kind::booking, false, 201};
    }
    if (path.starts_with("bookings/")) {
        auto token = from_hex(path.substr(9));
        auto const* found = token ? b.find(*token) : nullptr;
        if (!found) return at_once(api_refusal(core::booking_errc::unknown_booking), true);
        if (r.method == "GET") return at_once({200, public_booking_json(*found, b, c)});
        if (r.method == "DELETE")
            return public_plan{std::nullopt, core::cancel_booking{*token}, public_kind::cancel, false, 200};
        return at_once(detail::not_allowed("GET, DELETE", "A booking is read with GET and cancelled with DELETE."));
    }
    return at_once(api_error(404, "not_found", "No such endpoint; see docs/booking-api.yaml."));
}

api_answer public_answer_after(public_plan const& plan, core::booking_outcome const& decided,
                               core::bookings const& after, core::centre const& c) {
    if (decided.error == core::booking_errc::already_booked)  // what a citizen who forgot their booking does
        return api_error(409, "already_booked",
                         "A booking for this service is already held under that reference. Open it with its code "
                         "(the link or QR code you were given) to see or cancel it, or ask at the centre.");
    if (!decided.ok()) return api_refusal(decided.error);
    auto token = detail::token_of(*plan.command);
    auto const* b = after.find(token);
    if (!b) return api_refusal(core::booking_errc::unknown_booking);
    return {plan.success, public_booking_json(*b, after, c)};
}

}  // namespace novbe::net
