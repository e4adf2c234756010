// Boost.JSON is used header-only: this file compiles its sources once for novbe_net.
#include "net/booking_json.hpp"

#include "net/auth.hpp"

#include <boost/json/src.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace novbe::net {

namespace json = boost::json;

std::string rfc3339(core::time_point t, std::chrono::minutes utc_offset) {
    auto local = std::chrono::floor<std::chrono::seconds>(t + utc_offset);
    auto day = std::chrono::floor<std::chrono::days>(local);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{local - day};
    auto off = utc_offset.count();
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), off < 0 ? '-' : '+', static_cast<int>(std::abs(off) / 60),
                  static_cast<int>(std::abs(off) % 60));
    return text;
}

std::optional<core::time_point> parse_rfc3339(std::string_view s) {
    auto digits = [&](std::size_t at, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        return std::nullopt;
    int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2), se = digits(17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    auto rest = s.substr(19);
    std::chrono::minutes offset{0};
    if (rest != "Z" && rest != "z") {
        if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':') return std::nullopt;
        int oh = digits(20, 2), om = digits(23, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
        offset = std::chrono::minutes((rest[0] == '-' ? -1 : 1) * (oh * 60 + om));
    }
    auto local = std::chrono::sys_days{ymd} + std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(se);
    return core::time_point{std::chrono::duration_cast<core::duration>(local.time_since_epoch() - offset)};
}

std::string sha256_hex(std::string_view key) {
    if (sodium_init() < 0) return {};
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<unsigned char const*>(key.data()), key.size());
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (auto byte : hash) {
        hex += digits[byte >> 4];
        hex += digits[byte & 0xf];
    }
    return hex;
}

namespace detail {

api_answer api_error(unsigned status, std::string_view code, std::string_view message) {
    json::object o;
    o["error"] = json::string_view(code.data(), code.size());
    o["message"] = json::string_view(message.data(), message.size());
    return {status, json::serialize(o)};
}

api_answer not_allowed(std::string_view allow, std::string_view message) {
    auto a = api_error(405, "method_not_allowed", message);
    a.allow = allow;
    return a;
}

api_answer api_refusal(core::booking_errc e) {
    using enum core::booking_errc;
    auto said = [&](unsigned status, std::string_view message) { return api_error(status, core::name(e), message); };
    switch (e) {
    case unknown_service: return said(404, "No such service.");
    case not_bookable: return said(422, "That service takes no bookings.");
    case day_closed: return said(422, "The centre takes no bookings that day.");
    case too_far_ahead: return said(422, "That day is too far ahead to book.");
    case slot_in_past: return said(422, "That slot has already begun.");
    case no_such_slot: return said(422, "There is no slot at that time; list the day's slots.");
    case slot_full: return said(409, "That slot is full; choose another.");
    case day_full: return said(409, "That service is fully booked that day.");
    case already_booked: return said(409, "That reference already has a booking for this service.");
    case unknown_booking: return said(404, "No such booking.");
    case booking_not_active: return said(409, "That booking was already checked in, cancelled or lapsed.");
    case too_early: return said(409, "Too early to check in.");
    case booking_lapsed: return said(409, "That booking has lapsed.");
    case invalid_argument: return said(400, "A field is missing, too long or not valid.");
    case duplicate_token: return said(503, "Please try again.");
    }
    return said(500, "Unexpected.");
}

namespace {

// The members written in a JSON text already known to be an object of strings: its colons
// outside strings. Boost.JSON keeps the last of two equal keys (even "a" and "\u0061"), so
// fewer members than this means a key came twice.
std::size_t members_written(std::string_view body) {
    std::size_t colons = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (in_string && c == '\\') ++i;  // the escaped character is no quote
        else if (c == '"') in_string = !in_string;
        else if (!in_string && c == ':') ++colons;
    }
    return colons;
}

}  // namespace

std::optional<json::object> fields(std::string_view body, std::initializer_list<std::string_view> allowed) {
    json::parse_options options;
    options.max_depth = 2;
    std::error_code ec;
    auto value = json::parse(json::string_view(body.data(), body.size()), ec, {}, options);
    if (ec || !value.is_object()) return std::nullopt;
    for (auto const& [key, v] : value.as_object()) {
        if (!v.is_string()) return std::nullopt;
        if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end()) return std::nullopt;
    }
    // {"reference":"A","reference":"B"} is refused: a proxy or a log reading the first would
    // disagree with this server about what was booked.
    if (members_written(body) != value.as_object().size()) return std::nullopt;
    return value.as_object();
}

std::string text(json::object const& o, std::string_view key) {
    auto const* v = o.if_contains(json::string_view(key.data(), key.size()));
    return v ? std::string(v->as_string()) : std::string();
}

std::optional<std::string> query(std::string_view q, std::string_view key) {
    while (!q.empty()) {
        auto amp = q.find('&');
        auto pair = q.substr(0, amp);
        if (pair.size() > key.size() && pair.substr(0, key.size()) == key && pair[key.size()] == '=')
            return std::string(pair.substr(key.size() + 1));
        q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    }
    return std::nullopt;
}

std::optional<core::day_number> day_of_date(std::string_view date) {
    if (date.size() != 10) return std::nullopt;
    auto t = parse_rfc3339(std::string(date) + "T00:00:00Z");
    if (!t) return std::nullopt;
    return static_cast<core::day_number>(std::chrono::floor<std::chrono::days>(*t).time_since_epoch().count());
}

std::string date_of_day(core::day_number d) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d}}};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return out;
}

std::string booking_json(core::booking const& b, core::centre const& c) {
    auto const& config = c.config();
    json::object o;
    o["token"] = to_hex(b.token);
    o["service"] = config.services[b.service].id;
    o["slot"] = rfc3339(b.slot, config.rules.utc_offset);
    o["reference"] = b.reference;
    o["phone"] = b.phone;
    o["state"] = std::string(core::name(b.state));
    return json::serialize(o);
}

std::string slots_json(core::bookings const& b, core::centre const& c, core::service_index s, core::day_number d,
                       std::string_view date, core::time_point now) {
    auto const offset = c.config().rules.utc_offset;
    json::array slots;
    for (auto const& x : b.slots(s, d, c)) {
        if (x.start < now) continue;
        json::object slot;
        slot["start"] = rfc3339(x.start, offset);
        slot["end"] = rfc3339(x.end, offset);
        slot["capacity"] = x.limit();
        slot["free"] = std::max(0, x.limit() - b.held(s, x.start));
        slots.push_back(std::move(slot));
    }
    json::object o;
    o["service"] = c.config().services[s].id;
    o["date"] = json::string_view(date.data(), date.size());
    o["slots"] = std::move(slots);
    return json::serialize(o);
}

core::ticket_token token_of(core::booking_command const& command) {
    return std::visit([](auto const& m) -> core::ticket_token {
        if constexpr (requires { m.token; }) {
            if constexpr (std::is_same_v<std::decay_t<decltype(m.token)>, core::ticket_token>) return m.token;
        }
        return {};
    }, command);
}

}  // namespace detail

}  // namespace novbe::net
