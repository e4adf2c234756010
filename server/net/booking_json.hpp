#pragma once
// What booking_api.cpp says in JSON: a booking, a day's slots, an error; internal to net.
#include "net/booking_api.hpp"

namespace novbe::net::detail {

api_answer api_error(unsigned status, std::string_view code, std::string_view message);
api_answer api_refusal(core::booking_errc e);  // the code's status and sentence
std::string booking_json(core::booking const& b, core::centre const& c);
std::string slots_json(core::bookings const& b, core::centre const& c, core::service_index s, core::day_number d,
                       std::string_view date, core::time_point now);

}  // namespace novbe::net::detail
