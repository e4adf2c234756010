#include "setup_seed.hpp"

#include "app/calendar_seed.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

namespace novbe::app {

namespace {

std::string const by = "config";

// The file's services of a counter, as the engine numbers them; nullopt if one is unknown there.
std::optional<std::vector<core::service_index>> in_engine(core::counter_config const& counter, core::centre_config const& file,
                                                          core::centre_config const& engine) {
    std::vector<core::service_index> out;
    for (auto s : counter.services) {
        auto index = engine.find_service(file.services[s].id);
        if (!index) return std::nullopt;
        out.push_back(*index);
    }
    return out;
}

}  // namespace

seed_plan plan_set_up(core::centre_config const& file, core::centre_config const& engine) {
    seed_plan plan;
    auto known = engine;  // as it will be once the services below are added
    for (auto const& s : file.services) {
        auto index = engine.find_service(s.id);
        if (!index) {
            auto added = s;
            // An agency the log has keeps the log's names (the log wins): the service takes them
            // rather than renaming the agency (docs/SETUP.md#services-and-counters-at-runtime).
            if (std::any_of(engine.services.begin(), engine.services.end(),
                            [&](auto const& e) { return !e.retired && !s.agency.empty() && e.agency == s.agency; }))
                added.agency_names.clear();
            plan.commands.push_back(core::add_service{added, by});
            known.services.push_back(std::move(added));
            continue;
        }
        auto const& had = engine.services[*index];
        if (had.retired) plan.kept.push_back("service " + s.id + ": retired in the log; the file cannot offer it again");
        else if (had.names != s.names || had.target_wait != s.target_wait || had.max_wait != s.max_wait ||
                 had.agency != s.agency || had.agency_names != s.agency_names || had.prefix != s.prefix ||
                 had.default_service_time != s.default_service_time)
            plan.kept.push_back("service " + s.id + ": the log's set-up of it, not the file's; the log wins");
    }
    for (auto const& c : file.counters) {
        auto services = in_engine(c, file, known);
        auto const* had = engine.find_counter(c.number);
        if (!had) {
            auto counter = c;
            if (services) counter.services = *services;
            plan.commands.push_back(core::add_counter{std::move(counter), by});
            continue;
        }
        if (had->retired) plan.kept.push_back("counter " + std::to_string(c.number) + ": retired in the log; the file cannot open it again");
        else if (!services || had->services != *services || had->name != c.name || had->policy != c.policy ||
                 had->normal_per_priority != c.normal_per_priority)
            plan.kept.push_back("counter " + std::to_string(c.number) + ": the log's set-up of it, not the file's; the log wins");
    }
    // What the file no longer names stays: the log holds it (docs/SETUP.md#when-the-file-and-the-log-disagree).
    for (auto const& s : engine.services)
        if (!s.retired && !file.find_service(s.id))
            plan.kept.push_back("service " + s.id + ": in the log, not in the file; the log wins (retire it on the admin page)");
    for (auto const& c : engine.counters)
        if (!c.retired && !file.find_counter(c.number))
            plan.kept.push_back("counter " + std::to_string(c.number) +
                                ": in the log, not in the file; the log wins (retire it on the admin page)");
    return plan;
}

seed_plan plan_file(net::settings const& file, core::centre const& centre, std::optional<file_reread> const& reread) {
    auto plan = plan_set_up(file.centre, centre.config());
    auto roster = plan_seed(file, centre.roster());
    plan.commands.insert(plan.commands.end(), roster.commands.begin(), roster.commands.end());
    plan.kept.insert(plan.kept.end(), roster.kept.begin(), roster.kept.end());
    auto const cal = calendar_of(file);
    if (!reread) {
        if (auto kept = calendar_kept(cal, centre)) plan.kept.push_back(*kept);
        return plan;
    }
    auto const& r = centre.config().rules;
    auto changes = calendar_changes(reread->was, cal, core::day_of(reread->now, r.utc_offset, r.day_start));
    plan.commands.insert(plan.commands.end(), changes.begin(), changes.end());
    return plan;
}

std::string subject(core::command const& cmd) {
    return std::visit([](auto const& c) -> std::string {
        if constexpr (requires { c.config.id; }) return "service " + c.config.id;
        else if constexpr (requires { c.config.number; }) return "counter " + std::to_string(c.config.number);
        else if constexpr (requires { std::string(c.name); }) return c.name;
        else return "calendar";
    }, cmd);
}

std::string action(core::command const& cmd) {
    return std::visit([&](auto const& c) -> std::string {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, core::add_service> || std::is_same_v<C, core::add_counter>) return "add " + subject(cmd);
        else if constexpr (std::is_same_v<C, core::add_user>) return "add user " + c.name;
        else if constexpr (std::is_same_v<C, core::change_user>) return "disable user " + c.name;  // all the file may do
        else if constexpr (std::is_same_v<C, core::add_device>) return "add device " + c.name;
        else if constexpr (std::is_same_v<C, core::change_device>) return "revoke device " + c.name;  // likewise
        else if constexpr (std::is_same_v<C, core::set_weekly_hours>) return "set the weekly hours";
        else if constexpr (std::is_same_v<C, core::set_holiday>) return (c.holiday ? "add holiday " : "remove holiday ") + core::date_text(c.day);
        else if constexpr (std::is_same_v<C, core::set_exception>)
            return c.hours ? "set exception " + core::date_text(c.day) + " " + core::hours_text(c.hours->opening) + "-" +
                                 core::hours_text(c.hours->closing)
                           : "remove exception " + core::date_text(c.day);
        else return subject(cmd);
    }, cmd);
}

std::string refusal_words(core::outcome const& result) {
    auto const& detail = result.detail();
    return std::string(core::name(result.error())) + ": " + (detail.empty() ? make_error_code(result.error()).message() : detail);
}

}  // namespace novbe::app
