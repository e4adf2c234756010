#include "config_export.hpp"

#include "app/config_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

namespace novbe::app {

namespace {

std::string lower(std::string name, std::size_t drop) {  // "ROLE_CLERK" -> "clerk"
    name = name.substr(drop);
    for (auto& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return name;
}

toml::table names_of(google::protobuf::Map<std::string, std::string> const& names) {
    toml::table out;
    for (auto const& [lang, name] : names) out.insert_or_assign(lang, name);
    return out;
}

// The file's own table of a service or counter, for the keys the wire cannot carry or change
// (service_minutes, booking keys, a counter's normal_per_priority): kept as the file says.
template <class Matches>
toml::table const* file_entry(toml::table const& file, std::string_view list, Matches matches) {
    if (auto const* entries = file[list].as_array())
        for (auto const& e : *entries)
            if (auto const* t = e.as_table(); t && matches(*t)) return t;
    return nullptr;
}

// A set-up a file cannot say, which an older server accepted (today's commands refuse it): the
// export names it and what to change rather than write a file check-config refuses.
[[noreturn]] void cannot_say(std::string const& what, std::string const& change) {
    throw config_error(what + ", which a configuration file cannot say: " + change + ", then export again");
}

void check_sayable(v1::ServiceInfo const& s, std::map<std::string, v1::ServiceInfo const*>& agencies) {
    for (auto wait : {s.target_wait_s(), s.max_wait_s()})
        if (wait % 60 != 0)
            cannot_say("service " + s.id() + " has a wait of " + std::to_string(wait) + " s",
                       "give it whole minutes (service change --id " + s.id() + " --target-minutes N --max-minutes N)");
    if (s.agency().empty()) return;
    if (s.agency_names().empty())
        cannot_say("agency " + s.agency() + " of service " + s.id() + " has no names",
                   "name it (service change --id " + s.id() + " --agency " + s.agency() + " --agency-names 'LANG=NAME;...')");
    auto [first, fresh] = agencies.emplace(s.agency(), &s);
    auto const same = [](auto const& a, auto const& b) {
        return std::map<std::string, std::string>(a.begin(), a.end()) == std::map<std::string, std::string>(b.begin(), b.end());
    };
    if (!fresh && !same(first->second->agency_names(), s.agency_names()))
        cannot_say("agency " + s.agency() + " has other names on service " + s.id() + " than on " + first->second->id(),
                   "name it once (service change --id " + s.id() + " --agency " + s.agency() +
                       " --agency-names ... renames it for all its services)");
}

void keep_file_keys(toml::table& out, toml::table const* had, std::initializer_list<std::string_view> written) {
    if (!had) return;
    for (auto const& [k, v] : *had)
        if (std::find(written.begin(), written.end(), k.str()) == written.end()) out.insert_or_assign(k.str(), v);
}

// The calendar a file without [booking] gives: the centre's hours every day, nothing else.
bool file_default_calendar(v1::CentreInfo const& c) {
    auto const& cal = c.calendar();
    if (cal.holidays_size() > 0 || cal.exceptions_size() > 0 || cal.weekly_size() != 7) return false;
    return std::all_of(cal.weekly().begin(), cal.weekly().end(), [&](v1::DayHours const& h) {
        return !h.closed() && h.opening() == c.opening() && h.closing() == c.closing();
    });
}

std::string hours_value(v1::DayHours const& h) { return h.closed() ? "closed" : h.opening() + "-" + h.closing(); }

// docs/SETUP.md#hours-and-holidays: the calendar the log holds, as [booking]'s hours, holidays
// and exceptions (the table's other keys as the file says them).
void write_calendar(toml::table& root, v1::Calendar const& cal) {
    static constexpr std::array<char const*, 7> weekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    toml::table booking;
    if (auto const* had = root["booking"].as_table()) booking = *had;
    toml::table hours;
    for (int i = 0; i < cal.weekly_size() && i < 7; ++i) hours.insert_or_assign(weekdays[static_cast<std::size_t>(i)], hours_value(cal.weekly(i)));
    booking.insert_or_assign("hours", std::move(hours));
    toml::array holidays;
    for (auto const& d : cal.holidays()) holidays.push_back(d);
    if (holidays.empty()) booking.erase("holidays");
    else booking.insert_or_assign("holidays", std::move(holidays));
    toml::table exceptions;
    for (auto const& e : cal.exceptions()) exceptions.insert_or_assign(e.date(), hours_value(e.hours()));
    if (exceptions.empty()) booking.erase("exceptions");
    else booking.insert_or_assign("exceptions", std::move(exceptions));
    root.insert_or_assign("booking", std::move(booking));
}

}  // namespace

std::string export_toml(std::string const& file_path, centre_set_up const& now) {
    toml::table root;
    try {
        root = toml::parse_file(file_path);
    } catch (toml::parse_error const& e) {
        throw config_error(file_path + ": " + std::string(e.description()));
    }
    auto const file = root;
    std::ostringstream retired;
    toml::array services;
    toml::table agencies;
    std::map<std::string, v1::ServiceInfo const*> agency_of;
    // A centre that books: a service added at runtime takes no bookings, while a file's service
    // without `bookable` would, so the export says it.
    // A file without [booking] gets one for a calendar an admin set, with nothing bookable, as before.
    bool const calendar = file.contains("booking") || !file_default_calendar(now.centre);
    bool const books = calendar || std::any_of(now.centre.services().begin(), now.centre.services().end(),
                                               [](v1::ServiceInfo const& s) { return s.bookable(); });
    for (auto const& s : now.centre.services()) {
        if (s.retired()) {
            retired << "#   service " << s.id() << " (prefix " << s.prefix() << ")\n";
            continue;
        }
        check_sayable(s, agency_of);
        toml::table t{{"id", s.id()}, {"prefix", s.prefix()}, {"names", names_of(s.names())},
                      {"target_wait_minutes", s.target_wait_s() / 60}, {"max_wait_minutes", s.max_wait_s() / 60}};
        if (!s.agency().empty()) {
            t.insert_or_assign("agency", s.agency());
            if (!agencies.contains(s.agency())) agencies.insert_or_assign(s.agency(), names_of(s.agency_names()));
        }
        keep_file_keys(t, file_entry(file, "services", [&](toml::table const& e) { return e["id"].value<std::string>() == s.id(); }),
                       {"id", "prefix", "names", "target_wait_minutes", "max_wait_minutes", "agency"});
        if (books && !s.bookable()) t.insert_or_assign("bookable", false);
        services.push_back(std::move(t));
    }
    toml::array counters;
    for (auto const& c : now.centre.counters()) {
        if (c.retired()) {
            retired << "#   counter " << c.number() << "\n";
            continue;
        }
        if (c.service_ids().empty())
            cannot_say("counter " + std::to_string(c.number()) + " serves no service",
                       "give it one (counter change --number " + std::to_string(c.number()) + " --services ID) or retire it");
        toml::array ids;
        for (auto const& id : c.service_ids()) ids.push_back(id);
        toml::table t{{"number", static_cast<std::int64_t>(c.number())}, {"services", std::move(ids)},
                      {"policy", lower(v1::RoutingPolicy_Name(c.policy()), 15)}};
        if (!c.name().empty()) t.insert_or_assign("name", c.name());
        keep_file_keys(t, file_entry(file, "counters", [&](toml::table const& e) { return e["number"].value<std::int64_t>() == c.number(); }),
                       {"number", "services", "policy", "name"});
        counters.push_back(std::move(t));
    }
    root.erase("users");
    root.erase("devices");
    root.insert_or_assign("services", std::move(services));
    root.insert_or_assign("counters", std::move(counters));
    if (calendar) write_calendar(root, now.centre.calendar());
    if (agencies.empty()) root.erase("agencies");
    else root.insert_or_assign("agencies", std::move(agencies));

    std::ostringstream out;
    out << "# The centre's set-up as its log holds it, exported by novbe-server config export from\n"
        << "# " << file_path << " and the centre (docs/SETUP.md#config-export).\n\n"
        << toml::toml_formatter(root) << "\n";
    if (!retired.str().empty()) out << "\n# Retired in the log (a file cannot retire them; a new centre leaves them out):\n" << retired.str();
    out << "\n# Users in the log (their secrets stay there: `novbe-server user add` for a new centre):\n";
    for (auto const& u : now.users.users())
        out << "#   user " << u.name() << " " << lower(v1::Role_Name(u.role()), 5) << (u.disabled() ? " disabled" : "") << "\n";
    out << "# Devices in the log (their tokens stay there: `novbe-server device add` for a new centre):\n";
    for (auto const& d : now.devices.devices())
        out << "#   device " << d.name() << " " << lower(v1::Role_Name(d.role()), 5)
            << (d.counter() ? " counter " + std::to_string(d.counter()) : std::string()) << (d.revoked() ? " revoked" : "") << "\n";
    return out.str();
}

}  // namespace novbe::app
