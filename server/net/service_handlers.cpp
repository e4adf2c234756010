#include "service_handlers.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

// Switches over protobuf enums default on purpose (see dispatcher.cpp).
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

namespace {

using M = v1::ClientMessage;
using made = std::variant<action, refusal>;

constexpr std::int64_t max_wait_s = 24 * 3600;  // a day: a longer target is a typing error

std::map<std::string, std::string> names_of(google::protobuf::Map<std::string, std::string> const& in) {
    return {in.begin(), in.end()};
}

// Whole minutes, as the file and the command line say waits (docs/SETUP.md#config-export): a
// centre's set-up is one its export can say.
std::optional<core::duration> seconds_of(std::int64_t s) {
    if (s <= 0 || s > max_wait_s || s % 60 != 0) return std::nullopt;
    return std::chrono::duration_cast<core::duration>(std::chrono::seconds(s));
}

std::optional<core::routing_policy> policy_of(v1::RoutingPolicy p) {
    switch (p) {
    case v1::ROUTING_POLICY_LONGEST_WAIT_FIRST: return core::routing_policy::longest_wait_first;
    case v1::ROUTING_POLICY_STRICT_SERVICE_ORDER: return core::routing_policy::strict_service_order;
    default: return std::nullopt;
    }
}

// Ids the engine knows, in order; the first it does not is refused by name (UNKNOWN_SERVICE).
std::variant<std::vector<core::service_index>, refusal> services_of(core::centre const& c,
                                                                    google::protobuf::RepeatedPtrField<std::string> const& ids) {
    std::vector<core::service_index> out;
    for (auto const& id : ids) {
        auto s = c.config().find_service(id);
        if (!s) {
            auto const shown = id.size() <= 64 && core::is_plain_text(id) ? "'" + id + "'" : "of " + std::to_string(id.size()) + " bytes";
            return refusal{v1::ERROR_CODE_UNKNOWN_SERVICE, "There is no service " + shown + " in this centre (services are named by id)."};
        }
        out.push_back(*s);
    }
    return out;
}

void centre_reply(command_context const& x, action& a) {
    a.reply = [&settings = x.config](core::centre const& c, v1::Reply& r) { *r.mutable_centre() = centre_info(settings, c); };
}

made with_centre(command_context const& x, core::command cmd) {
    action a{std::move(cmd), {}};
    centre_reply(x, a);
    return a;
}

refusal out_of_range() {
    return refusal{v1::ERROR_CODE_INVALID_ARGUMENT,
                   "A wait is whole minutes, 1 minute to 24 hours (60 to 86400 seconds), and the target at most the maximum."};
}

}  // namespace

namespace {

std::optional<made> names_refused(command_context const& x, std::map<std::string, std::string> const& names) {
    auto problem = languages_problem(names, x.config.profile.languages);
    if (problem.empty()) return std::nullopt;
    return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A service needs a name in each of the centre's languages (" +
                                                        listed(x.config.profile.languages) + "), and in no other; this one has " +
                                                        problem + "."};
}

}  // namespace

// A service's names are one per language of the centre, no more and no fewer: kiosks show it in
// each, and the file's export must load again.
std::string languages_problem(std::map<std::string, std::string> const& names, std::vector<std::string> const& languages) {
    for (auto const& l : languages)
        if (!names.contains(l)) return "no name in '" + l + "'";
    for (auto const& [l, name] : names)
        if (std::find(languages.begin(), languages.end(), l) == languages.end())
            return l.size() <= 16 && core::is_plain_text(l) ? "a name in '" + l + "'" : "a name in another language";  // never echoed raw
    return {};
}

std::string listed(std::vector<std::string> const& languages) {
    std::string out;
    for (auto const& l : languages) out += (out.empty() ? "" : ", ") + l;
    return out;
}

made setup_add_service(command_context const& x, M const& m) {
    auto const& in = m.add_service().service();
    core::service_config s{.id = in.id(), .prefix = in.prefix(), .names = names_of(in.names()),
                           .agency = in.agency(), .agency_names = names_of(in.agency_names())};
    if (in.target_wait_s() != 0 || in.max_wait_s() != 0) {
        auto target = seconds_of(in.target_wait_s());
        auto most = seconds_of(in.max_wait_s());
        if (!target || !most) return out_of_range();
        s.target_wait = *target;
        s.max_wait = *most;
    }
    if (auto wrong = names_refused(x, s.names)) return *wrong;
    return with_centre(x, core::add_service{std::move(s), x.who.user});
}

made setup_change_service(command_context const& x, M const& m) {
    auto const& in = m.change_service();
    core::change_service cmd{.id = in.id(), .by = x.who.user};
    if (in.names_size() > 0) cmd.names = names_of(in.names());
    if (auto wrong = cmd.names ? names_refused(x, *cmd.names) : std::nullopt) return *wrong;  // they replace all of them
    if (in.target_wait_s() != 0 && !(cmd.target_wait = seconds_of(in.target_wait_s()))) return out_of_range();
    if (in.max_wait_s() != 0 && !(cmd.max_wait = seconds_of(in.max_wait_s()))) return out_of_range();
    if (!in.agency().empty()) cmd.agency = in.agency();
    if (in.agency_names_size() > 0) cmd.agency_names = names_of(in.agency_names());
    return with_centre(x, std::move(cmd));
}

made setup_retire_service(command_context const& x, M const& m) {
    return with_centre(x, core::retire_service{m.retire_service().id(), x.who.user});
}

made setup_add_counter(command_context const& x, M const& m) {
    auto const& in = m.add_counter().counter();
    auto policy = in.policy() == v1::ROUTING_POLICY_UNSPECIFIED ? core::routing_policy::longest_wait_first
                                                                 : policy_of(in.policy()).value_or(core::routing_policy{255});
    auto services = services_of(x.state, in.service_ids());
    if (auto const* no = std::get_if<refusal>(&services)) return *no;
    // Without a name, the one the file gives a counter without one, so that its export says it.
    core::counter_config counter{.number = in.number(),
                                 .name = in.name().empty() ? "Counter " + std::to_string(in.number()) : in.name(),
                                 .services = std::get<std::vector<core::service_index>>(std::move(services)), .policy = policy};
    return with_centre(x, core::add_counter{std::move(counter), x.who.user});
}

made setup_change_counter(command_context const& x, M const& m) {
    auto const& in = m.change_counter();
    core::change_counter cmd{.number = in.number(), .by = x.who.user};
    if (!in.name().empty()) cmd.name = in.name();
    if (in.service_ids_size() > 0) {
        auto services = services_of(x.state, in.service_ids());
        if (auto const* no = std::get_if<refusal>(&services)) return *no;
        cmd.services = std::get<std::vector<core::service_index>>(std::move(services));
    }
    if (in.policy() != v1::ROUTING_POLICY_UNSPECIFIED) {
        cmd.policy = policy_of(in.policy());
        if (!cmd.policy) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A routing policy is longest wait first or strict service order."};
    }
    return with_centre(x, std::move(cmd));
}

made setup_retire_counter(command_context const& x, M const& m) {
    return with_centre(x, core::retire_counter{m.retire_counter().number(), x.who.user});
}

}  // namespace novbe::net
