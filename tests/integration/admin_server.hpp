#pragma once
// What the set-up tests over the wire share: a demo server with an admin added before it starts
// (docs/SETUP.md), and connections signed in as anyone.
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"
#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace novbe::testing {

inline constexpr char const* admin = "root";
inline constexpr char const* admin_secret = "root-secret-1";

// The demo centre's today, `ahead` days on ("2026-12-02"): Asia/Baku is UTC+4 all year, and its
// day starts at midnight.
inline std::string centre_today(int ahead = 0) {
    auto local = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + std::chrono::hours(4));
    return core::date_text(static_cast<core::day_number>(local.time_since_epoch().count()) + ahead);
}

class admin_server_test : public ::testing::Test {
protected:
    admin_server_test() { app::add_user(process.folder() + "/centre.toml", admin, net::role::admin, admin_secret); }
    ws_client signed_in(v1::Role role, std::string const& user, std::string const& secret = "") {
        ws_client c(process.port());
        auto w = c.hello(role, user, secret);
        EXPECT_TRUE(w.has_reply()) << user << ": " << w.DebugString();
        return c;
    }
    // A kiosk signed in and following the hall (a board's view), as a set-up change reaches it.
    ws_client following_kiosk() {
        auto kiosk = signed_in(v1::ROLE_KIOSK, server_process::kiosk_token);
        v1::ClientMessage follow;
        follow.mutable_subscribe()->set_view(v1::VIEW_BOARD);
        EXPECT_TRUE(kiosk.request(follow).has_snapshot());
        return kiosk;
    }
    server_process process;
};

}  // namespace novbe::testing
