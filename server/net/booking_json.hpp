#pragma once
// What the booking routes (booking_api.cpp, public_booking.cpp) read and say in JSON: a body's
// fields, a query's values, a date; a booking, a day's slots, an error. Internal to net.
#include "net/booking_api.hpp"

#include <boost/json.hpp>

#include <initializer_list>

namespace novbe::net::detail {

api_answer api_error(unsigned status, std::string_view code, std::string_view message);
// 405 method_not_allowed, with the methods the path takes for its Allow header ("GET, DELETE").
api_answer not_allowed(std::string_view allow, std::string_view message);
api_answer api_refusal(core::booking_errc e);  // the code's status and sentence
std::string booking_json(core::booking const& b, core::centre const& c);
// The body as an object of strings with only the `allowed` fields, each once, or nullopt.
std::optional<boost::json::object> fields(std::string_view body, std::initializer_list<std::string_view> allowed);
std::string text(boost::json::object const& o, std::string_view key);  // empty when absent
std::optional<std::string> query(std::string_view q, std::string_view key);
std::optional<core::day_number> day_of_date(std::string_view date);  // "2026-11-28" as the centre's day
std::string date_of_day(core::day_number d);                          // and back

// The booking a command names by its token (book, cancel, reschedule); none for the others.
core::ticket_token token_of(core::booking_command const& command);

std::string slots_json(core::bookings const& b, core::centre const& c, core::service_index s, core::day_number d,
                       std::string_view date, core::time_point now);

}  // namespace novbe::net::detail
