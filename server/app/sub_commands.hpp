#pragma once
// The table of novbe-server's sub-commands (main.cpp parses the command line with it): each
// one's words, the options it takes, and the usage that --help prints.
#include <string>
#include <vector>

namespace novbe::app {

// One sub-command: its words, the options it takes, and its usage (the lines --help prints).
struct sub_command {
    std::string words;  // "run", "user add"
    std::vector<std::string> options;
    std::vector<std::string> required;  // those of the options without a default
    std::string usage;
};

std::vector<sub_command> const& sub_commands();

}  // namespace novbe::app
