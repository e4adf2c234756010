#include "server_process.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace novbe::testing {

server_process::server_process() {
    auto pattern = (std::filesystem::temp_directory_path() / "novbe-server-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
    folder_ = pattern;
    std::filesystem::copy_file(NOVBE_DEMO_CONFIG, folder_ + "/centre.toml");
    hours("00:00", "24:00");
    app::add_user(folder_ + "/centre.toml", clerk, net::role::clerk, clerk_secret);
    app::add_user(folder_ + "/centre.toml", manager, net::role::manager, manager_secret);
}

server_process::~server_process() {
    if (pid_ > 0) stop();
    // The server runs under the same sanitizers as the tests: its reports fail the test.
    auto text = log();
    for (char const* alarm : {"AddressSanitizer", "ThreadSanitizer", "LeakSanitizer", "runtime error:"})
        if (auto at = text.find(alarm); at != std::string::npos)
            ADD_FAILURE() << "novbe-server reported a sanitizer error:\n" << text.substr(at > 200 ? at - 200 : 0, 3000);
    if (log_fd_ >= 0) close(log_fd_);
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void server_process::configure(std::string const& toml) {
    std::ofstream(folder_ + "/centre.toml", std::ios::app) << "\n" << toml << "\n";
}

void server_process::hours(std::string const& opening, std::string const& closing) {
    auto path = folder_ + "/centre.toml";
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    auto toml = std::regex_replace(text.str(), std::regex("\n(opening|closing) = \"[^\"]*\""), "");
    auto at = toml.find("[centre]\n");
    if (at == std::string::npos) throw std::runtime_error("the demo configuration has no [centre] table");
    toml.insert(at + 9, "opening = \"" + opening + "\"\nclosing = \"" + closing + "\"\n");
    std::ofstream(path, std::ios::trunc) << toml;
}

void server_process::start() {
    auto log_path = folder_ + "/server.log";
    std::size_t seen = log().size();
    pid_ = fork();
    if (pid_ == 0) {
        int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, STDERR_FILENO);
        if (descriptors_) {
            rlimit files{descriptors_, descriptors_};
            if (setrlimit(RLIMIT_NOFILE, &files) != 0) _exit(126);
        }
        execl(NOVBE_SERVER_BINARY, NOVBE_SERVER_BINARY, "run", "--config", (folder_ + "/centre.toml").c_str(),
              "--listen", "127.0.0.1:0", "--data-dir", folder_.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    std::regex listening("listening on 127\\.0\\.0\\.1:([0-9]+)");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        auto text = log();
        std::smatch found;
        // Only a line written by this start counts: a restart appends to the same log.
        auto fresh = text.substr(text.size() < seen ? 0 : seen);
        if (std::regex_search(fresh, found, listening)) {
            port_ = static_cast<unsigned short>(std::stoi(found[1]));
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("novbe-server exited at start:\n" + text);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw std::runtime_error("novbe-server did not say where it listens within 10 s:\n" + log());
}

int server_process::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void server_process::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

bool server_process::logs_soon(std::string const& text) const {
    for (int i = 0; i < 100; ++i, std::this_thread::sleep_for(std::chrono::milliseconds(20)))
        if (log().find(text) != std::string::npos) return true;
    return false;
}

std::string server_process::log() const {
    std::ifstream in(folder_ + "/server.log");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace novbe::testing
