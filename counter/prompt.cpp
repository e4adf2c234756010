#include "counter/prompt.hpp"

#include "counter/words.hpp"

namespace novbe::counter {

prompt_line::state prompt_line::key(unsigned char c, std::string& echo) {
    echo.clear();
    if (c == 0x1b) return state::cancelled;  // Escape, or the start of an arrow's sequence
    if (c == '\n' || c == '\r') return echo = "\n", state::answered;
    if (c == 0x7f || c == '\b') {
        if (text_.empty()) return state::typing;
        // UTF-8: drop the continuation bytes and the letter's first byte.
        while (!text_.empty() && (static_cast<unsigned char>(text_.back()) & 0xC0) == 0x80) text_.pop_back();
        if (!text_.empty()) text_.pop_back();
        return echo = "\b \b", state::typing;
    }
    if (c < 0x20) return state::typing;  // other control keys mean nothing here
    text_.push_back(static_cast<char>(c));
    echo.assign(1, static_cast<char>(c));
    return state::typing;
}

std::optional<std::string> transfer_choice(std::string const& typed, std::vector<std::string> const& others) {
    if (typed.empty()) return std::nullopt;
    if (typed.size() < 4 && typed.find_first_not_of("0123456789") == std::string::npos) {
        auto i = std::stoul(typed);
        if (i >= 1 && i <= others.size()) return others[i - 1];
    }
    return typed;
}

std::string unanswered(std::string const& action, std::vector<std::string> const& args, std::string_view language) {
    if (!args.empty() && !args[0].empty()) return {};
    auto question = [&](std::string_view key) {  // the prompt's words without their trailing ": "
        auto q = say(language, key);
        while (!q.empty() && (q.back() == ' ' || q.back() == ':')) q.pop_back();
        return q;
    };
    if (action == "transfer") return say(language, "transfer") + ": " + question("askService");
    if (action == "call") return say(language, "call") + ": " + question("askNumber");
    return {};
}

}  // namespace novbe::counter
