#include "listening_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

namespace novbe::testing {

std::string temporary_folder(std::string const& prefix) {
    auto pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
    return pattern;
}

listening_process::listening_process(std::string name, std::string log_path)
    : name_(std::move(name)), log_path_(std::move(log_path)) {}

listening_process::~listening_process() { kill(); }

void listening_process::start(std::vector<std::string> const& argv, unsigned descriptors) {
    // Everything the child needs is made before fork: after it, only async-signal-safe calls.
    std::vector<char*> args;
    for (auto const& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::size_t seen = log().size();
    pid_ = fork();
    if (pid_ == 0) {
        int fd = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, STDERR_FILENO);
        if (descriptors) {
            rlimit files{descriptors, descriptors};
            if (setrlimit(RLIMIT_NOFILE, &files) != 0) _exit(126);
        }
        execv(args[0], args.data());
        _exit(127);
    }
    std::regex listening("listening on 127\\.0\\.0\\.1:([0-9]+)");
    for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
         std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(std::chrono::milliseconds(20))) {
        auto text = log();
        // A restart appends to the same log: the last run's line is no answer.
        auto fresh = text.substr(text.size() < seen ? 0 : seen);
        std::smatch found;
        if (std::regex_search(fresh, found, listening)) {
            port_ = static_cast<unsigned short>(std::stoi(found[1]));
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error(name_ + " exited at start:\n" + text);
        }
    }
    throw std::runtime_error(name_ + " did not say where it listens within 30 s:\n" + log());
}

int listening_process::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void listening_process::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

bool listening_process::logs_soon(std::string const& text) const {
    for (int i = 0; i < 100; ++i, std::this_thread::sleep_for(std::chrono::milliseconds(20)))
        if (log().find(text) != std::string::npos) return true;
    return false;
}

std::string listening_process::log() const {
    std::ifstream in(log_path_);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace novbe::testing
