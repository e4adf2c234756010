#pragma once
// The command handlers' fixture: a small centre and a context to run a handler as someone.
#include "net/command_handlers.hpp"
#include "net/read_sources.hpp"

#include <gtest/gtest.h>

namespace novbe::net::testing {

using M = v1::ClientMessage;

class handlers : public ::testing::Test {
protected:
    handlers() : centre_(config()) {}
    static core::centre_config config() {
        core::centre_config c;
        c.services.push_back({.id = "passport", .prefix = "A"});
        c.counters.push_back({.number = 1, .name = "1", .services = {0}});
        c.counters.push_back({.number = 2, .name = "2", .services = {0}});
        return c;
    }
    command_context as(identity const& who) {
        s_.centre = centre_.config();
        s_.profile.languages = {"en"};
        return {centre_, s_, who, core::time_point{}, &sources_};
    }
    static command_handler const& of(M::CommandCase c) { return handler_of(*commands::find(c)); }

    core::centre centre_;
    settings s_;
    read_sources sources_;
};

}  // namespace novbe::net::testing
