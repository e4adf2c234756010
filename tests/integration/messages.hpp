#pragma once
// Short builders for the ClientMessages the integration tests send.
#include "novbe.pb.h"

#include <cstdint>
#include <string>
#include <vector>

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

// "A001 issued; A001 to 2; A001 done; " for the events of a batch (a counter change says who
// sits there, empty for boards); their sequences into `sequences`.
inline std::string describe(v1::EventBatch const& batch, std::vector<std::uint64_t>& sequences) {
    std::string out;
    for (auto const& e : batch.events()) {
        sequences.push_back(e.sequence());
        if (e.has_ticket_issued()) out += e.ticket_issued().number() + " issued; ";
        if (e.has_ticket_called()) out += e.ticket_called().number() + " to " + std::to_string(e.ticket_called().counter()) + "; ";
        if (e.has_service_completed()) out += e.service_completed().number() + " done; ";
        if (e.has_ticket_rated()) out += e.ticket_rated().number() + " rated; ";
        if (e.has_counter_changed())
            out += "counter " + std::to_string(e.counter_changed().counter().number()) + " by '" +
                   e.counter_changed().counter().clerk() + "'; ";
        if (e.has_day_started()) out += "day; ";
    }
    return out;
}

}  // namespace novbe::testing
