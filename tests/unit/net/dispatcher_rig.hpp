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
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <utility>

namespace novbe::net::testing {

// The answer to `m` from `who` once it is durable (and once any delay has passed): runs `io`,
// making `log` durable between turns, until the answer comes; a failure and an empty message if
// it does not within 200 turns of `turn`.
inline v1::ServerMessage answer_when_durable(dispatcher& d, boost::asio::io_context& io, memory_log& log,
                                             v1::ClientMessage const& m, identity const& who,
                                             std::chrono::milliseconds turn) {
    std::optional<v1::ServerMessage> got;
    d.handle(who, m, {&got, [&](v1::ServerMessage const& out) { got = out; }, [](auto) {}});
    for (int i = 0; i < 200 && !got; ++i) {
        io.poll();
        io.restart();
        log.make_durable();
        if (!got) io.run_for(turn);
        io.restart();
    }
    EXPECT_TRUE(got) << "no answer";
    return got.value_or(v1::ServerMessage{});
}

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
