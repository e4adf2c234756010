#pragma once
// Translation between the engine's values and the wire messages of novbe.proto.
#include "core/centre.hpp"
#include "net/settings.hpp"
#include "novbe.pb.h"

#include <optional>
#include <string>

namespace novbe::net {

namespace v1 = novbe::v1;

v1::ErrorCode wire_code(core::errc e);
// The envelope of an answer: the request's id; the caller fills in the reply.
v1::ServerMessage answer_to(std::uint64_t request_id);
v1::ServerMessage error_reply(std::uint64_t request_id, v1::ErrorCode code, std::string message);
v1::ServerMessage engine_error(std::uint64_t request_id, core::errc e);
// A refusal with its own sentence (whose counter it is) and, for CENTRE_CLOSED, when it opens.
v1::ServerMessage engine_error(std::uint64_t request_id, core::outcome const& refused);

// The wire's roles and the server's, mapped here and only here.
v1::Role wire_role(role r);
std::optional<role> role_of(v1::Role r);

// The centre's profile from the file, its services and counters from the engine's set-up.
v1::CentreInfo centre_info(settings const& s, core::centre const& c);
// With `bookable` from the centre's booking rules, when the service is still in `c`.
v1::ServiceInfo service_info(core::service_config const& service, core::centre const& c);
v1::CounterInfo counter_info(core::counter_config const& counter, core::centre_config const& config);
v1::TicketState wire_state(core::ticket_state s);
core::priority_class engine_class(v1::PriorityClass c);
v1::PriorityClass wire_class(core::priority_class c);

v1::IssuedTicket issued_ticket(core::centre const& c, core::ticket const& t);
v1::TicketStatus ticket_status(core::centre const& c, core::ticket const& t, core::time_point now);
v1::CounterView counter_view(core::centre const& c, core::counter_number n);
v1::Statistics statistics(core::centre const& c, core::time_point now);
// One service's, counter's or clerk's figures as the wire has them (averages from the sums).
void put(v1::Figures& out, std::string key, core::figures const& f);
// Line `s`'s alert on the wire (docs/DOMAIN.md#alerts-before-a-breach); level none: ended.
v1::LineAlert line_alert(core::centre const& c, core::service_index s, core::line_alert const& a);
v1::TicketRows ticket_rows(core::centre const& c);  // ticket_rows.cpp
std::string date_of(core::day_number day);  // "2026-11-28", the centre's local date
std::optional<core::day_number> day_of_date(std::string const& date);  // "2026-11-28"; nothing if not a date

inline std::int64_t unix_ms(core::time_point t) { return t.time_since_epoch().count(); }
inline std::int64_t seconds(core::duration d) { return std::chrono::duration_cast<std::chrono::seconds>(d).count(); }

}  // namespace novbe::net
