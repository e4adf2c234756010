#include "counter/commands.hpp"

#include "counter/words.hpp"

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
    // The server takes at most 200 bytes of an outcome or a reason (docs/DOMAIN.md#tickets) and
    // answers a longer one only "a value out of range": say which, before anything is sent.
    auto fits = [&](std::string const& what, std::string const& text) {
        if (text.size() <= 200) return true;
        error = action + ": " + what + " has at most 200 bytes (this one has " + std::to_string(text.size()) + ")";
        return false;
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
        if (!args.empty() && !fits("an outcome", args[0])) return std::nullopt;
        m.mutable_complete_service()->set_counter(counter);
        if (!args.empty()) m.mutable_complete_service()->set_outcome(args[0]);
    } else if (action == "call") {
        auto number = arg("the ticket's number, e.g. A012");
        if (!number) return std::nullopt;
        m.mutable_call_ticket()->set_counter(counter);
        std::string upper = *number;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        m.mutable_call_ticket()->set_number(upper);
        // Out of turn: the reason's code (docs/DOMAIN.md#reasons); the server refuses none.
        if (args.size() > 1) m.mutable_call_ticket()->set_reason(args[1]);
    } else if (action == "transfer") {
        auto service = arg("the id of the service to send the ticket to");
        if (!service) return std::nullopt;
        m.mutable_transfer_ticket()->set_counter(counter);
        m.mutable_transfer_ticket()->set_to_service_id(*service);
    } else if (action == "pause") {
        auto reason = arg("a reason (break, lunch, meeting, ...)");
        if (!reason || !fits("a reason", *reason)) return std::nullopt;
        m.mutable_pause_counter()->set_counter(counter);
        m.mutable_pause_counter()->set_reason(*reason);
    } else if (action == "take-over") {  // a manager's: the counter is theirs from now on, with the reason logged
        auto code = arg("a reason code (clerk_absent, ...) and the reason in words");
        if (!code) return std::nullopt;
        m.mutable_take_over_counter()->set_counter(counter);
        m.mutable_take_over_counter()->set_reason_code(*code);
        std::string words;
        for (std::size_t i = 1; i < args.size(); ++i) words += (words.empty() ? "" : " ") + args[i];
        if (!fits("a reason", words)) return std::nullopt;
        m.mutable_take_over_counter()->set_reason(words);
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

std::string minutes_text(long long seconds, std::string_view language) {
    return say(language, "minutes", {{"n", std::to_string(std::max(1LL, (seconds + 59) / 60))}});
}

std::string service_name(v1::CentreInfo const& centre, std::string const& id, std::string_view language) {
    for (auto const& s : centre.services()) {
        if (s.id() != id) continue;
        for (auto want : {language, std::string_view("en")})
            if (auto it = s.names().find(std::string(want)); it != s.names().end()) return it->second;
        return s.names().empty() ? id : s.names().begin()->second;
    }
    return id;
}

std::string reason_words(std::string const& reason, std::string_view language) {
    for (auto [english, key] : {std::pair{"break", "reasonBreak"},
                                {"lunch", "reasonLunch"},
                                {"meeting", "reasonMeeting"},
                                {"technical problem", "reasonTechnical"}})
        if (reason == english) return say(language, key);
    return reason;
}

std::string counter_name(v1::CounterView const& c, std::string_view language) {
    return c.name().empty() || c.name() == std::to_string(c.number()) ||
                   c.name() == "Counter " + std::to_string(c.number())
               ? say(language, "named", {{"n", std::to_string(c.number())}})
               : c.name();
}

std::string describe(v1::CounterView const& c, long long now_ms, std::string_view language,
                     v1::CentreInfo const& centre) {
    auto name = counter_name(c, language);
    auto since = [now_ms](long long at_ms) { return clock_text((now_ms - at_ms) / 1000); };
    switch (c.status()) {
    case v1::COUNTER_STATUS_CLOSED: return say(language, "isClosed", {{"counter", name}});
    case v1::COUNTER_STATUS_OPEN: return say(language, "isOpen", {{"counter", name}});
    case v1::COUNTER_STATUS_PAUSED:
        return say(
            language, "isPaused",
            {{"counter", name}, {"reason", reason_words(c.pause_reason(), language)}, {"time", since(c.since_ms())}});
    case v1::COUNTER_STATUS_SERVING: {
        auto const& t = c.current();
        auto service = service_name(centre, t.service_id(), language);
        if (t.state() == v1::TICKET_STATE_SERVING)
            return say(
                language, "isServing",
                {{"counter", name}, {"number", t.number()}, {"service", service}, {"time", since(t.started_at_ms())}});
        return say(language, t.recalls() ? "isRecalled" : "isCalled",
                   {{"counter", name},
                    {"number", t.number()},
                    {"service", service},
                    {"time", since(t.called_at_ms())},
                    {"n", std::to_string(t.recalls())}});
    }
    case v1::COUNTER_STATUS_UNSPECIFIED:
    case v1::CounterStatus_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::CounterStatus_INT_MAX_SENTINEL_DO_NOT_USE_:
        break;
    }
    return name + ": ?";
}

std::string what_happened(std::string const& action, std::vector<std::string> const& args,
                          v1::CounterView const& before, v1::CounterView const& after, std::string_view language,
                          v1::CentreInfo const& centre) {
    auto held = before.has_current() ? before.current().number() : std::string();
    auto now = after.has_current() ? after.current().number() : std::string();
    if (action == "open") return say(language, "didOpen");
    if (action == "close") return say(language, "didClose");
    if (action == "next" || action == "call") return say(language, "didCall", {{"number", now}});
    if (action == "recall") return say(language, "didRecall", {{"number", now}});
    if (action == "start") return say(language, "didStart", {{"number", now}});
    if (action == "done") return say(language, "didDone", {{"number", held}});
    if (action == "no-show") return say(language, "didNoShow", {{"number", held}});
    if (action == "pause") return say(language, "didPause", {{"reason", reason_words(after.pause_reason(), language)}});
    if (action == "resume") return say(language, "didResume");
    if (action == "transfer" && !args.empty())
        return say(language, "didTransfer", {{"number", held}, {"service", service_name(centre, args[0], language)}});
    return {};
}

}  // namespace novbe::counter
