#pragma once
// The small centre (centre_fixture.hpp) taking bookings: weekdays 09:00-17:00, Saturday
// 09:00-13:00, Sunday closed; passport planned at one counter (6 min a service, 30 min slots, half
// kept for walk-ins: 2 bookings a slot), id_card at its two counters, notary not bookable.
// morning() is Saturday 2026-11-28, 08:00.
#include "centre_fixture.hpp"

#include "core/bookings.hpp"
#include "core/check_in.hpp"

#include <string>
#include <string_view>

namespace novbe::core::testing {

booking_config small_booking(centre_config const& centre);

class booking_test : public centre_test {
protected:
    booking_test() : b(c.config(), small_booking(c.config())) {}

    // "HH:MM" local on the day `days` after morning()'s.
    static time_point at(std::string_view hh_mm, int days = 0);
    // Decides and applies; the error's name, or "ok".
    std::string run_booking(booking_command cmd);
    // Books `reference` into the slot at `slot`; "ok" or the refusal. Its token is {9, n}.
    std::string book(std::string_view service_id, time_point slot, std::string reference);
    ticket_token token_of(std::string_view reference) const;  // its newest booking's
    // Checks the booking in by its reference: the ticket's number ("A001^"), or the refusal.
    std::string arrive(std::string_view reference);
    // "09:00 1/2+1, 09:30 0/2+1": each slot's start, held bookings / bookable + overbooking.
    std::string render_slots(std::string_view service_id, int days = 0) const;
    // Every booking: "R1 A 09:00 checked_in".
    std::string render_bookings() const;

    bookings b;
    std::vector<booking_event> booking_log;
    std::uint64_t next_booking_token = 1;
};

}  // namespace novbe::core::testing
