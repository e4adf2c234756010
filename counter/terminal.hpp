#pragma once
// The clerk's terminal: single keys without Enter, lines for prompts, a screen redrawn in
// place. With no terminal (a pipe, a test) keys are read the same way and a screen is written
// only when it changed.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace novbe::counter {

class raw_terminal {
public:
    raw_terminal();   // keys without Enter and without echo, if stdin is a terminal
    ~raw_terminal();  // the terminal as it was
    raw_terminal(raw_terminal const&) = delete;
    raw_terminal& operator=(raw_terminal const&) = delete;

    void raw();
    void cooked();
    void show(std::string const& screen);
    // The next key, nullopt if none came in time, end_of_input once stdin is closed.
    std::optional<int> next_key(std::chrono::milliseconds wait);
    static constexpr int end_of_input = -1;

private:
    bool terminal_ = false;
    bool saved_ = false;
    std::string last_screen_;
    struct saved_modes;
    std::unique_ptr<saved_modes> modes_;
};

std::string ask_line(std::string const& prompt);    // one line from stdin, without its newline
std::string ask_secret(std::string const& prompt);  // the same, not echoed on a terminal
// A desk prompt, asked while the terminal is raw (counter/prompt.hpp): the answer, or nullopt if
// the clerk pressed Escape (or stdin closed).
std::optional<std::string> ask_answer(std::string const& prompt);

}  // namespace novbe::counter
