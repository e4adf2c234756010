#pragma once
// The situation room's state on the event loop's one thread: the latest figures of every centre
// (as PostgreSQL rendered them) and the signed-in sessions, each sent what its user may see:
// a centre's summary when it changes, and the detail of the one centre it follows. A hub with no
// sockets in it; sessions are held weakly.
#include "central/central_config.hpp"
#include "central/figures_query.hpp"
#include "net/sign_in_limiter.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace novbe::central {

class live_session;

class room {
public:
    explicit room(central_settings settings) : settings_(std::move(settings)) {}

    void update(centre_figures f);  // a centre's new figures
    void database(bool connected);  // the central database reached or lost
    void join(std::weak_ptr<live_session> s) { sessions_.push_back(std::move(s)); }

    central_settings const& settings() const { return settings_; }
    net::sign_in_limiter& limiter() { return limiter_; }

    // The messages a session is sent (JSON text).
    std::string welcome(central_user const& u) const;           // who, the languages, every centre it sees
    std::string centre_message(centre_figures const& f) const;  // one centre's summary
    std::string const* detail(std::string const& centre_id) const;
    std::string detail_message(std::string const& detail) const;

private:
    std::string status_message() const;
    central_settings settings_;
    net::sign_in_limiter limiter_;
    std::map<std::string, centre_figures> centres_;
    std::vector<std::weak_ptr<live_session>> sessions_;
    bool connected_ = false;
};

std::int64_t now_ms();
std::string json_quoted(std::string const& text);

}  // namespace novbe::central
