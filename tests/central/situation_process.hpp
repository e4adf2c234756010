#pragma once
// A real novbe-central for a test: its configuration in a temporary folder (the central
// database, users with hashed secrets, the silence threshold), an ephemeral port on 127.0.0.1,
// its log; and a page's WebSocket to /live as an independent client would open it (Beast, JSON
// text frames), every wait bounded.
#include "../integration/listening_process.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>

namespace novbe::testing {

class situation_process {
public:
    // `users_toml`: [[users]] entries, each `secret` a plain secret that is hashed here.
    situation_process(std::string const& connection, std::string const& users_toml, int silent_after_seconds = 300);
    ~situation_process();  // SIGKILL if running, then removes the folder
    situation_process(situation_process const&) = delete;
    situation_process& operator=(situation_process const&) = delete;

    void start();                           // waits for "listening on 127.0.0.1:PORT" (10 s at most)
    int stop() { return process_.stop(); }  // SIGTERM, then the exit status
    void kill() { process_.kill(); }        // SIGKILL, as a crash
    unsigned short port() const { return process_.port(); }
    std::string log() const { return process_.log(); }
    std::string const& config_path() const { return config_; }

private:
    std::string folder_, config_;
    listening_process process_;
};

class live_client {
public:
    explicit live_client(unsigned short port, std::string const& from = "127.0.0.1");
    ~live_client();
    void send(boost::json::object const& message);
    // The next message (5 s at most); nothing if the server closed or said nothing in time.
    std::optional<boost::json::object> receive(std::chrono::milliseconds limit = std::chrono::milliseconds(5000));
    // Messages until one satisfies `wanted` (within `limit`); that one, or nothing.
    std::optional<boost::json::object> until(std::function<bool(boost::json::object const&)> const& wanted,
                                             std::chrono::milliseconds limit = std::chrono::milliseconds(10000));
    // Signs in; the welcome, or the refusal's reason as {"type": "refused", ...}.
    boost::json::object sign_in(std::string const& user, std::string const& secret);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace novbe::testing
