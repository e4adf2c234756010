#include "ticket.hpp"

namespace novbe::core {

bool is_final(ticket_state s) {
    switch (s) {
    case ticket_state::waiting:
    case ticket_state::called:
    case ticket_state::serving: return false;
    case ticket_state::done:
    case ticket_state::no_show:
    case ticket_state::cancelled:
    case ticket_state::closed: return true;
    }
    return true;
}

std::string format_number(std::string const& prefix, std::uint32_t sequence, int digits) {
    auto seq = std::to_string(sequence);
    if (seq.size() < static_cast<std::size_t>(digits)) seq.insert(0, static_cast<std::size_t>(digits) - seq.size(), '0');
    return prefix + seq;
}

std::string_view name(ticket_state s) {
    switch (s) {
    case ticket_state::waiting: return "waiting";
    case ticket_state::called: return "called";
    case ticket_state::serving: return "serving";
    case ticket_state::done: return "done";
    case ticket_state::no_show: return "no_show";
    case ticket_state::cancelled: return "cancelled";
    case ticket_state::closed: return "closed";
    }
    return "?";
}

std::string_view name(priority_class c) {
    switch (c) {
    case priority_class::normal: return "normal";
    case priority_class::priority: return "priority";
    case priority_class::appointment: return "appointment";
    }
    return "?";
}

}  // namespace novbe::core
