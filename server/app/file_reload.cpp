#include "file_reload.hpp"

#include "app/calendar_seed.hpp"
#include "app/config_file.hpp"
#include "app/roster_seed.hpp"
#include "net/log.hpp"

#include <algorithm>
#include <variant>

namespace novbe::app {

namespace {

// What the log's set-up offers now: retired services and counters, disabled users and revoked
// devices are named apart, so the figures are those in use.
std::string live_set_up(core::centre const& c) {
    auto count = [](auto const& all, auto gone) {
        auto const out = static_cast<std::size_t>(std::count_if(all.begin(), all.end(), gone));
        return std::pair{all.size() - out, out};
    };
    auto [services, retired_services] = count(c.config().services, [](auto const& s) { return s.retired; });
    auto [counters, retired_counters] = count(c.config().counters, [](auto const& k) { return k.retired; });
    auto [users, disabled] = count(c.roster().users, [](auto const& u) { return u.disabled; });
    auto [devices, revoked] = count(c.roster().devices, [](auto const& d) { return d.revoked; });
    auto besides = [](std::size_t n, char const* what) { return n ? " (and " + std::to_string(n) + " " + what + ")" : std::string(); };
    return std::to_string(services) + " services" + besides(retired_services, "retired") + ", " + std::to_string(counters) +
           " counters" + besides(retired_counters, "retired") + ", " + std::to_string(users) + " users" +
           besides(disabled, "disabled") + " and " + std::to_string(devices) + " devices" + besides(revoked, "revoked") + " in use";
}

bool about_calendar(core::command const& cmd) {
    return std::holds_alternative<core::set_weekly_hours>(cmd) || std::holds_alternative<core::set_holiday>(cmd) ||
           std::holds_alternative<core::set_exception>(cmd);
}

std::string joined(std::vector<std::string> const& parts, char const* between) {
    std::string out;
    for (auto const& p : parts) out += (out.empty() ? "" : between) + p;
    return out;
}

}  // namespace

void apply_file(net::dispatcher& dispatch, net::centre_service const& centre, net::settings const& file, std::string const& when,
                std::optional<file_reread> const& reread) {
    auto plan = plan_file(file, centre.state(), reread);
    std::size_t applied = 0;
    std::vector<std::string> calendar_applied, calendar_refused;  // one line for the calendar: what took and what not
    for (auto const& cmd : plan.commands) {
        auto result = dispatch.apply_setup(cmd);
        if (about_calendar(cmd)) {
            // One that changes nothing (removing a date the log does not hold) is not named.
            if (!result.ok()) calendar_refused.push_back(action(cmd) + " (" + refusal_words(result) + ")");
            else if (!result.events().empty()) calendar_applied.push_back(action(cmd));
            applied += result.events().empty() ? 0 : 1;
            continue;
        }
        if (result.ok()) ++applied;
        if (!result.ok()) net::log_error("config (" + when + "): " + subject(cmd) + " not applied: " + refusal_words(result));
    }
    if (!calendar_applied.empty() || !calendar_refused.empty()) {
        auto line = "config (" + when + "): calendar from the file: " +
                    (calendar_applied.empty() ? std::string("nothing applied") : "applied " + joined(calendar_applied, ", "));
        if (!calendar_refused.empty()) line += "; refused " + joined(calendar_refused, "; ");
        calendar_refused.empty() ? net::log_info(line) : net::log_error(line);
    }
    for (auto const& line : plan.kept) net::log_info("config (" + when + "): " + line);
    net::log_info("config (" + when + "): " + std::to_string(applied) + " set-up changes from the file applied; the log holds " +
                  live_set_up(centre.state()));
}

void reload(std::string const& path, net::settings const& running, core::calendar_config& calendar, net::dispatcher& dispatch,
            net::centre_service const& centre) {
    net::settings file;
    try {
        file = load_config(path);
    } catch (std::exception const& e) {
        return net::log_error("config (SIGHUP): not applied, the file does not load: " + std::string(e.what()));
    }
    for (auto const& what : needs_restart(running, file))
        net::log_error("config (SIGHUP): " + what + " changed: not applied: needs a restart");
    apply_file(dispatch, centre, file, "SIGHUP", file_reread{calendar, centre.now()});
    // The next SIGHUP applies the edits made after this one: a refused change is not tried again
    // unless the file changes it again (or an admin makes it on the admin page).
    calendar = calendar_of(file);
}

}  // namespace novbe::app
