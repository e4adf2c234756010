#include "counter/desk.hpp"

#include "counter/commands.hpp"
#include "counter/words.hpp"

#include <algorithm>
#include <cstdio>

namespace novbe::counter {

namespace {

std::size_t letters(std::string const& s) {
    std::size_t n = 0;  // UTF-8: count code points, not bytes
    for (unsigned char c : s) n += (c & 0xc0) != 0x80;
    return n;
}

std::string padded(std::string s, std::size_t width) {
    if (auto n = letters(s); n < width) s.append(width - n, ' ');
    return s;
}

bool mentions(v1::Event const& e, std::uint32_t counter) {
    switch (e.kind_case()) {
    case v1::Event::kTicketCalled: return e.ticket_called().counter() == counter;
    case v1::Event::kServiceStarted: return e.service_started().counter() == counter;
    case v1::Event::kServiceCompleted: return e.service_completed().counter() == counter;
    case v1::Event::kTicketNoShow: return e.ticket_no_show().counter() == counter;
    case v1::Event::kTicketTransferred: return e.ticket_transferred().counter() == counter;
    case v1::Event::kCounterChanged: return e.counter_changed().counter().number() == counter;
    case v1::Event::kCounterSetUp: return e.counter_set_up().counter().number() == counter;  // its name or services
    case v1::Event::kDayClosed:
    case v1::Event::kDayStarted: return true;
    case v1::Event::kServiceChanged:  // a service's names: taken into the centre below
    case v1::Event::kTicketIssued:
    case v1::Event::kTicketCancelled:
    case v1::Event::kTicketMoved:     // a waiting ticket, at no counter; its lines come with the batch
    case v1::Event::kTicketRated:
    case v1::Event::kHallMessageSet:  // the hall's line, not this counter's business
    case v1::Event::kUserChanged:     // the set-up (docs/SETUP.md): dashboards'
    case v1::Event::kDeviceChanged:
    case v1::Event::kAlertChanged:    // alerts before a breach: dashboards'
    case v1::Event::kCalendarChanged: // the hours: a kiosk is refused by the server, a counter works on
    case v1::Event::kBookingChanged:  // bookings: dashboards'
    case v1::Event::KIND_NOT_SET: return false;
    }
    return false;
}

// A service's names as a board hears them, so the lines shown follow a rename.
void rename(v1::CentreInfo& centre, v1::ServiceInfo const& changed) {
    for (auto& s : *centre.mutable_services())
        if (s.id() == changed.id()) *s.mutable_names() = changed.names();
}

}  // namespace

bool desk::take(v1::ServerMessage const& m) {
    auto keep = [this](auto const& some) {
        for (auto const& l : some)
            if (lines.count(l.service_id()) || counter.service_ids().empty()) lines[l.service_id()] = l;
    };
    if (m.has_snapshot()) {
        keep(m.snapshot().lines());
        return true;
    }
    if (!m.has_events()) return false;
    keep(m.events().lines());
    bool ours = false;
    for (auto const& e : m.events().events()) {
        if (e.has_service_changed()) rename(centre, e.service_changed().service());
        ours = ours || mentions(e, counter.number());
    }
    return ours;
}

std::string desk::service_name(std::string const& id) const { return counter::service_name(centre, id, language); }

std::string figures_text(v1::Figures const& f, std::string_view language) {
    auto out = say(language, "figures",
                   {{"called", std::to_string(f.called())},
                    {"served", std::to_string(f.served())},
                    {"noShows", std::to_string(f.no_shows())},
                    {"transferred", std::to_string(f.transferred_out())},
                    {"average", clock_text(f.average_service_s())}});
    if (f.ratings()) {
        char rating[16];
        std::snprintf(rating, sizeof rating, "%.1f", f.average_rating());
        out += ", " + say(language, "rating", {{"rating", rating}, {"ratings", std::to_string(f.ratings())}});
    }
    return out;
}

std::string render(desk const& d, long long now_ms) {
    auto const& l10n = d.language;
    std::size_t width = 8;  // the labels' column fits the longest of them in this language
    for (auto const* key : {"now", "lines", "myDay"}) width = std::max(width, letters(say(l10n, key)) + 2);
    auto label = [&](char const* key) { return padded(say(l10n, key), width); };
    std::string out = d.centre.name() + " | " + counter_name(d.counter, l10n) + " | " + d.user + " | " + d.link + "\n";
    out += std::string(78, '-') + "\n";
    out += label("now") + describe(d.counter, now_ms, l10n, d.centre) + "\n\n";
    std::size_t names = 28;  // as wide as the longest name shown, so the figures stay under their headings
    for (auto const& id : d.counter.service_ids()) names = std::max(names, letters(d.service_name(id)));
    out += label("lines") + padded(say(l10n, "service"), names) + " " + padded(say(l10n, "waiting"), 12) + " " +
           padded(say(l10n, "longest"), 14) + " " + say(l10n, "estimated") + "\n";
    for (auto const& id : d.counter.service_ids()) {
        out += std::string(width, ' ') + padded(d.service_name(id), names) + " ";
        auto it = d.lines.find(id);
        if (it == d.lines.end()) {
            out += "-\n";
            continue;
        }
        auto const& line = it->second;
        out += padded(std::to_string(line.waiting()), 12) + " " + padded(clock_text(line.longest_wait_s()), 14) + " " +
               (line.waiting() ? minutes_text(line.estimated_wait_s(), l10n) : "-") + "\n";
    }
    out += "\n" + label("myDay") + (d.mine ? figures_text(*d.mine, l10n) : say(l10n, "noTicketsYet")) + "\n";
    out += std::string(78, '-') + "\n";
    out += say(l10n, "keys") + "\n" + say(l10n, "moreKeys") + "\n";
    if (!d.message.empty()) out += "> " + d.message + "\n";
    return out;
}

char const* action_of_key(char key) {
    switch (key) {
    case 'n': return "next";
    case 'r': return "recall";
    case 's': return "start";
    case 'd': return "done";
    case 'o': return "done-with-outcome";  // asks for it; `d` alone asks nothing, so no key is lost
    case 'x': return "no-show";
    case 't': return "transfer";
    case 'c': return "call";
    case 'p': return "pause";
    case 'u': return "resume";
    case 'q': return "close";
    default: return nullptr;
    }
}

}  // namespace novbe::counter
