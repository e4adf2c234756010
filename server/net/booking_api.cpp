#include "net/booking_api.hpp"

#include "net/auth.hpp"
#include "net/booking_json.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <sodium.h>

namespace novbe::net {

namespace json = boost::json;
using detail::api_error;
using detail::api_refusal;
using detail::day_of_date;
using detail::fields;
using detail::query;
using detail::text;

namespace {

api_plan at_once(api_answer a) { return api_plan{std::move(a), std::nullopt, {}, 200}; }

// The portal whose key this is; constant time in the key, so timing tells nothing about it.
std::optional<std::string> portal_of(std::string_view key, std::vector<portal_key> const& portals) {
    if (key.empty() || key.size() > 256) return std::nullopt;
    auto hash = sha256_hex(key);
    std::optional<std::string> found;
    for (auto const& p : portals)
        if (p.key_sha256.size() == hash.size() && sodium_memcmp(p.key_sha256.data(), hash.data(), hash.size()) == 0)
            found = p.name;
    return found;
}

api_answer bad_request(std::string_view message) { return api_error(400, "bad_request", message); }

}  // namespace

api_plan plan_request(api_request const& r, std::vector<portal_key> const& portals, core::bookings const& b,
                      core::centre const& c, core::time_point now, core::ticket_token fresh) {
    auto portal = portal_of(r.api_key, portals);
    if (!portal) return at_once(api_error(401, "unauthorized", "A portal's X-Api-Key is needed."));
    if (r.body.size() > max_api_body) return at_once(api_error(413, "too_large", "The body is over 4096 bytes."));
    auto target = r.target.substr(api_prefix.size());
    auto mark = target.find('?');
    auto path = target.substr(0, mark);
    auto q = mark == std::string_view::npos ? std::string_view{} : target.substr(mark + 1);
    auto plan = [&](core::booking_command cmd, unsigned success = 200) {
        return api_plan{std::nullopt, std::move(cmd), *portal, success};
    };

    if (path == "slots") {
        if (r.method != "GET") return at_once(detail::not_allowed("GET", "Slots are read with GET."));
        auto service = query(q, "service");
        auto date = query(q, "date");
        auto s = service ? c.config().find_service(*service) : std::nullopt;
        if (!s) return at_once(api_refusal(core::booking_errc::unknown_service));
        if (*s >= b.config().services.size() || !b.config().services[*s].bookable)
            return at_once(api_refusal(core::booking_errc::not_bookable));
        auto d = date ? day_of_date(*date) : std::nullopt;
        if (!d) return at_once(bad_request("date must be YYYY-MM-DD."));
        if (b.too_far_ahead(*d, now)) return at_once(api_refusal(core::booking_errc::too_far_ahead));  // its slots are no offer
        return at_once({200, detail::slots_json(b, c, *s, *d, *date, now)});
    }
    if (path == "bookings") {
        if (r.method != "POST") return at_once(detail::not_allowed("POST", "Bookings are made with POST."));
        auto body = fields(r.body, {"service", "slot", "reference", "phone"});
        if (!body) return at_once(bad_request("The body must be a JSON object of the documented string fields, each once."));
        auto s = c.config().find_service(text(*body, "service"));
        if (!s) return at_once(api_refusal(core::booking_errc::unknown_service));
        auto slot = parse_rfc3339(text(*body, "slot"));
        if (!slot) return at_once(bad_request("slot must be an RFC 3339 time, e.g. 2026-11-28T09:00:00+04:00."));
        return plan(core::book_slot{*s, *slot, text(*body, "reference"), text(*body, "phone"), *portal, fresh}, 201);
    }
    if (path.starts_with("bookings/")) {
        auto rest = path.substr(9);
        bool reschedule = rest.ends_with("/reschedule");
        if (reschedule) rest.remove_suffix(11);
        auto token = from_hex(rest);
        auto const* found = token ? b.find(*token) : nullptr;
        // A portal sees only its own bookings: another's answers as if it did not exist.
        if (!found || found->portal != *portal) return at_once(api_refusal(core::booking_errc::unknown_booking));
        if (reschedule) {
            if (r.method != "POST") return at_once(detail::not_allowed("POST", "Reschedule with POST."));
            auto body = fields(r.body, {"slot"});
            auto slot = body ? parse_rfc3339(text(*body, "slot")) : std::nullopt;
            if (!slot) return at_once(bad_request("The body must be {\"slot\": an RFC 3339 time}, once."));
            return plan(core::reschedule_booking{*token, *slot});
        }
        if (r.method == "GET") return at_once({200, detail::booking_json(*found, c)});
        if (r.method == "DELETE") return plan(core::cancel_booking{*token});
        return at_once(detail::not_allowed("GET, DELETE", "A booking is read with GET and cancelled with DELETE."));
    }
    return at_once(api_error(404, "not_found", "No such endpoint; see docs/booking-api.yaml."));
}

api_answer answer_after(api_plan const& plan, core::booking_outcome const& decided, core::bookings const& after,
                        core::centre const& c) {
    if (!decided.ok()) return api_refusal(decided.error);
    auto token = detail::token_of(*plan.command);
    auto const* b = after.find(token);
    if (!b) return api_refusal(core::booking_errc::unknown_booking);
    return {plan.success, detail::booking_json(*b, c)};
}

}  // namespace novbe::net
