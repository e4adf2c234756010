#include "config_check.hpp"

#include "app/config_file.hpp"
#include "app/roster_seed.hpp"
#include "app/setup_seed.hpp"

namespace novbe::app {

v1::ConfigCheck check_config(std::string const& toml, net::settings const& running, core::calendar_config const& calendar,
                             core::centre const& centre, core::time_point now) {
    v1::ConfigCheck out;
    net::settings file;
    try {
        file = parse_config(toml, "file");
    } catch (std::exception const& e) {
        out.add_problems(e.what());
        return out;
    }
    for (auto const& what : needs_restart(running, file)) out.add_restart(what + " changed: needs a restart");
    auto plan = plan_file(file, centre, file_reread{calendar, now});
    // Each command as SIGHUP would apply it, on a copy: a later one sees the earlier ones' effect
    // (a counter naming a service the file adds), and the running centre is never touched.
    auto trial = centre;
    for (auto const& cmd : plan.commands) {
        auto result = trial.decide(cmd, now);
        if (!result.ok()) {
            out.add_refused(action(cmd) + " (" + refusal_words(result) + ")");
            continue;
        }
        if (result.events().empty()) continue;  // changes nothing (a date the log does not hold): not named, as on SIGHUP
        for (auto const& ev : result.events()) trial.apply(ev);
        out.add_live(action(cmd));
    }
    for (auto const& line : plan.kept) out.add_kept(line);
    return out;
}

}  // namespace novbe::app
