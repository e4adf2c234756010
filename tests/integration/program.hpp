#pragma once
// Runs one of our command-line programs (novbe-kiosk, novbe-counter) as a user would, with
// its own environment and input, and gives back what it said and how it ended.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace novbe::testing {

struct program_result {
    int exit_code = -1;  // 128 + signal if killed; -1 if it outlived the limit
    std::string out;
    std::string err;
};

// A whole file as it is on disk (empty if it is missing): a printer's output, a program's.
std::string slurp(std::string const& path);

// Sanitizer reports on stderr fail the calling test.
program_result run_program(std::vector<std::string> const& argv, std::vector<std::pair<std::string, std::string>> const& env = {},
                           std::string const& input = "", std::chrono::seconds limit = std::chrono::seconds(30));

}  // namespace novbe::testing
