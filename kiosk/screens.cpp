#include "kiosk/screens.hpp"

#include "kiosk/texts.hpp"
#include "kiosk/ticket.hpp"

namespace novbe::kiosk {

std::vector<std::string> menu_languages(v1::CentreInfo const& centre) {
    std::vector<std::string> languages(centre.languages().begin(), centre.languages().end());
    return languages.empty() ? known_languages() : languages;
}

std::string language_screen(v1::CentreInfo const& centre, std::string const& current) {
    auto const languages = menu_languages(centre);
    std::string out = "\n" + centre.name() + "\n";
    for (auto const& l : languages) out += std::string(texts_for(l).choose_language) + "\n";  // asked in each
    for (std::size_t i = 0; i < languages.size(); ++i)
        out += "  " + std::to_string(i + 1) + "  " + texts_for(languages[i]).language_name + "\n";
    return out + "  r  " + texts_for(current).reprint + "\n";
}

std::string closed_screen(v1::CentreInfo const& centre, closed_state const& closed, std::string const& current) {
    std::string out = "\n" + centre.name() + "\n";
    for (auto const& l : menu_languages(centre)) out += closed_notice(texts_for(l), closed, centre.time_zone()) + "\n";
    return out + "  b  " + texts_for(current).have_booking + "\n  r  " + texts_for(current).reprint + "\n";
}

std::string line_hint(std::string const& language, v1::QueueLine const* line) {
    if (!line) return {};
    auto const& t = texts_for(language);
    auto const waiting = with_number(t.waiting_count, line->waiting());
    if (!line->open_counters()) return waiting + " · " + t.no_counter_short;
    if (!line->waiting()) return waiting;
    return waiting + " · " + wait_words(t, line->estimated_wait_s(), line->estimated_low_s(), line->estimated_high_s());
}

std::string service_screen(v1::CentreInfo const& centre, std::string const& language,
                           std::map<std::string, v1::QueueLine> const& lines) {
    std::string out = "\n" + std::string(texts_for(language).choose_service) + "\n";
    std::string agency;
    for (int i = 0; i < centre.services_size(); ++i) {
        auto const& svc = centre.services(i);
        auto name = pick_name(svc.agency_names(), language, centre, svc.agency());
        if (name != agency) out += "  " + (agency = name) + "\n";
        out += "    " + std::to_string(i + 1) + "  " + pick_name(svc.names(), language, centre, svc.id());
        auto it = lines.find(svc.id());
        if (auto hint = line_hint(language, it == lines.end() ? nullptr : &it->second); !hint.empty())
            out += "  (" + hint + ")";
        out += "\n";
    }
    return out;
}

std::string known_services(v1::CentreInfo const& centre, std::string const& language) {
    std::string out = std::string(texts_for(language).choose_service) + "\n";
    for (auto const& svc : centre.services())
        out += "  " + svc.id() + "  " + pick_name(svc.names(), language, centre, svc.id()) + "\n";
    return out;
}

}  // namespace novbe::kiosk
