#pragma once
// After the last ticket (docs/DOMAIN.md#last-ticket-cut-off): a LAST_TICKET_PASSED refusal says
// today's tickets for the service are over and offers the booking it carries (Error.next_slot_ms)
// on the day and at the time of the centre's zone; accepted, BookOffered books it and the kiosk
// prints a slip with the booking's QR code and short code, as it prints a ticket.
#include "novbe.pb.h"

#include <string>

namespace novbe::kiosk {

// The offer's screen in `language`: what is over, and the slot offered (day and time in the
// centre's zone), or that no booking is free. `service_name` is the service's name in the language.
std::string offer_screen(v1::Error const& e, std::string const& service_name, std::string const& language,
                         std::string const& time_zone);
std::string offer_answers(std::string const& language);  // "  1  Book this visit\n  0  No, thank you\n"
bool has_offer(v1::Error const& e);  // LAST_TICKET_PASSED with a slot

v1::ClientMessage book_offered_request(std::string const& service_id, long long slot_ms);

struct printed_booking {
    std::string language;
    std::string centre;
    std::string agency;
    std::string service;
    std::string booked;  // "Your visit is booked: 30.11.2026 at 09:00."
    std::string code;    // "Booking code: 7KQ2M9XA"
    std::string scan;    // the QR code's caption
    std::string url;     // its payload: status_base + "/book#" + token, which the kiosks' check-in reads
};

printed_booking make_booking_slip(v1::BookedVisit const& b, v1::CentreInfo const& centre, std::string const& status_base,
                                  std::string const& language);
std::string to_escpos(printed_booking const& b);
std::string to_text(printed_booking const& b);

}  // namespace novbe::kiosk
