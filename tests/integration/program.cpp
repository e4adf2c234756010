#include "program.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace novbe::testing {

std::string slurp(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

program_result run_program(std::vector<std::string> const& argv, std::vector<std::pair<std::string, std::string>> const& env,
                           std::string const& input, std::chrono::seconds limit) {
    auto folder = (std::filesystem::temp_directory_path() / "novbe-program-XXXXXX").string();
    if (!mkdtemp(folder.data())) throw std::runtime_error("cannot make a temporary folder");
    std::ofstream(folder + "/in") << input;
    pid_t pid = fork();
    if (pid == 0) {
        for (auto const& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
        int in = open((folder + "/in").c_str(), O_RDONLY);
        int out = open((folder + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open((folder + "/err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(in, STDIN_FILENO);
        dup2(out, STDOUT_FILENO);
        dup2(err, STDERR_FILENO);
        std::vector<char*> args;
        for (auto const& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    program_result r;
    auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) != pid) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            status = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (status != -1) r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(folder + "/out");
    r.err = slurp(folder + "/err");
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    for (char const* alarm : {"AddressSanitizer", "ThreadSanitizer", "LeakSanitizer", "runtime error:"})
        if (r.err.find(alarm) != std::string::npos) ADD_FAILURE() << argv[0] << " reported a sanitizer error:\n" << r.err;
    return r;
}

}  // namespace novbe::testing
