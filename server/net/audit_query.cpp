#include "net/audit_query.hpp"

#include "net/actor.hpp"
#include "net/booking_api.hpp"

#include <chrono>

// Switches over protobuf enums default on purpose: a newer client's values must land somewhere.
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

namespace {

// "2026-12-01" as a day number; anything else is not a date.
std::optional<core::day_number> day_of_text(std::string const& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    std::size_t const starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (s[i] - '0');
        }
    std::chrono::year_month_day ymd{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                    std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok()) return std::nullopt;
    return static_cast<core::day_number>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

refusal invalid(std::string words) { return {v1::ERROR_CODE_INVALID_ARGUMENT, std::move(words)}; }

}  // namespace

std::variant<store::audit_filter, refusal> audit_filter_of(v1::GetAudit const& in, settings const& s, core::time_point now) {
    auto const& rules = s.centre.rules;
    store::audit_filter f;
    auto today = core::day_of(now, rules.utc_offset, rules.day_start);
    if (in.from_day().empty()) f.from_day = today;
    else if (auto d = day_of_text(in.from_day())) f.from_day = *d;
    else return invalid("GetAudit.from_day is a date written YYYY-MM-DD, such as 2026-12-01.");
    if (in.to_day().empty()) f.to_day = f.from_day;
    else if (auto d = day_of_text(in.to_day())) f.to_day = *d;
    else return invalid("GetAudit.to_day is a date written YYYY-MM-DD, such as 2026-12-01.");
    if (f.to_day < f.from_day) return invalid("GetAudit.to_day comes before its from_day.");
    if (static_cast<std::size_t>(f.to_day - f.from_day) >= audit_max_days)
        return invalid("GetAudit covers at most " + std::to_string(audit_max_days) + " days at once.");
    if (in.user().size() > 64) return invalid("GetAudit.user is a user's name: at most 64 bytes.");
    f.user = in.user();
    f.counter = in.counter();
    switch (in.kind()) {
    case v1::AUDIT_KIND_UNSPECIFIED: f.kinds = store::audit_kinds::all; break;
    case v1::AUDIT_KIND_OUT_OF_TURN: f.kinds = store::audit_kinds::out_of_turn; break;
    case v1::AUDIT_KIND_SETUP: f.kinds = store::audit_kinds::setup; break;
    default: return invalid("GetAudit.kind is not one this server knows.");
    }
    if (in.page_size() > audit_max_page)
        return invalid("GetAudit.page_size is at most " + std::to_string(audit_max_page) + " rows.");
    f.page_size = in.page_size() == 0 ? audit_default_page : in.page_size();
    f.before = in.before_sequence();
    f.scan_limit = audit_scan_limit;
    return f;
}

v1::AuditPage audit_reply(store::audit_page const& page, store::audit_filter const& f, settings const& s,
                          core::centre const& c) {
    v1::AuditPage out;
    out.set_from_day(date_of(f.from_day));
    out.set_to_day(date_of(f.to_day));
    out.set_next_before_sequence(page.next_before);
    for (auto const& e : page.rows) {
        auto& r = *out.add_rows();
        r.set_sequence(e.sequence);
        r.set_at_ms(e.at_ms);
        r.set_local_time(rfc3339(core::time_point{core::duration{e.at_ms}}, s.centre.rules.utc_offset));
        r.set_actor_role(wire_role_of(e.by.role));
        r.set_actor(e.by.name);
        r.set_kind(e.kind);
        r.set_ticket(e.ticket);
        r.set_service_id(e.service);
        if (e.ticket.empty() && e.ordinal && e.day == c.day() && *e.ordinal < c.tickets().size()) {
            auto const& t = c.tickets()[*e.ordinal];
            r.set_ticket(c.number_of(t));
            if (e.service.empty()) r.set_service_id(c.config().services[t.current().service].id);
        }
        r.set_counter(e.counter);
        r.set_reason_code(e.reason_code);
        r.set_words(e.words);
    }
    return out;
}

}  // namespace novbe::net
