#pragma once
// What people ask of the centre. Plain values: time and random tokens come in from outside.
#include "config.hpp"
#include "ticket.hpp"

#include <optional>
#include <string>
#include <variant>

namespace novbe::core {

struct issue_ticket {
    service_index service = 0;
    priority_class cls = priority_class::normal;
    std::string language;
    ticket_token token;
    std::optional<time_point> due;  // required for appointments, refused otherwise
};
struct open_counter { counter_number counter = 0; std::string clerk; };
struct close_counter { counter_number counter = 0; };
struct pause_counter { counter_number counter = 0; std::string reason; };
struct resume_counter { counter_number counter = 0; };
struct call_next { counter_number counter = 0; };
struct call_ticket { counter_number counter = 0; std::string number; };
struct recall_ticket { counter_number counter = 0; };
struct start_serving { counter_number counter = 0; };
struct complete_service { counter_number counter = 0; std::string outcome; };
struct mark_no_show { counter_number counter = 0; };
struct transfer_ticket { counter_number counter = 0; service_index to = 0; };
struct cancel_ticket { std::string number; };
struct rate_service { ticket_token token; int score = 0; };
struct rate_at_counter { counter_number counter = 0; int score = 0; };  // the counter's last served ticket
struct close_day {};  // closing time: everyone still waiting is closed unserved
struct tick {};       // time passes: rolls the day over when a new one has begun

using command = std::variant<issue_ticket, open_counter, close_counter, pause_counter, resume_counter, call_next,
                             call_ticket, recall_ticket, start_serving, complete_service, mark_no_show,
                             transfer_ticket, cancel_ticket, rate_service, rate_at_counter, close_day, tick>;

}  // namespace novbe::core
