#include "roster_codec.hpp"

#include "codec.hpp"

namespace novbe::store::detail {

void put(v1::StaffUser& out, core::staff_user const& u) {
    out.set_name(u.name);
    out.set_role(static_cast<std::uint32_t>(u.role));
    out.set_secret_hash(u.secret_hash);
    out.set_disabled(u.disabled);
}

void put(v1::Device& out, core::device_entry const& d) {
    out.set_name(d.name);
    out.set_kind(static_cast<std::uint32_t>(d.kind));
    out.set_token_hash(d.token_hash);
    out.set_stands_at(d.stands_at);
    out.set_revoked(d.revoked);
}

core::staff_user get(v1::StaffUser const& m) {
    if (!core::is_setup_name(m.name())) throw codec_error("a user's name is empty, too long or not text");
    return {m.name(), checked_enum(m.role(), core::staff_role::admin), m.secret_hash(), m.disabled()};
}

core::device_entry get(v1::Device const& m) {
    if (!core::is_setup_name(m.name())) throw codec_error("a device's name is empty, too long or not text");
    return {m.name(), checked_enum(m.kind(), core::device_kind::rating_pad), m.token_hash(), m.stands_at(), m.revoked()};
}

}  // namespace novbe::store::detail
