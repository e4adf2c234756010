#include "counter/commands.hpp"

#include <algorithm>

namespace novbe::counter {

std::optional<v1::ClientMessage> make_command(std::string const& action, std::uint32_t counter,
                                              std::vector<std::string> const& args, std::string& error) {
    v1::ClientMessage m;
    auto arg = [&](std::string const& what) -> std::optional<std::string> {
        if (!args.empty() && !args[0].empty()) return args[0];
        error = action + " needs " + what;
        return std::nullopt;
    };
    if (action == "open") m.mutable_open_counter()->set_counter(counter);
    else if (action == "close") m.mutable_close_counter()->set_counter(counter);
    else if (action == "next") m.mutable_call_next()->set_counter(counter);
    else if (action == "recall") m.mutable_recall_ticket()->set_counter(counter);
    else if (action == "start") m.mutable_start_serving()->set_counter(counter);
    else if (action == "no-show") m.mutable_mark_no_show()->set_counter(counter);
    else if (action == "resume") m.mutable_resume_counter()->set_counter(counter);
    else if (action == "show") m.mutable_get_counter()->set_counter(counter);
    else if (action == "done") {
        m.mutable_complete_service()->set_counter(counter);
        if (!args.empty()) m.mutable_complete_service()->set_outcome(args[0]);
    } else if (action == "call") {
        auto number = arg("the ticket's number, e.g. A012");
        if (!number) return std::nullopt;
        m.mutable_call_ticket()->set_counter(counter);
        std::string upper = *number;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        m.mutable_call_ticket()->set_number(upper);
    } else if (action == "transfer") {
        auto service = arg("the id of the service to send the ticket to");
        if (!service) return std::nullopt;
        m.mutable_transfer_ticket()->set_counter(counter);
        m.mutable_transfer_ticket()->set_to_service_id(*service);
    } else if (action == "pause") {
        auto reason = arg("a reason (break, lunch, meeting, ...)");
        if (!reason) return std::nullopt;
        m.mutable_pause_counter()->set_counter(counter);
        m.mutable_pause_counter()->set_reason(*reason);
    } else if (action == "take-over") {  // a manager's: the counter is theirs from now on, with the reason logged
        auto reason = arg("a reason (the clerk went home ill, ...)");
        if (!reason) return std::nullopt;
        m.mutable_take_over_counter()->set_counter(counter);
        m.mutable_take_over_counter()->set_reason(*reason);
    } else {
        error = "unknown action " + action;
        return std::nullopt;
    }
    return m;
}

std::string clock_text(long long seconds) {
    seconds = std::max(seconds, 0LL);
    auto two = [](long long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    if (seconds >= 3600) return std::to_string(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60);
    return std::to_string(seconds / 60) + ":" + two(seconds % 60);
}

std::string describe(v1::CounterView const& c, long long now_ms) {
    auto name = c.name().empty() ? "Counter " + std::to_string(c.number()) : c.name();
    auto since = [now_ms](long long at_ms) { return clock_text((now_ms - at_ms) / 1000); };
    switch (c.status()) {
    case v1::COUNTER_STATUS_CLOSED: return name + " is closed.";
    case v1::COUNTER_STATUS_OPEN: return name + " is open; nobody is at it.";
    case v1::COUNTER_STATUS_PAUSED: return name + " is paused (" + c.pause_reason() + "), for " + since(c.since_ms()) + ".";
    case v1::COUNTER_STATUS_SERVING: {
        auto const& t = c.current();
        auto head = name + ": " + t.number() + " (" + t.service_id() + ")";
        if (t.state() == v1::TICKET_STATE_SERVING) return head + " is being served, for " + since(t.started_at_ms()) + ".";
        auto recalls = t.recalls() ? ", recalled " + std::to_string(t.recalls()) + "x" : std::string();
        return head + " is called, " + since(t.called_at_ms()) + " ago" + recalls + ".";
    }
    case v1::COUNTER_STATUS_UNSPECIFIED:
    case v1::CounterStatus_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::CounterStatus_INT_MAX_SENTINEL_DO_NOT_USE_:
        break;
    }
    return name + ": unknown state.";
}

}  // namespace novbe::counter
