// decide() for services and counters at runtime (docs/SETUP.md#services-and-counters-at-runtime):
// ids, prefixes and numbers are kept for good, a retired one keeps its place and history.
#include "decide_setup.hpp"

#include <algorithm>

namespace novbe::core {

namespace {

constexpr counter_number max_counter_number = 9999;  // as the file, the speech and the CLI bound it

// Names per language, as kiosks and boards show them: a few languages, a line each. The first
// thing wrong, in words ("its name in 'az' is not 1 to 128 bytes"); empty when nothing is.
std::string names_problem(std::map<std::string, std::string> const& names, bool required) {
    if (required && names.empty()) return "it needs a name in each of the centre's languages";
    if (names.size() > max_names) return "it is named in more than " + std::to_string(max_names) + " languages";
    for (auto const& [language, name] : names) {
        if (language.empty() || language.size() > 16 || !is_plain_text(language)) return "a language code has 1 to 16 bytes, one line";
        if (name.empty() || name.size() > max_service_name) return "its name in '" + language + "' is not 1 to 128 bytes";
        if (!is_plain_text(name)) return "its name in '" + language + "' holds a control character (a name is one line of text)";
    }
    return {};
}

std::string capital(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// Named when it is a plain id, so an admin sees which of theirs was wrong; never echoed raw.
outcome no_service(std::string const& id) {
    if (id.empty() || id.size() > max_setup_name || !is_plain_text(id)) return errc::unknown_service;
    return {errc::unknown_service, "There is no service '" + id + "' in this centre (services are named by id)."};
}

outcome wrong(std::string const& problem) { return {errc::invalid_argument, capital(problem) + "."}; }

// The service as a command leaves it; refusals name it (its id was checked first).
outcome check_service(service_config const& s) {
    auto const which = "service '" + s.id + "'";
    if (auto problem = validate_service(s); !problem.empty()) return wrong(problem);
    if (auto problem = names_problem(s.names, true); !problem.empty()) return wrong(which + ": " + problem);
    if (s.agency.size() > max_setup_name || !is_plain_text(s.agency)) return wrong(which + ": an agency id has at most 64 bytes, one line");
    if (auto problem = names_problem(s.agency_names, false); !problem.empty()) return wrong(which + "'s agency: " + problem);
    if (s.retired) return wrong(which + " is retired by RetireService, not set so");
    return std::vector<event>{};
}

outcome check_services(centre const& c, counter_config const& counter) {
    auto const which = "counter " + std::to_string(counter.number);
    if (counter.number == 0 || counter.number > max_counter_number) return wrong("a counter's number is 1 to 9999");
    if (counter.services.empty()) return wrong(which + " needs at least one service");
    if (counter.services.size() > max_counter_services)
        return wrong(which + " serves at most " + std::to_string(max_counter_services) + " services");
    if (auto problem = validate_counter(counter, c.config()); !problem.empty()) return wrong(problem);
    if (!is_plain_text(counter.name)) return wrong(which + "'s name holds a control character (a name is one line of text)");
    if (counter.retired) return wrong(which + " is retired by RetireCounter, not set so");
    if (counter.policy > routing_policy::strict_service_order) return wrong("a routing policy is longest wait first or strict service order");
    for (auto s : counter.services)
        if (c.config().services[s].retired) return errc::service_retired;
    return std::vector<event>{};
}

// One agency, one set of names: kiosks group its services under them, and the file has one
// [agencies.ID] table. Names given are the agency's, for each of its services still offered (the
// events for the others); none given, a service that joins it takes the names it has; a new
// agency needs names. `joins`: the service is new to the agency.
outcome one_agency(centre const& c, service_config& s, bool given, bool joins, std::string const& by, time_point now) {
    if (s.agency.empty())
        return s.agency_names.empty() ? outcome(std::vector<event>{}) : wrong("agency names come with an agency id");
    if (joins && !given) s.agency_names.clear();
    std::vector<event> others;
    for (auto const& other : c.config().services) {
        if (other.retired || other.id == s.id || other.agency != s.agency) continue;
        if (!given) {
            if (joins) s.agency_names = other.agency_names;
            break;
        }
        if (other.agency_names == s.agency_names) continue;
        auto renamed = other;
        renamed.agency_names = s.agency_names;
        others.push_back(service_set{std::move(renamed), by, now});
    }
    if (s.agency_names.empty() && (given || joins))
        return wrong("agency '" + s.agency + "' is new: it needs names, one in each of the centre's languages");
    return others;
}

}  // namespace

// Each refusal names what is wrong (the protocol's Error.message): which id, whose prefix, the cap.
outcome decide_setup(centre const& c, add_service const& cmd, time_point now) {
    if (auto problem = service_id_problem(cmd.config.id); !problem.empty()) return {errc::invalid_argument, capital(problem) + "."};
    if (cmd.by.empty()) return errc::invalid_argument;
    if (auto e = check_service(cmd.config); !e.ok()) return e;
    auto const& config = c.config();
    auto const& id = cmd.config.id;
    if (auto had = config.find_service(id))
        return {errc::duplicate_name, "A service " + id + " exists already" +
                                          (config.services[*had].retired ? " (retired: an id is kept for good)." : ".")};
    if (auto owner = config.find_prefix(cmd.config.prefix)) {
        auto const& other = config.services[*owner];
        return {errc::prefix_taken, "Prefix " + cmd.config.prefix + " is taken by service " + other.id +
                                        (other.retired ? " (retired: a prefix is kept for good)." : ".")};
    }
    if (config.services.size() >= max_services)
        return {errc::setup_limit_reached, "A centre has at most " + std::to_string(max_services) +
                                               " services, retired ones included: this one would be one too many."};
    auto service = cmd.config;
    auto others = one_agency(c, service, !cmd.config.agency_names.empty(), true, cmd.by, now);
    if (!others.ok()) return others;
    std::vector<event> events{service_set{std::move(service), cmd.by, now}};
    events.insert(events.end(), others.events().begin(), others.events().end());
    return events;
}

outcome decide_setup(centre const& c, change_service const& cmd, time_point now) {
    auto index = c.config().find_service(cmd.id);
    if (!index) return no_service(cmd.id);
    auto const& was = c.config().services[*index];
    if (was.retired) return errc::service_retired;
    auto service = was;
    if (cmd.names) service.names = *cmd.names;
    if (cmd.target_wait) service.target_wait = *cmd.target_wait;
    if (cmd.max_wait) service.max_wait = *cmd.max_wait;
    if (cmd.agency) service.agency = *cmd.agency;
    if (cmd.agency_names) service.agency_names = *cmd.agency_names;
    if (cmd.by.empty()) return errc::invalid_argument;
    if (auto e = check_service(service); !e.ok()) return e;
    auto others = one_agency(c, service, cmd.agency_names.has_value(), service.agency != was.agency, cmd.by, now);
    if (!others.ok()) return others;
    std::vector<event> events;
    if (service != was) events.push_back(service_set{std::move(service), cmd.by, now});
    events.insert(events.end(), others.events().begin(), others.events().end());
    return events;
}

// The counters serving it stop serving it in the same command, so no counter serves a retired
// service; one it would leave with none is refused, and so is the centre's last: a centre
// offers something and every counter serves something, as a file says them
// (docs/SETUP.md#config-export).
outcome decide_setup(centre const& c, retire_service const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    auto index = c.config().find_service(cmd.id);
    if (!index) return no_service(cmd.id);
    if (c.config().services[*index].retired) return errc::service_retired;
    if (!c.queue(*index).empty()) return errc::service_has_waiting;
    // A citizen's booking is never dropped unseen: the admin cancels or moves them first.
    auto const& all = c.appointments().all();
    auto booked = std::count_if(all.begin(), all.end(), [&](booking const& b) {
        return b.service == *index && b.state == booking_state::active;
    });
    if (booked > 0)
        return {errc::service_has_bookings, "This service has " + std::to_string(booked) +
                                                (booked == 1 ? " active booking" : " active bookings") +
                                                (booked == 1 ? ": cancel it or move it" : ": cancel them or move them") +
                                                " to another service first."};
    auto const& services = c.config().services;
    if (std::none_of(services.begin(), services.end(), [&](auto const& s) { return !s.retired && s.id != cmd.id; }))
        return {errc::last_service, "This is the centre's last service: add another first."};
    for (auto const& counter : c.config().counters)
        if (!counter.retired && counter.services == std::vector<service_index>{*index})
            return {errc::last_service, "Counter " + std::to_string(counter.number) +
                                            " serves only this service: give it another service, or retire it, first."};
    std::vector<event> events;
    auto service = c.config().services[*index];
    service.retired = true;
    events.push_back(service_set{std::move(service), cmd.by, now});
    for (auto const& counter : c.config().counters) {
        if (counter.retired) continue;  // it takes no changes, and serves nobody
        if (std::find(counter.services.begin(), counter.services.end(), *index) == counter.services.end()) continue;
        auto changed = counter;
        std::erase(changed.services, *index);
        events.push_back(counter_set{std::move(changed), cmd.by, now});
    }
    return events;
}

outcome decide_setup(centre const& c, add_counter const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    if (auto e = check_services(c, cmd.config); !e.ok()) return e;
    if (auto const* had = c.config().find_counter(cmd.config.number))
        return {errc::duplicate_name, "Counter " + std::to_string(had->number) + " exists already" +
                                          (had->retired ? " (retired: a number is kept for good)." : ".")};
    if (c.config().counters.size() >= max_counters)
        return {errc::setup_limit_reached, "A centre has at most " + std::to_string(max_counters) +
                                               " counters, retired ones included: this one would be one too many."};
    return std::vector<event>{counter_set{cmd.config, cmd.by, now}};
}

outcome decide_setup(centre const& c, change_counter const& cmd, time_point now) {
    auto const* was = c.config().find_counter(cmd.number);
    if (!was) return errc::unknown_counter;
    if (was->retired) return errc::counter_retired;
    auto counter = *was;
    if (cmd.name) counter.name = *cmd.name;
    if (cmd.services) counter.services = *cmd.services;
    if (cmd.policy) counter.policy = *cmd.policy;
    if (cmd.by.empty()) return errc::invalid_argument;
    if (auto e = check_services(c, counter); !e.ok()) return e;
    if (counter == *was) return std::vector<event>{};
    return std::vector<event>{counter_set{std::move(counter), cmd.by, now}};
}

outcome decide_setup(centre const& c, retire_counter const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    auto const* was = c.config().find_counter(cmd.number);
    if (!was) return errc::unknown_counter;
    if (was->retired) return errc::counter_retired;
    auto const* state = c.find_counter(cmd.number);
    auto const which = "Counter " + std::to_string(cmd.number);
    if (state->current) return {errc::counter_in_use, which + " has a ticket at it: it is finished there, then the counter closed, first."};
    if (state->open)
        return {errc::counter_in_use, which + " is open (" + state->clerk + "'s): it is closed first, by its clerk or a manager who takes it over."};
    auto counter = *was;
    counter.retired = true;
    return std::vector<event>{counter_set{std::move(counter), cmd.by, now}};
}

}  // namespace novbe::core
