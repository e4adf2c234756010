#include "booking_codec.hpp"

#include "codec.hpp"
#include "stored.pb.h"

#include "core/booking_config.hpp"
#include "core/bookings.hpp"

namespace novbe::store {

using namespace detail;
namespace pb = novbe::store::v1;

namespace {

// BookingMade and SnapshotBooking carry a booking's particulars in the same fields, as
// core::booking_made and core::booking do: one writer and one bound for both.
template <class Message, class Booking>
void put_particulars(Message& m, Booking const& b, core::centre_config const& config) {
    m.set_booking(b.id);
    m.set_service(config.services.at(b.service).id);
    m.set_slot_ms(ms(b.slot));
    m.set_reference(b.reference);
    m.set_phone(b.phone);
    m.set_portal(b.portal);
    m.set_token_hi(b.token.hi);
    m.set_token_lo(b.token.lo);
}

template <class Message>
bool particulars_in_range(Message const& m) {
    return !m.reference().empty() && m.reference().size() <= core::max_booking_reference &&
           m.phone().size() <= core::max_booking_phone && m.portal().size() <= core::max_booking_author;  // a portal's name, or staff: and a user's
}

}  // namespace

std::string encode_booking_event(core::booking_event const& ev, core::centre_config const& config) {
    pb::StoredEvent m;
    std::visit([&](auto const& e) {
        using T = std::decay_t<decltype(e)>;
        m.set_at_ms(ms(e.at));
        if constexpr (std::is_same_v<T, core::booking_made>) {
            put_particulars(*m.mutable_booking_made(), e, config);
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
        if (e.erased())  // retention's: the personal data is gone, the booking's place in the log stays
            return core::booking_made{e.booking(), service_of(e.service(), config), at_ms(e.slot_ms()),
                                      "erased-" + std::to_string(e.booking()), "", e.portal(), {0, e.booking()}, at};
        if (!particulars_in_range(e)) throw codec_error("a booking's reference, phone or portal is out of range");
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

void put_bookings(pb::Snapshot& m, core::booking_image const& image, core::centre_config const& config) {
    for (auto const& b : image.all) {
        auto& mb = *m.add_bookings();
        put_particulars(mb, b, config);
        mb.set_made_ms(ms(b.made));
        mb.set_state(static_cast<std::uint32_t>(b.state));
        mb.set_has_ended(b.ended.has_value());
        if (b.ended) mb.set_ended_ms(ms(*b.ended));
    }
    m.set_next_booking(image.next_id);
    for (std::size_t s = 0; s < image.ended.size(); ++s) {
        auto& me = *m.add_bookings_ended();
        me.set_service(config.services.at(s).id);
        me.set_checked_in(image.ended[s].first);
        me.set_lapsed(image.ended[s].second);
    }
}

core::booking_image get_bookings(pb::Snapshot const& m, core::centre_config const& config) {
    core::booking_image image;
    for (auto const& b : m.bookings()) {
        if (!particulars_in_range(b))
            throw codec_error("a snapshot's booking has a reference, phone or portal out of range");
        image.all.push_back({b.booking(), service_of(b.service(), config), at_ms(b.slot_ms()), b.reference(), b.phone(),
                             b.portal(), {b.token_hi(), b.token_lo()}, at_ms(b.made_ms()),
                             checked_enum(b.state(), core::booking_state::lapsed),
                             b.has_ended() ? std::optional(at_ms(b.ended_ms())) : std::nullopt});
    }
    image.next_id = m.next_booking() == 0 ? 1 : m.next_booking();
    if (m.bookings_ended_size() > 0) image.ended.resize(config.services.size());
    for (auto const& e : m.bookings_ended())
        image.ended[service_of(e.service(), config)] = {e.checked_in(), e.lapsed()};
    return image;
}

}  // namespace novbe::store
