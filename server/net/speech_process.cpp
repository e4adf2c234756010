#include "speech_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <vector>

extern char** environ;

namespace novbe::net {

namespace {

void put_u32(std::string& bytes, std::size_t at, std::size_t value) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint32_t get_u32(std::string const& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}

// RIFF size and the data chunk's size from what was actually written; false if it is no WAV.
bool fill_lengths(std::string& wav) {
    if (wav.size() < 44 || wav.compare(0, 4, "RIFF") != 0 || wav.compare(8, 4, "WAVE") != 0) return false;
    put_u32(wav, 4, wav.size() - 8);
    for (std::size_t at = 12; at + 8 <= wav.size();) {
        if (wav.compare(at, 4, "data") == 0) {
            put_u32(wav, at + 4, wav.size() - at - 8);
            return true;
        }
        at += 8 + get_u32(wav, at + 4);
    }
    return false;
}

}  // namespace

bool program_available(std::string const& program) {
    if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
    std::string path = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= path.size();) {
        auto end = path.find(':', start);
        if (end == std::string::npos) end = path.size();
        auto candidate = path.substr(start, end - start) + "/" + program;
        if (end > start && access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

std::optional<std::string> render_wav(std::string const& program, std::string const& voice, std::string const& text,
                                      std::chrono::milliseconds deadline, std::size_t max_bytes) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<std::string> args{program, "-v", voice, "-s", "140", "--stdout", "--", text};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    int spawned = posix_spawnp(&child, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        return std::nullopt;
    }
    std::string wav;
    bool ok = true;
    auto until = std::chrono::steady_clock::now() + deadline;
    char buffer[16384];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        pollfd p{out[0], POLLIN, 0};
        if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) { ok = false; break; }  // too slow
        auto n = read(out[0], buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0 || wav.size() + static_cast<std::size_t>(n) > max_bytes) { ok = false; break; }
        wav.append(buffer, static_cast<std::size_t>(n));
    }
    close(out[0]);
    if (!ok) kill(child, SIGKILL);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fill_lengths(wav)) return std::nullopt;
    return wav;
}

}  // namespace novbe::net
