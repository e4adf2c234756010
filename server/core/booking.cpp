#include "booking.hpp"

#include <string>

namespace novbe::core {

std::string reference_key(std::string_view reference) {
    auto first = reference.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    reference = reference.substr(first, reference.find_last_not_of(' ') - first + 1);
    std::string key(reference);
    for (auto& ch : key)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return key;
}

std::string_view name(booking_errc e) {
    switch (e) {
    case booking_errc::unknown_service: return "unknown_service";
    case booking_errc::not_bookable: return "not_bookable";
    case booking_errc::day_closed: return "day_closed";
    case booking_errc::too_far_ahead: return "too_far_ahead";
    case booking_errc::slot_in_past: return "slot_in_past";
    case booking_errc::no_such_slot: return "no_such_slot";
    case booking_errc::slot_full: return "slot_full";
    case booking_errc::day_full: return "day_full";
    case booking_errc::already_booked: return "already_booked";
    case booking_errc::unknown_booking: return "unknown_booking";
    case booking_errc::booking_not_active: return "booking_not_active";
    case booking_errc::too_early: return "too_early";
    case booking_errc::booking_lapsed: return "booking_lapsed";
    case booking_errc::invalid_argument: return "invalid_argument";
    case booking_errc::duplicate_token: return "duplicate_token";
    }
    return "unknown_error";
}

std::string_view name(booking_state s) {
    switch (s) {
    case booking_state::active: return "active";
    case booking_state::checked_in: return "checked_in";
    case booking_state::cancelled: return "cancelled";
    case booking_state::lapsed: return "lapsed";
    }
    return "unknown";
}

namespace {

class category : public std::error_category {
public:
    char const* name() const noexcept override { return "novbe.booking"; }
    std::string message(int value) const override {
        return std::string(core::name(static_cast<booking_errc>(value)));
    }
};

}  // namespace

std::error_category const& booking_category() {
    static category const instance;
    return instance;
}

}  // namespace novbe::core
