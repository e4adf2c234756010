#include "config.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace novbe::core {

std::optional<service_index> centre_config::find_service(std::string_view id) const {
    for (std::size_t i = 0; i < services.size(); ++i)
        if (services[i].id == id) return static_cast<service_index>(i);
    return std::nullopt;
}

std::optional<service_index> centre_config::find_prefix(std::string_view prefix) const {
    for (std::size_t i = 0; i < services.size(); ++i)
        if (services[i].prefix == prefix) return static_cast<service_index>(i);
    return std::nullopt;
}

counter_config const* centre_config::find_counter(counter_number number) const {
    auto it = std::find_if(counters.begin(), counters.end(), [&](auto const& c) { return c.number == number; });
    return it == counters.end() ? nullptr : &*it;
}

bool centre_config::knows_reason(std::string_view code) const {
    return std::any_of(reasons.begin(), reasons.end(), [&](auto const& r) { return r.code == code; });
}

std::vector<reason_config> default_reasons() {
    return {
        {"elderly", {{"en", "Elderly or disabled citizen"}, {"az", "Yaşlı və ya əlilliyi olan vətəndaş"},
                     {"ru", "Пожилой гражданин или человек с инвалидностью"}, {"fr", "Personne âgée ou handicapée"},
                     {"rw", "Umuturage ugeze mu zabukuru cyangwa ufite ubumuga"}}},
        {"returning", {{"en", "Came back with a missing document"}, {"az", "Çatışmayan sənədlə qayıdıb"},
                       {"ru", "Вернулся с недостающим документом"}, {"fr", "Revenu avec un document manquant"},
                       {"rw", "Yagarutse azanye inyandiko yaburaga"}}},
        {"wrong_service", {{"en", "Ticket taken for the wrong service"}, {"az", "Bilet səhv xidmətə götürülüb"},
                           {"ru", "Талон взят не на ту услугу"}, {"fr", "Ticket pris pour le mauvais service"},
                           {"rw", "Itike yafashwe kuri serivisi itari yo"}}},
        {"citizen_request", {{"en", "At the citizen's request"}, {"az", "Vətəndaşın xahişi ilə"},
                             {"ru", "По просьбе гражданина"}, {"fr", "À la demande du citoyen"},
                             {"rw", "Ku busabe bw'umuturage"}}},
        {"clerk_absent", {{"en", "The clerk is absent or ill"}, {"az", "İşçi yerində deyil və ya xəstədir"},
                          {"ru", "Сотрудник отсутствует или болен"}, {"fr", "L'agent est absent ou malade"},
                          {"rw", "Umukozi ntahari cyangwa arwaye"}}},
    };
}

namespace {

bool is_prefix_text(std::string const& prefix) {
    // Letters only, so that "A012" splits unambiguously into prefix and sequence.
    return !prefix.empty() && prefix.size() <= 3 &&
           std::all_of(prefix.begin(), prefix.end(), [](unsigned char c) { return std::isupper(c) != 0; });
}

}  // namespace

std::string validate(centre_config const& config) { return validate(config, setup_caps{}); }

std::string validate(centre_config const& config, setup_caps caps) {
    if (config.services.empty()) return "the centre has no services";
    if (config.services.size() > caps.services) return "the centre has more than " + std::to_string(caps.services) + " services";
    std::set<std::string> ids, prefixes;
    for (auto const& s : config.services) {
        if (s.id.empty()) return "a service has an empty id";
        if (!ids.insert(s.id).second) return "service id '" + s.id + "' is used twice";
        if (auto problem = validate_service(s); !problem.empty()) return problem;
        if (!prefixes.insert(s.prefix).second) return "prefix '" + s.prefix + "' is used by two services";
    }
    std::set<counter_number> numbers;
    if (config.counters.size() > caps.counters) return "the centre has more than " + std::to_string(caps.counters) + " counters";
    for (auto const& c : config.counters) {
        if (!numbers.insert(c.number).second) return "counter " + std::to_string(c.number) + " is listed twice";
        if (c.services.empty()) return "counter " + std::to_string(c.number) + " serves no service";
        if (auto problem = validate_counter(c, config); !problem.empty()) return problem;
    }
    if (config.reasons.empty() || config.reasons.size() > max_reasons) return "the centre needs 1 to 50 reasons";
    std::set<std::string> codes;
    for (auto const& r : config.reasons)
        if (r.code.empty() || r.code.size() > max_reason_code || !codes.insert(r.code).second)
            return "reason '" + r.code + "' is empty, too long or listed twice";
    return validate_rules(config.rules);
}

std::string validate_breaks(std::vector<planned_break> const& breaks) {
    if (breaks.size() > max_planned_breaks) return "at most 16 breaks";
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        auto const& b = breaks[i];
        if (b.at < 0min || b.at >= 24h || b.length < 1min || b.length > 240min)
            return "a break starts within the day and lasts 1 to 240 minutes";
        if (i > 0 && b.at < breaks[i - 1].at + breaks[i - 1].length) return "breaks are in order and do not overlap";
    }
    return {};
}

std::string service_id_problem(std::string_view id) {
    auto allowed = [](unsigned char ch) { return std::isalnum(ch) != 0 || ch == '_' || ch == '-'; };
    if (!id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), allowed)) return {};
    // Quoted only when short: the sentence goes back to whoever sent it.
    auto const shown = id.size() <= 64 ? "service id '" + std::string(id) + "'" : std::string("a service id of ") + std::to_string(id.size()) + " bytes";
    return shown + " is not 1 to 64 letters, digits, '_' or '-' (such as id_card)";
}

std::string validate_service(service_config const& s) {
    if (s.id.empty()) return "a service has an empty id";
    if (!is_prefix_text(s.prefix)) return "service '" + s.id + "' needs a prefix of 1 to 3 capital letters";
    if (s.target_wait <= duration::zero() || s.max_wait < s.target_wait)
        return "service '" + s.id + "' needs 0 < target wait <= maximum wait";
    if (s.default_service_time <= duration::zero()) return "service '" + s.id + "' needs a positive service time";
    return {};
}

std::string validate_counter(counter_config const& c, centre_config const& config) {
    auto const which = "counter " + std::to_string(c.number);
    if (c.number == 0) return "counter numbers start at 1";
    if (c.name.size() > max_service_name) return which + " has a name over 128 bytes";
    std::set<service_index> seen;
    for (auto s : c.services) {
        if (s >= config.services.size()) return which + " names an unknown service";
        if (!seen.insert(s).second) return which + " names a service twice";
    }
    if (c.normal_per_priority && (*c.normal_per_priority < 0 || *c.normal_per_priority > max_normal_per_priority))
        return which + " needs normal_per_priority from 0 to 100";
    if (auto problem = validate_breaks(c.breaks); !problem.empty()) return which + ": " + problem;
    return {};
}

std::string validate_rules(centre_rules const& r) {
    if (r.max_recalls < 0 || r.max_priority_streak < 1) return "rules need max_recalls >= 0 and max_priority_streak >= 1";
    if (r.normal_per_priority < 0 || r.normal_per_priority > max_normal_per_priority)
        return "rules need normal_per_priority from 0 to 100";
    if (r.number_digits < 1 || r.number_digits > 6) return "rules need 1 to 6 number digits";
    if (r.day_start < 0min || r.day_start >= 24h) return "rules need a day start within the day";
    if (r.opening < 0min || r.opening >= 24h || r.closing <= r.opening || r.closing - r.opening > 24h)
        return "opening hours need 00:00 <= opening < 24:00 and opening < closing <= opening + 24:00";
    auto shifted = r.opening < r.day_start ? r.opening + 24h : r.opening;  // as opening_hours.cpp sees it
    if (r.closing - r.opening < 24h && shifted + (r.closing - r.opening) > r.day_start + 24h)
        return "closing time must come before the next day starts (closing may pass midnight only when "
               "day_start_minutes starts the day after it)";
    if (r.service_time_window < 1 || r.recent_calls < 1) return "rules need a service time window and recent calls of at least 1";
    if (r.alert_horizon < 1min || r.alert_horizon > 240min) return "rules need an alert horizon of 1 to 240 minutes";
    return {};
}

}  // namespace novbe::core
