#pragma once
// Short builders for the ClientMessages the integration tests send.
#include "novbe.pb.h"

#include <string>

namespace novbe::testing {

inline v1::ClientMessage issue(std::string const& service, v1::PriorityClass priority = v1::PRIORITY_CLASS_NORMAL) {
    v1::ClientMessage m;
    m.mutable_issue_ticket()->set_service_id(service);
    m.mutable_issue_ticket()->set_priority(priority);
    m.mutable_issue_ticket()->set_language("en");
    return m;
}

// A counter command: counter_command(&v1::ClientMessage::mutable_call_next, 1).
template <class Mutable>
v1::ClientMessage counter_command(Mutable field, std::uint32_t counter) {
    v1::ClientMessage m;
    (m.*field)()->set_counter(counter);
    return m;
}

inline std::string error_name(v1::ServerMessage const& m) {
    return m.has_error() ? v1::ErrorCode_Name(m.error().code()) : "no error";
}

}  // namespace novbe::testing
