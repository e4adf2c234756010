#pragma once
// GetAudit in the wire's words and the store's (docs/DOMAIN.md#audit): the request checked and
// bounded into a store::audit_filter, and a store::audit_page as the AuditPage a manager gets.
// Pure: the query itself runs on the audit reader's thread (dispatcher::read_audit).
#include "net/command_handlers.hpp"
#include "store/audit_reader.hpp"

#include <variant>

namespace novbe::net {

inline constexpr std::size_t audit_max_days = 31;
inline constexpr std::size_t audit_max_page = 200;
inline constexpr std::size_t audit_default_page = 50;
inline constexpr std::size_t audit_scan_limit = 20000;  // events one query looks at
inline constexpr std::size_t audit_max_waiting = 4;     // queries in flight at once, all senders

// The filter, or why the request is refused (INVALID_ARGUMENT and a sentence naming the limit).
std::variant<store::audit_filter, refusal> audit_filter_of(v1::GetAudit const& in, settings const& s, core::time_point now);
// The page as sent, its days as the filter had them. A ticket of today that the report has not
// caught up with yet (the writer reports right after a commit) is named from `c`, the centre now.
v1::AuditPage audit_reply(store::audit_page const& page, store::audit_filter const& f, settings const& s,
                          core::centre const& c);

}  // namespace novbe::net
