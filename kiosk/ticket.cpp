#include "kiosk/ticket.hpp"

#include "kiosk/escpos.hpp"
#include "kiosk/qr.hpp"
#include "kiosk/texts.hpp"

#include <cstdlib>
#include <ctime>

namespace novbe::kiosk {

std::string pick_name(google::protobuf::Map<std::string, std::string> const& names, std::string const& language,
                      v1::CentreInfo const& centre, std::string const& otherwise) {
    if (auto it = names.find(language); it != names.end()) return it->second;
    if (centre.languages_size() > 0)
        if (auto it = names.find(centre.languages(0)); it != names.end()) return it->second;
    return names.empty() ? otherwise : names.begin()->second;
}

std::string status_base(std::string const& flag, v1::CentreInfo const& centre, std::string const& server_url) {
    auto base = !flag.empty() ? flag : !centre.public_url().empty() ? centre.public_url() : server_url;
    while (base.ends_with('/')) base.pop_back();
    return base;
}

printed_ticket make_ticket(v1::IssuedTicket const& t, v1::CentreInfo const& centre, std::string const& status_base,
                           std::string issued) {
    auto const& words = texts_for(t.language());
    printed_ticket p;
    p.language = words.code;
    p.centre = centre.name();
    p.number = t.number();
    p.priority = t.priority() == v1::PRIORITY_CLASS_PRIORITY;
    for (auto const& s : centre.services()) {
        if (s.id() != t.service_id()) continue;
        p.service = pick_name(s.names(), t.language(), centre, s.id());
        p.agency = pick_name(s.agency_names(), t.language(), centre, s.agency());
    }
    p.your_number = words.your_number;
    p.ahead = t.people_ahead() == 0 ? words.you_are_next : with_number(words.people_ahead, t.people_ahead());
    // No counter serves the line now: a number of minutes would be a guess (docs/DOMAIN.md#estimates).
    p.wait = t.open_counters() == 0 ? std::string(words.no_counter_open)
                                    : std::string(words.estimated_wait) + ": " + wait_words(words, t.estimated_wait_s(), t.estimated_low_s(), t.estimated_high_s());
    p.issued = std::move(issued);
    p.scan = words.scan_to_follow;
    p.url = status_base + "/t/" + t.token();
    return p;
}

namespace {
std::string priority_line(printed_ticket const& t) { return "*** " + std::string(texts_for(t.language).priority_mark) + " ***"; }
}  // namespace

std::string to_escpos(printed_ticket const& t) {
    using align = escpos::alignment;
    escpos out(t.language);
    out.align(align::centre).bold(true).line(t.centre).bold(false);
    if (!t.agency.empty()) out.line(t.agency);
    out.line(t.service).feed(1).line(t.your_number);
    out.size(6, 6).bold(true).line(t.number).size(1, 1).bold(false);
    if (t.priority) out.line(priority_line(t));
    out.feed(1).line(t.ahead).line(t.wait).feed(1);
    out.image(qr_bitmap(t.url)).line(t.scan).feed(1).line(t.issued);
    return out.cut().bytes();
}

std::string to_text(printed_ticket const& t) {
    std::string s = t.centre + "\n";
    if (!t.agency.empty()) s += t.agency + "\n";
    s += t.service + "\n\n" + t.your_number + ":  " + t.number + "\n" + (t.priority ? priority_line(t) + "\n" : "") + "\n";
    s += t.ahead + "\n" + t.wait + "\n\n";
    for (auto const& l : qr_lines(t.url)) s += "  " + l + "\n";
    s += t.scan + "\n" + t.url + "\n" + t.issued + "\n";
    return s;
}

std::string local_time_text(long long unix_ms, std::string const& time_zone) {
    if (!time_zone.empty()) setenv("TZ", time_zone.c_str(), 1);
    tzset();
    std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%d.%m.%Y %H:%M", &local);
    return buffer;
}

}  // namespace novbe::kiosk
