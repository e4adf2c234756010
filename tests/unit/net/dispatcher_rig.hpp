#pragma once
// What a dispatcher test stands on: a one-line centre (passport "A", counter 1) at a fixed
// moment, behind a memory_log, with its hub and the dispatcher, all on one io_context that
// the test runs by hand. Members keep their fixtures' names; not thread-safe, as the tests.
#include "memory_log.hpp"
#include "net/centre_service.hpp"
#include "net/dispatcher.hpp"
#include "net/hub.hpp"
#include "net/settings.hpp"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <utility>

namespace novbe::net::testing {

struct dispatcher_rig {
    explicit dispatcher_rig(settings s)
        : settings_(std::move(s)),
          centre_(io_.get_executor(), log_, core::centre(config()), 0,
                  [] { return core::time_point{std::chrono::hours(24 * 20'000 + 10)}; }, hub_),
          dispatch_(centre_, settings_, io_.get_executor(), io_.get_executor()) {}

    static core::centre_config config() {
        core::centre_config c;
        c.services.push_back({.id = "passport", .prefix = "A"});
        c.counters.push_back({.number = 1, .name = "1", .services = {0}});
        return c;
    }
    // The centre's settings in English only, to which a test adds its users and devices.
    static settings english() {
        settings s;
        s.centre = config();
        s.profile.languages = {"en"};
        return s;
    }

    boost::asio::io_context io_;
    memory_log log_;
    hub hub_;
    settings settings_;
    centre_service centre_;
    dispatcher dispatch_;
};

}  // namespace novbe::net::testing
