#include "booking_codec.hpp"

#include "codec.hpp"
#include "stored.pb.h"

#include "core/booking_config.hpp"

namespace novbe::store {

using namespace detail;
namespace pb = novbe::store::v1;

std::string encode_booking_event(core::booking_event const& ev, core::centre_config const& config) {
    pb::StoredEvent m;
    std::visit([&](auto const& e) {
        using T = std::decay_t<decltype(e)>;
        m.set_at_ms(ms(e.at));
        if constexpr (std::is_same_v<T, core::booking_made>) {
            auto& b = *m.mutable_booking_made();
            b.set_booking(e.id);
            b.set_service(config.services.at(e.service).id);
            b.set_slot_ms(ms(e.slot));
            b.set_reference(e.reference);
            b.set_phone(e.phone);
            b.set_portal(e.portal);
            b.set_token_hi(e.token.hi);
            b.set_token_lo(e.token.lo);
        } else if constexpr (std::is_same_v<T, core::booking_cancelled>) {
            m.mutable_booking_cancelled()->set_booking(e.id);
        } else if constexpr (std::is_same_v<T, core::booking_rescheduled>) {
            m.mutable_booking_rescheduled()->set_booking(e.id);
            m.mutable_booking_rescheduled()->set_slot_ms(ms(e.slot));
        } else if constexpr (std::is_same_v<T, core::booking_checked_in>) {
            auto& b = *m.mutable_booking_checked_in();
            b.set_booking(e.id);
            b.set_ticket_token_hi(e.ticket.hi);
            b.set_ticket_token_lo(e.ticket.lo);
        } else if constexpr (std::is_same_v<T, core::booking_lapsed>) {
            m.mutable_booking_lapsed()->set_booking(e.id);
        } else {
            static_assert(std::is_same_v<T, core::bookings_forgotten>, "every booking event has its message");
            m.mutable_bookings_forgotten()->set_before_day(e.before);
        }
    }, ev);
    return m.SerializeAsString();
}

core::booking_event decode_booking_event(std::string_view bytes, core::centre_config const& config) {
    pb::StoredEvent m;
    if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) throw codec_error("it is not a stored event");
    auto at = at_ms(m.at_ms());
    // Not a switch: the centre's kinds are none of this decoder's business (codec.hpp has them).
    if (m.has_booking_made()) {
        auto const& e = m.booking_made();
        if (e.reference().empty() || e.reference().size() > core::max_booking_reference ||
            e.phone().size() > core::max_booking_phone || e.portal().size() > core::max_portal_name)
            throw codec_error("a booking's reference, phone or portal is out of range");
        return core::booking_made{e.booking(), service_of(e.service(), config), at_ms(e.slot_ms()), e.reference(),
                                  e.phone(), e.portal(), {e.token_hi(), e.token_lo()}, at};
    }
    if (m.has_booking_cancelled()) return core::booking_cancelled{m.booking_cancelled().booking(), at};
    if (m.has_booking_rescheduled())
        return core::booking_rescheduled{m.booking_rescheduled().booking(), at_ms(m.booking_rescheduled().slot_ms()), at};
    if (m.has_booking_checked_in()) {
        auto const& e = m.booking_checked_in();
        return core::booking_checked_in{e.booking(), {e.ticket_token_hi(), e.ticket_token_lo()}, at};
    }
    if (m.has_booking_lapsed()) return core::booking_lapsed{m.booking_lapsed().booking(), at};
    if (m.has_bookings_forgotten()) return core::bookings_forgotten{m.bookings_forgotten().before_day(), at};
    throw codec_error("it is no booking event");
}

}  // namespace novbe::store
