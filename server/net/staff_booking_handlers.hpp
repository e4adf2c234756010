#pragma once
// Staff's bookings over the WebSocket (BookVisit, ListBookings, CancelBooking): a manager books
// on a citizen's behalf, sees a day's bookings and cancels one. Decided by the same core commands
// and checks as the portals' HTTP API (core/bookings.hpp, docs/booking-api.yaml): no second set
// of rules; the booking's portal is the staff user, and the log records them as its author.
#include "net/command_handlers.hpp"

namespace novbe::net {

inline constexpr int max_booking_rows = 500;  // BookingList.truncated past this

std::variant<action, refusal> staff_book_visit(command_context const& x, v1::ClientMessage const& m);
std::variant<action, refusal> staff_cancel_booking(command_context const& x, v1::ClientMessage const& m);
// A kiosk's booking of the slot a LAST_TICKET_PASSED refusal offered (docs/DOMAIN.md#last-ticket-cut-off).
std::variant<action, refusal> kiosk_book_offered(command_context const& x, v1::ClientMessage const& m);
// The short code a kiosk's booking is checked in by when typed: 8 of 31 letters and digits that
// read apart (no 0, O, 1, I, L), from the booking's random token.
std::string kiosk_code(core::ticket_token const& token);
void staff_list_bookings(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out);

// A booking as staff see it (no token, no phone).
v1::BookingRow booking_row(core::booking const& b, core::centre const& c);

// The bookings' refusal in the wire's words (docs/PROTOCOL.md#staff-bookings).
v1::Error booking_error(core::booking_errc e);

// Whether the text is a date YYYY-MM-DD of any year (day_of_date takes 1970 to 9999 only): for
// the refusal's words.
bool calendar_date(std::string const& date);

}  // namespace novbe::net
