#include "counter/desk.hpp"

#include "counter/commands.hpp"

#include <cstdio>

namespace novbe::counter {

namespace {

std::string padded(std::string s, std::size_t width) {
    std::size_t letters = 0;  // UTF-8: count code points, not bytes
    for (unsigned char c : s) letters += (c & 0xc0) != 0x80;
    if (letters < width) s.append(width - letters, ' ');
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
    case v1::Event::kDayClosed:
    case v1::Event::kDayStarted: return true;
    case v1::Event::kTicketIssued:
    case v1::Event::kTicketCancelled:
    case v1::Event::kTicketRated:
    case v1::Event::kHallMessageSet:  // the hall's line, not this counter's business
    case v1::Event::KIND_NOT_SET: return false;
    }
    return false;
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
    for (auto const& e : m.events().events()) ours = ours || mentions(e, counter.number());
    return ours;
}

std::string desk::service_name(std::string const& id) const {
    for (auto const& s : centre.services()) {
        if (s.id() != id) continue;
        if (auto it = s.names().find("en"); it != s.names().end()) return it->second;
        return s.names().empty() ? id : s.names().begin()->second;
    }
    return id;
}

std::string render(desk const& d, long long now_ms) {
    std::string out = d.centre.name() + " | " + (d.counter.name().empty() ? "Counter" : d.counter.name()) + " | clerk " +
                      d.user + " | " + d.link + "\n";
    out += std::string(78, '-') + "\n";
    out += "NOW    " + describe(d.counter, now_ms) + "\n\n";
    out += "LINES  service                      waiting  longest   estimated\n";
    for (auto const& id : d.counter.service_ids()) {
        auto it = d.lines.find(id);
        if (it == d.lines.end()) {
            out += "       " + padded(d.service_name(id), 28) + " -\n";
            continue;
        }
        auto const& l = it->second;
        char figures[96];
        std::snprintf(figures, sizeof figures, "%7u  %7s   %s", l.waiting(), clock_text(l.longest_wait_s()).c_str(),
                      l.waiting() ? (clock_text(l.estimated_wait_s())).c_str() : "-");
        out += "       " + padded(d.service_name(id), 28) + " " + figures + "\n";
    }
    out += "\nMY DAY ";
    if (!d.mine) out += "no tickets yet";
    else {
        auto const& f = *d.mine;
        out += "called " + std::to_string(f.called()) + ", served " + std::to_string(f.served()) + ", no-shows " +
               std::to_string(f.no_shows()) + ", transferred " + std::to_string(f.transferred_out()) + ", average service " +
               clock_text(f.average_service_s());
        if (f.ratings()) {
            char rating[48];
            std::snprintf(rating, sizeof rating, ", rating %.1f (%u)", f.average_rating(), f.ratings());
            out += rating;
        }
    }
    out += "\n" + std::string(78, '-') + "\n";
    out += "n next  r recall  s start  d done  x no-show  t transfer  c call a number\n"
           "p pause  u resume  q close the counter and quit\n";
    if (!d.message.empty()) out += "> " + d.message + "\n";
    return out;
}

char const* action_of_key(char key) {
    switch (key) {
    case 'n': return "next";
    case 'r': return "recall";
    case 's': return "start";
    case 'd': return "done";
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
