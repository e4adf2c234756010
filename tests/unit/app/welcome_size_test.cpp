// Every Hello's Welcome, and every set-up command's reply, carries the whole CentreInfo
// (docs/PROTOCOL.md): the set-up's caps (server/core/config.hpp) bound it. Measured here at the
// caps, in the demo's five languages, once with every text as long as it may be and once with
// the demo's own names; printed, and held under bounds a kiosk's or board's link carries at once.
#include "app/config_file.hpp"
#include "net/protocol.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace novbe::app {
namespace {

std::string prefix_of(std::size_t i) {  // AAA, AAB, ...: unique, 3 capitals
    return {static_cast<char>('A' + i / 676 % 26), static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26)};
}

// The demo's file with as many services and counters as the caps allow: `longest` for names,
// ids and agencies of the most bytes the commands take, else the demo's own, repeated.
std::pair<net::settings, core::centre_config> at_the_caps(bool longest) {
    auto settings = load_config(NOVBE_DEMO_CONFIG);
    auto config = settings.centre;
    auto const demo = config.services;
    config.services.clear();
    config.counters.clear();
    for (std::size_t i = 0; i < core::max_services; ++i) {
        auto s = demo[i % demo.size()];
        s.prefix = prefix_of(i);
        s.id = longest ? std::string(64 - 3, 'i') + s.prefix : s.id + std::to_string(i);
        if (longest) {
            s.agency = std::string(64, 'a');
            for (auto& [language, name] : s.names) name = std::string(core::max_service_name, 'n');
            for (auto& [language, name] : s.agency_names) name = std::string(core::max_service_name, 'g');
        }
        config.services.push_back(std::move(s));
    }
    for (std::size_t n = 1; n <= core::max_counters; ++n) {
        core::counter_config c{.number = static_cast<core::counter_number>(longest ? 9999 - n : n),
                               .name = longest ? std::string(128, 'c') : "Counter " + std::to_string(n)};
        for (std::size_t k = 0; k < (longest ? core::max_counter_services : 2); ++k)
            c.services.push_back(static_cast<core::service_index>((n + k) % core::max_services));
        config.counters.push_back(std::move(c));
    }
    EXPECT_EQ("", core::validate(config)) << "a set-up the file and the commands take";
    return {std::move(settings), std::move(config)};
}

std::size_t welcome_bytes(net::settings const& s, core::centre const& c) {
    v1::ServerMessage m;
    *m.mutable_reply()->mutable_welcome()->mutable_centre() = net::centre_info(s, c);
    return m.ByteSizeLong();
}

TEST(welcome_size, at_the_caps_the_whole_centre_stays_small) {
    auto [longest, worst_config] = at_the_caps(true);
    auto [demo, demo_config] = at_the_caps(false);
    auto const worst = welcome_bytes(longest, core::centre(worst_config));
    auto const usual = welcome_bytes(demo, core::centre(demo_config));
    std::printf("Welcome at %zu services, %zu counters (%zu services each at most): %zu bytes with the longest texts, "
                "%zu with the demo's names\n",
                core::max_services, core::max_counters, core::max_counter_services, worst, usual);
    EXPECT_LT(worst, 300u * 1024) << "the worst a set-up can make it";
    EXPECT_LT(usual, 64u * 1024) << "a centre named as the demo is";
    EXPECT_LT(worst, 1024u * 1024 - 64 * 1024) << "under [server] max_queued_kib's default, so a link can carry it";
}

}  // namespace
}  // namespace novbe::app
