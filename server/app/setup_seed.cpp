#include "setup_seed.hpp"

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
            plan.commands.push_back(core::add_service{s, by});
            known.services.push_back(s);
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
    return plan;
}

}  // namespace novbe::app
