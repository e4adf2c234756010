#pragma once
// What the set-up tests over the wire share: a demo server with an admin added before it starts
// (docs/SETUP.md), and connections signed in as anyone.
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <string>

namespace novbe::testing {

inline constexpr char const* admin = "root";
inline constexpr char const* admin_secret = "root-secret-1";

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
