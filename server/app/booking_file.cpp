#include "booking_file.hpp"

#include "config_file.hpp"
#include "core/roster.hpp"
#include "net/public_booking.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace novbe::app {

namespace {

using namespace std::chrono_literals;

[[noreturn]] void fail(std::string const& path, toml::node const* at, std::string const& problem) {
    std::string where = path;
    if (at && at->source().begin)
        where += ":" + std::to_string(at->source().begin.line) + ":" + std::to_string(at->source().begin.column);
    throw config_error(where + ": " + problem);
}

// A whole number `key` of `t` within [low, high], or `fallback` when absent.
int number(std::string const& path, toml::table const& t, std::string_view key, int fallback, int low, int high) {
    auto const* node = t.get(key);
    if (!node) return fallback;
    auto n = node->value<std::int64_t>();
    if (!n || *n < low || *n > high)
        fail(path, node, "'" + std::string(key) + "' is a whole number " + std::to_string(low) + " to " + std::to_string(high));
    return static_cast<int>(*n);
}

// "YYYY-MM-DD" as the centre's day of that date.
std::optional<core::day_number> date_of(std::string_view text) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (auto i = from; i < from + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                     std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return static_cast<core::day_number>(std::chrono::sys_days{date}.time_since_epoch().count());
}

// "HH:MM" after local midnight, hours up to 47 (closing may pass midnight, as [centre]'s).
std::optional<std::chrono::minutes> clock_of(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (auto i : {0, 1, 3, 4})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 47 || m > 59) return std::nullopt;
    return std::chrono::minutes(h * 60 + m);
}

// "09:00-18:00", or "closed" (nullopt inside an engaged optional).
std::optional<std::optional<core::day_hours>> hours_of(std::string_view text) {
    if (text == "closed") return std::optional<core::day_hours>{};
    if (text.size() != 11 || text[5] != '-') return std::nullopt;
    auto opening = clock_of(text.substr(0, 5)), closing = clock_of(text.substr(6));
    if (!opening || !closing) return std::nullopt;
    core::day_hours h{*opening, *closing};
    if (h.opening >= 24h || h.closing <= h.opening || h.closing - h.opening > 24h) return std::nullopt;
    return std::optional<core::day_hours>{h};
}

std::string const hours_form = "hours are \"HH:MM-HH:MM\" (opening before closing, within one day, e.g. \"09:00-18:00\") or \"closed\"";

void read_calendar(std::string const& path, toml::table const& booking, core::calendar_config& cal) {
    static constexpr std::array<std::string_view, 7> weekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    if (auto const* node = booking.get("hours")) {
        auto const* hours = node->as_table();
        if (!hours) fail(path, node, "[booking.hours] is a table: mon = \"09:00-18:00\", sun = \"closed\"");
        for (auto const& [key, value] : *hours) {
            auto day = std::find(weekdays.begin(), weekdays.end(), key.str());
            if (day == weekdays.end()) fail(path, &value, "[booking.hours] names weekdays: mon, tue, wed, thu, fri, sat, sun");
            auto h = hours_of(value.value<std::string>().value_or(""));
            if (!h) fail(path, &value, "'" + std::string(key.str()) + "': " + hours_form);
            cal.weekly[static_cast<std::size_t>(day - weekdays.begin())] = *h;
        }
    }
    if (auto const* node = booking.get("holidays")) {
        auto const* list = node->as_array();
        if (!list || list->size() > 1000) fail(path, node, "holidays is a list of at most 1000 dates, e.g. [\"2026-12-31\"]");
        for (auto const& element : *list) {
            auto day = date_of(element.value<std::string>().value_or(""));
            if (!day) fail(path, &element, "a holiday is a date \"YYYY-MM-DD\"");
            cal.holidays.insert(*day);
        }
    }
    if (auto const* node = booking.get("exceptions")) {
        auto const* days = node->as_table();
        if (!days || days->size() > 1000)
            fail(path, node, "[booking.exceptions] is a table of at most 1000 dates: \"2026-12-30\" = \"09:00-13:00\"");
        for (auto const& [key, value] : *days) {
            auto day = date_of(key.str());
            if (!day) fail(path, &value, "an exception is named by its date \"YYYY-MM-DD\", not '" + std::string(key.str()) + "'");
            auto h = hours_of(value.value<std::string>().value_or(""));
            if (!h) fail(path, &value, "'" + std::string(key.str()) + "': " + hours_form);
            if (*h) cal.exceptions[*day] = **h;
            else cal.holidays.insert(*day);
        }
    }
}

// The service's own keys, over the [booking] table's defaults.
core::booking_service_rules service_rules(std::string const& path, toml::table const& t, core::booking_service_rules base) {
    if (auto const* node = t.get("bookable")) {
        auto b = node->value<bool>();
        if (!b) fail(path, node, "'bookable' is true or false");
        base.bookable = *b;
    }
    base.daily_cap = number(path, t, "booking_daily_cap", base.daily_cap, 0, 100'000);
    base.slot_length = std::chrono::minutes(number(path, t, "booking_slot_minutes", static_cast<int>(base.slot_length.count()), 5, 240));
    base.walk_in_percent = number(path, t, "booking_walk_in_percent", base.walk_in_percent, 0, 100);
    base.max_overbook_percent = number(path, t, "booking_max_overbook_percent", base.max_overbook_percent, 0, 100);
    if (t.get("booking_counters")) base.planned_counters = static_cast<std::size_t>(number(path, t, "booking_counters", 1, 1, 10'000));
    return base;
}

constexpr std::string_view service_keys[] = {"bookable", "booking_daily_cap", "booking_slot_minutes", "booking_walk_in_percent",
                                             "booking_max_overbook_percent", "booking_counters"};

void read_portals(std::string const& path, toml::table const& root, net::settings& s) {
    auto const* node = root.get("portal");
    if (!node) return;
    auto const* list = node->as_array();
    if (!list || list->size() > 100) fail(path, node, "'portal' is a list of at most 100 [[portal]] tables");
    std::map<std::string, toml::node const*> names, keys;
    for (auto const& element : *list) {
        auto const* t = element.as_table();
        if (!t) fail(path, &element, "each [[portal]] entry is a table");
        auto name = t->get("name") ? t->get("name")->value<std::string>() : std::nullopt;
        bool plain = name && !name->empty() && name->size() <= core::max_portal_name && core::is_plain_text(*name);
        if (!plain) fail(path, t->get("name") ? t->get("name") : t, "a portal's 'name' is 1 to 64 bytes of text, e.g. \"egov\"");
        if (name->starts_with(core::staff_booking_prefix))
            fail(path, t->get("name"), "a portal's 'name' may not begin with \"staff:\": staff bookings are named so");
        if (*name == net::phone_author)  // a portal so named would see and cancel the citizens' own bookings
            fail(path, t->get("name"), "a portal may not be named \"phone\": bookings citizens make on the phone page are named so");
        if (*name == net::kiosk_author)  // likewise the bookings kiosks make after the last ticket
            fail(path, t->get("name"), "a portal may not be named \"kiosk\": bookings kiosks make after the last ticket are named so");
        auto key = t->get("key_sha256") ? t->get("key_sha256")->value<std::string>() : std::nullopt;
        bool hex = key && key->size() == 64 && std::all_of(key->begin(), key->end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (!hex)
            fail(path, t->get("key_sha256") ? t->get("key_sha256") : t,
                 "portal '" + *name + "': 'key_sha256' is the SHA-256 of its API key, 64 hex digits (`printf %s KEY | sha256sum`)");
        std::transform(key->begin(), key->end(), key->begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
        if (auto [at, fresh] = names.emplace(*name, t->get("name")); !fresh)
            fail(path, t->get("name"), "portal '" + *name + "' is listed twice (first at line " + std::to_string(at->second->source().begin.line) + ")");
        if (auto [at, fresh] = keys.emplace(*key, t->get("key_sha256")); !fresh)
            fail(path, t->get("key_sha256"), "portal '" + *name + "' has the key of another portal (line " +
                                                 std::to_string(at->second->source().begin.line) + "): each needs its own");
        s.portals.push_back({*name, *key});
    }
}

}  // namespace

void read_booking(std::string const& path, toml::table const& root, net::settings& s) {
    read_portals(path, root, s);
    auto const* services = root.get_as<toml::array>("services");
    auto const* node = root.get("booking");
    if (!node) {
        for (auto const& entry : *services)
            for (auto key : service_keys)
                if (auto const* at = entry.as_table()->get(key))
                    fail(path, at, "'" + std::string(key) + "' needs a [booking] table (without it nothing is bookable)");
        return;
    }
    auto const* booking = node->as_table();
    if (!booking) fail(path, node, "'booking' is a table: write its keys under one [booking]");
    auto config = core::booking_config::defaults(s.centre);
    config.days_ahead = number(path, *booking, "days_ahead", config.days_ahead, 0, core::max_days_ahead);
    config.window_before = std::chrono::minutes(number(path, *booking, "check_in_before_minutes", 30, 0, 1440));
    config.window_after = std::chrono::minutes(number(path, *booking, "check_in_after_minutes", 10, 0, 1440));
    config.no_show_minimum = static_cast<std::size_t>(number(path, *booking, "no_show_minimum", 20, 0, 100'000));
    core::booking_service_rules base;
    base.slot_length = std::chrono::minutes(number(path, *booking, "slot_minutes", 30, 5, 240));
    base.walk_in_percent = number(path, *booking, "walk_in_percent", base.walk_in_percent, 0, 100);
    base.max_overbook_percent = number(path, *booking, "max_overbook_percent", base.max_overbook_percent, 0, 100);
    s.phone_bookings_per_address = number(path, *booking, "phone_bookings_per_address", s.phone_bookings_per_address, 0, 1000);
    s.phone_requests_per_minute = number(path, *booking, "phone_requests_per_minute", s.phone_requests_per_minute, 1, 100'000);
    read_calendar(path, *booking, config.calendar);
    for (std::size_t i = 0; i < services->size(); ++i) config.services[i] = service_rules(path, *(*services)[i].as_table(), base);
    if (auto problem = core::validate(config, s.centre); !problem.empty()) fail(path, booking, "[booking]: " + problem);
    s.booking = std::move(config);
}

}  // namespace novbe::app
