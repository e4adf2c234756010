#include "kiosk/offer.hpp"

#include "kiosk/escpos.hpp"
#include "kiosk/qr.hpp"
#include "kiosk/texts.hpp"
#include "kiosk/ticket.hpp"

namespace novbe::kiosk {

namespace {

std::string filled(std::string text, std::string const& key, std::string const& value) {
    if (auto at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
    return text;
}

// "30.11.2026" and "09:00" of a moment in the centre's zone.
std::pair<std::string, std::string> day_and_time(long long unix_ms, std::string const& time_zone) {
    auto text = local_time_text(unix_ms, time_zone);  // "30.11.2026 09:00"
    auto space = text.find(' ');
    return {text.substr(0, space), space == std::string::npos ? std::string() : text.substr(space + 1)};
}

std::string when(char const* words, long long unix_ms, std::string const& time_zone) {
    auto [day, time] = day_and_time(unix_ms, time_zone);
    return filled(filled(words, "{day}", day), "{time}", time);
}

}  // namespace

bool has_offer(v1::Error const& e) { return e.code() == v1::ERROR_CODE_LAST_TICKET_PASSED && e.next_slot_ms() > 0; }

std::string offer_screen(v1::Error const& e, std::string const& service_name, std::string const& language,
                         std::string const& time_zone) {
    auto const& t = texts_for(language);
    std::string out = "\n" + filled(t.last_ticket_over, "{service}", service_name) + "\n";
    if (!has_offer(e)) return out + t.last_ticket_no_slot + "\n";
    return out + when(t.last_ticket_offer, e.next_slot_ms(), time_zone) + "\n";
}

std::string offer_answers(std::string const& language) {
    auto const& t = texts_for(language);
    return std::string("  1  ") + t.last_ticket_book + "\n  0  " + t.last_ticket_decline + "\n";
}

v1::ClientMessage book_offered_request(std::string const& service_id, long long slot_ms) {
    v1::ClientMessage m;
    m.mutable_book_offered()->set_service_id(service_id);
    m.mutable_book_offered()->set_slot_ms(slot_ms);
    return m;
}

printed_booking make_booking_slip(v1::BookedVisit const& b, v1::CentreInfo const& centre, std::string const& status_base,
                                  std::string const& language) {
    auto const& t = texts_for(language);
    printed_booking p;
    p.language = t.code;
    p.centre = centre.name();
    for (auto const& s : centre.services()) {
        if (s.id() != b.booking().service_id()) continue;
        p.service = pick_name(s.names(), language, centre, s.id());
        p.agency = pick_name(s.agency_names(), language, centre, s.agency());
    }
    p.booked = when(t.last_ticket_booked, b.booking().slot_ms(), centre.time_zone());
    p.code = filled(t.last_ticket_code, "{code}", b.booking().reference());
    p.scan = t.last_ticket_scan;
    p.url = status_base + "/book#" + b.token();  // as the phone page's booking QR code
    return p;
}

std::string to_escpos(printed_booking const& b) {
    using align = escpos::alignment;
    escpos out(b.language);
    out.align(align::centre).bold(true).line(b.centre).bold(false);
    if (!b.agency.empty()) out.line(b.agency);
    out.line(b.service).feed(1).bold(true).line(b.booked).bold(false).feed(1);
    out.size(2, 2).bold(true).line(b.code).size(1, 1).bold(false).feed(1);
    out.image(qr_bitmap(b.url)).line(b.scan);
    return out.cut().bytes();
}

std::string to_text(printed_booking const& b) {
    std::string s = b.centre + "\n";
    if (!b.agency.empty()) s += b.agency + "\n";
    s += b.service + "\n\n" + b.booked + "\n" + b.code + "\n\n";
    for (auto const& l : qr_lines(b.url)) s += "  " + l + "\n";
    return s + b.scan + "\n" + b.url + "\n";
}

}  // namespace novbe::kiosk
