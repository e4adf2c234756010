#include "alert_codec.hpp"

#include "codec.hpp"

namespace novbe::store::detail {

void put(v1::AlertChanged& out, std::string const& service_id, core::line_alert const& a) {
    out.set_service(service_id);
    out.set_level(static_cast<std::uint32_t>(a.level));
    out.set_breach_ms(ms(a.breach_at));
    for (auto n : a.could_open) out.add_could_open(n);
    out.set_counters_needed(a.counters_needed);
}

core::line_alert get(v1::AlertChanged const& m) {
    if (m.level() > static_cast<std::uint32_t>(core::alert_level::maximum)) throw codec_error("an alert's level is unknown");
    if (static_cast<std::size_t>(m.could_open_size()) > core::max_alert_advice) throw codec_error("an alert names too many counters");
    return {.level = static_cast<core::alert_level>(m.level()), .breach_at = at_ms(m.breach_ms()),
            .could_open = {m.could_open().begin(), m.could_open().end()}, .counters_needed = m.counters_needed()};
}

}  // namespace novbe::store::detail
