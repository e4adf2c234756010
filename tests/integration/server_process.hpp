#pragma once
// A real novbe-server process for integration tests: its own temporary folder with the demo
// configuration (plus test users and devices), an ephemeral port on 127.0.0.1, and its log.
#include "listening_process.hpp"

#include <cstdint>
#include <string>
#include <sys/types.h>

namespace novbe::testing {

class server_process {
public:
    server_process();   // prepares the folder and configuration; does not start
    ~server_process();  // SIGTERM if still running, then removes the folder
    server_process(server_process const&) = delete;
    server_process& operator=(server_process const&) = delete;

    void configure(std::string const& toml);  // appended to the configuration before start()
    // The centre's opening hours ("HH:MM", local). Open all day unless a test sets them, so that
    // tests pass at any hour of the demo centre's day.
    void hours(std::string const& opening, std::string const& closing);
    // Starts it with soft and hard RLIMIT_NOFILE at `count` (set in the child before exec).
    void limit_descriptors(unsigned count) { descriptors_ = count; }
    void start();                              // waits for "listening on 127.0.0.1:PORT" (10 s at most)
    int stop() { return process_.stop(); }     // SIGTERM, then the exit status (or 128 + signal)
    void kill() { process_.kill(); }           // SIGKILL, as a crash
    unsigned short port() const { return process_.port(); }
    pid_t pid() const { return process_.pid(); }
    std::string const& folder() const { return folder_; }
    std::string log() const { return process_.log(); }  // everything it wrote to stderr so far
    bool logs_soon(std::string const& text) const { return process_.logs_soon(text); }  // within 2 s

    static constexpr char const* clerk = "anna";
    static constexpr char const* clerk_secret = "anna-secret-1";
    static constexpr char const* manager = "leyla";
    static constexpr char const* manager_secret = "leyla-secret-1";
    static constexpr char const* kiosk_token = "demo-kiosk-entrance-7f3a";
    static constexpr char const* rating_token = "demo-rating-counter1-5d80";
    // The first start logs the file's 7 services and 8 counters, then its 2 users and 3 devices
    // (docs/SETUP.md#one-source-of-truth): the log's first ticket or day event comes after them.
    static constexpr std::uint64_t seed_events = 20;

private:
    std::string folder_;
    listening_process process_;
    unsigned descriptors_ = 0;  // 0: as inherited
};

}  // namespace novbe::testing
