#pragma once
// Everything the kiosk says to citizens, one table per language (az, en, ru, rw, fr), built
// from the web pages' translations (web/i18n/LANG.json) so that paper and screen say the same.
// Service and agency names are not here: they come from the centre's configuration.
#include <string>
#include <string_view>
#include <vector>

namespace novbe::kiosk {

struct kiosk_texts {
    char const* code;             // "az"
    char const* language_name;    // in the language itself: "Azərbaycan dili"
    char const* choose_language;
    char const* choose_service;
    char const* choose_priority;  // the question ...
    char const* priority_hint;    // ... and whom priority is for: elderly, disability, pregnancy
    char const* normal;
    char const* priority;         // the answer that asks for priority
    char const* priority_mark;    // on a priority ticket
    char const* your_number;
    char const* people_ahead;     // "People ahead of you: {n}"
    char const* estimated_wait;
    char const* about;            // "about {n} min"
    char const* you_are_next;
    char const* scan_to_follow;
    char const* out_of_service;
    char const* take_ticket;
    char const* reprint;
    char const* no_counter_open;  // instead of an estimate, while no counter serves the line
    char const* about_range;      // "about {low}–{high} min" (docs/DOMAIN.md#estimates)
    char const* waiting_count;    // "{n} waiting", beside a service on the kiosk's list
    char const* no_counter_short; // the same list's "No counter open"
    char const* have_booking;     // the menu's entry for a booking's check-in
    char const* check_in_code;    // what to type or scan
    char const* check_in_too_early;  // "... opens at {time} ..."
    char const* check_in_lapsed;  // and that a walk-in ticket can be taken
    char const* closed_today;     // "Closed today. We open again: {time}." (kiosk/hours.hpp)
    char const* closed_today_for_now;  // the same when it opens not within 60 days
    char const* centre_closed;    // "The centre is closed. It opens again at {time}." (before opening, after closing)
    // After the last ticket (kiosk/offer.hpp, docs/DOMAIN.md#last-ticket-cut-off):
    char const* last_ticket_over;     // "Today's tickets for {service} are over: ..."
    char const* last_ticket_offer;    // "We can book you a visit on {day} at {time} instead."
    char const* last_ticket_no_slot;  // no free slot within the bookable days
    char const* last_ticket_book;     // the answer that books it
    char const* last_ticket_decline;  // and the one that does not
    char const* last_ticket_booked;   // "Your visit is booked: {day} at {time}."
    char const* last_ticket_code;     // "Booking code: {code}"
    char const* last_ticket_scan;     // the caption of the booking's QR code
};

// The table for a language, or English's if there is none.
kiosk_texts const& texts_for(std::string_view language);
std::vector<std::string> known_languages();

// `text` with its {n} filled.
std::string with_number(std::string_view text, long long n);
// "about 12 min" in the language; at least one minute.
std::string wait_words(kiosk_texts const& t, long long seconds);
// "about 15–25 min" for a range in seconds (low down, high up to minutes); the middle's words
// when a server sent no range.
std::string wait_words(kiosk_texts const& t, long long middle_s, long long low_s, long long high_s);

}  // namespace novbe::kiosk
