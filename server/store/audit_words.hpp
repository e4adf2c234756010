#pragma once
// The audit trail's words for the set-up events (docs/DOMAIN.md#audit): what each one changed,
// from the state before it that the writer keeps beside it (stored.proto UserSet.change,
// DeviceSet.was, ServiceSet.was, CounterSet.was), in one line of English, as the server's other
// sentences are. Events written before that was kept are said as they always were.
#include "stored.pb.h"

#include <string>

namespace novbe::store {

std::string user_words(v1::UserSet const& set);        // "ana: secret reset"
std::string device_words(v1::DeviceSet const& set);    // "kiosk 2: renamed from kiosk 1"
std::string service_words(v1::ServiceSet const& set);  // "tax: name in en, target wait 15 to 20 min"
std::string counter_words(v1::CounterSet const& set);  // "counter 3: services passport, tax to tax"
std::string calendar_words(v1::StoredCalendar const& stored);
std::string alert_words(v1::AlertChanged const& alert);  // "raised: the maximum wait; 2 more counters would clear it"

}  // namespace novbe::store
