#pragma once
// One of our servers (novbe-server, novbe-central) as a test's child process: its stderr
// appended to a log file, started when asked, ready once it logs "listening on 127.0.0.1:PORT"
// (10 s at most), stopped with SIGTERM or killed as a crash. Not thread-safe: one test drives it.
#include <string>
#include <sys/types.h>
#include <vector>

namespace novbe::testing {

// A new folder under the system's temporary one, named `prefix` and six random characters.
std::string temporary_folder(std::string const& prefix);

class listening_process {
public:
    // `name` says which program in errors; `log_path` collects its stderr across restarts.
    listening_process(std::string name, std::string log_path);
    ~listening_process();  // SIGKILL if still running
    listening_process(listening_process const&) = delete;
    listening_process& operator=(listening_process const&) = delete;

    // Runs argv[0] with `argv`; `descriptors` (0: as inherited) becomes its soft and hard
    // RLIMIT_NOFILE. Only a "listening on" line written by this start counts.
    void start(std::vector<std::string> const& argv, unsigned descriptors = 0);
    int stop();   // SIGTERM, then the exit status (or 128 + signal); -1 if not running
    void kill();  // SIGKILL, as a crash
    unsigned short port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string log() const;                        // everything it wrote to stderr so far
    bool logs_soon(std::string const& text) const;  // `text` is in the log within 2 s

private:
    std::string name_, log_path_;
    pid_t pid_ = -1;
    unsigned short port_ = 0;
};

}  // namespace novbe::testing
