#pragma once
// The desk's prompts (a ticket number, an outcome, a reason, a service to transfer to), key by
// key: the terminal stays raw while one is asked, so that Escape cancels it at once (nothing is
// sent) instead of arriving in the answer, and Backspace takes back a whole letter.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::counter {

class prompt_line {
public:
    enum class state { typing, answered, cancelled };
    // Takes one byte; `echo` is set to what the terminal should show for it.
    state key(unsigned char c, std::string& echo);
    std::string const& text() const { return text_; }

private:
    std::string text_;
};

// The transfer prompt's answer: a listed number is its service (`others`, 1-based), anything
// else the id as typed; nullopt for an empty answer, which has no service to send.
std::optional<std::string> transfer_choice(std::string const& typed, std::vector<std::string> const& others);

// What the desk says, in the clerk's language, instead of sending an action whose prompt was
// answered with nothing ("Transfer: to which service?"); empty when the action can be sent.
std::string unanswered(std::string const& action, std::vector<std::string> const& args, std::string_view language);

}  // namespace novbe::counter
