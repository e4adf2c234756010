#include "counter/terminal.hpp"

#include "counter/prompt.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace novbe::counter {

struct raw_terminal::saved_modes {
    termios original{};
};

raw_terminal::raw_terminal() : terminal_(isatty(STDIN_FILENO) == 1), modes_(std::make_unique<saved_modes>()) {
    if (terminal_ && tcgetattr(STDIN_FILENO, &modes_->original) == 0) saved_ = true;
    raw();
}

raw_terminal::~raw_terminal() {
    cooked();
}

void raw_terminal::raw() {
    if (!saved_) return;
    termios t = modes_->original;
    t.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

void raw_terminal::cooked() {
    if (saved_) tcsetattr(STDIN_FILENO, TCSANOW, &modes_->original);
}

void raw_terminal::show(std::string const& screen) {
    if (terminal_) std::cout << "\x1b[H\x1b[2J" << screen << std::flush;
    else if (screen != last_screen_) std::cout << screen << "\n" << std::flush;
    last_screen_ = screen;
}

std::optional<int> raw_terminal::next_key(std::chrono::milliseconds wait) {
    pollfd in{STDIN_FILENO, POLLIN, 0};
    if (poll(&in, 1, static_cast<int>(wait.count())) <= 0) return std::nullopt;
    unsigned char c = 0;
    if (read(STDIN_FILENO, &c, 1) != 1) return end_of_input;
    return c;
}

std::string ask_line(std::string const& prompt) {
    std::cout << prompt << std::flush;
    std::string line;
    for (char c = 0; read(STDIN_FILENO, &c, 1) == 1 && c != '\n';) line.push_back(c);
    return line;
}

std::optional<std::string> ask_answer(std::string const& prompt) {
    bool const terminal = isatty(STDIN_FILENO) == 1;
    std::cout << prompt << std::flush;
    prompt_line line;
    std::string echo;
    for (unsigned char c = 0; read(STDIN_FILENO, &c, 1) == 1;) {
        auto state = line.key(c, echo);
        if (terminal) std::cout << echo << std::flush;
        if (state == prompt_line::state::answered) return line.text();
        if (state == prompt_line::state::cancelled) {
            // An arrow key's or F-key's sequence follows its Escape at once: not the next action.
            if (terminal) {
                for (pollfd in{STDIN_FILENO, POLLIN, 0}; poll(&in, 1, 30) > 0 && read(STDIN_FILENO, &c, 1) == 1;) {}
                std::cout << "\n" << std::flush;
            }
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::string ask_secret(std::string const& prompt) {
    termios original{};
    bool quiet = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &original) == 0;
    if (quiet) {
        termios t = original;
        t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &t);
    }
    auto secret = ask_line(quiet ? prompt : "");
    if (quiet) {
        tcsetattr(STDIN_FILENO, TCSANOW, &original);
        std::cout << "\n";
    }
    return secret;
}

}  // namespace novbe::counter
