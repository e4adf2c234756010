// Failed sign-ins slow the one who guesses and lock out nobody else: behind the centre's proxy
// every client has the same address, so a lock per address would stop the whole hall; a lock per
// user alone would let a stranger keep a clerk out, so a user is locked at the guessing address.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"
#include "core/time.hpp"
#include "net/auth.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace novbe::testing {
namespace {

using clock_type = std::chrono::steady_clock;

std::string random_looking_token(int i) {
    auto text = std::to_string(i);
    return std::string(32 - text.size(), 'a') + text;
}

TEST(sign_in, guessed_ticket_tokens_do_not_lock_out_the_kiosks_boards_and_clerks_behind_the_same_address) {
    server_process process;
    process.start();
    for (int i = 0; i < 6; ++i) {
        ws_client guess(process.port());
        EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(guess.hello(v1::ROLE_TICKET_HOLDER, random_looking_token(i))));
    }
    auto start = clock_type::now();
    ws_client kiosk(process.port());
    EXPECT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    ws_client board(process.port());
    EXPECT_TRUE(board.hello(v1::ROLE_BOARD).reply().has_welcome());
    ws_client pad(process.port());
    EXPECT_TRUE(pad.hello(v1::ROLE_RATING_DEVICE, server_process::rating_token).reply().has_welcome());
    ws_client clerk(process.port());
    EXPECT_TRUE(clerk.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret).reply().has_welcome());
    EXPECT_LT(clock_type::now() - start, std::chrono::seconds(2)) << "honest sign-ins were slowed";
    auto issued = kiosk.request(issue("passport"));
    ASSERT_TRUE(issued.reply().has_issued_ticket());
    ws_client holder(process.port());  // a real ticket's holder is let in too
    EXPECT_TRUE(holder.hello(v1::ROLE_TICKET_HOLDER, issued.reply().issued_ticket().token()).reply().has_welcome());
}

TEST(sign_in, an_address_that_keeps_guessing_is_answered_later_and_later) {
    server_process process;
    process.start();
    std::chrono::milliseconds first{}, last{};
    for (int i = 0; i < 7; ++i) {
        ws_client guess(process.port());
        auto start = clock_type::now();
        EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(guess.hello(v1::ROLE_KIOSK, "not-a-kiosk-" + std::to_string(i))));
        auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start);
        if (i == 0) first = took;
        last = took;
    }
    EXPECT_LT(first, std::chrono::milliseconds(500));  // undelayed; loose for a loaded debug build
    EXPECT_GE(last, std::chrono::milliseconds(800)) << "the seventh guess was answered as fast as the first";
}

TEST(sign_in, wrong_secrets_lock_that_user_at_that_address_only) {
    server_process process;
    process.start();
    for (int i = 0; i < 5; ++i) {
        ws_client guess(process.port());
        EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED",
                  error_name(guess.hello(v1::ROLE_CLERK, server_process::clerk, "guess-" + std::to_string(i))));
    }
    ws_client right(process.port());
    EXPECT_EQ("ERROR_CODE_RATE_LIMITED", error_name(right.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret)));
    ws_client manager(process.port());  // the same address, another user
    EXPECT_TRUE(manager.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).reply().has_welcome());
    ws_client kiosk(process.port());
    EXPECT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
}

// Clients behind the centre's trusted proxy, each by the address it forwards.
ws_options from(std::string const& address) { return ws_options{.headers = {{"X-Forwarded-For", address}}}; }

TEST(sign_in, a_strangers_wrong_secrets_do_not_keep_the_clerk_at_their_counter_out) {
    server_process process;
    process.configure("[server]\ntrusted_proxies = [\"127.0.0.1\"]");
    process.start();
    for (int i = 0; i < 5; ++i) {
        ws_client stranger(process.port(), from("203.0.113.7"));
        EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED",
                  error_name(stranger.hello(v1::ROLE_CLERK, server_process::clerk, "guess-" + std::to_string(i))));
    }
    ws_client again(process.port(), from("203.0.113.7"));  // the stranger is locked out
    EXPECT_EQ("ERROR_CODE_RATE_LIMITED", error_name(again.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret)));
    auto start = clock_type::now();
    ws_client counter(process.port(), from("10.1.0.21"));  // the clerk at the counter is not
    EXPECT_TRUE(counter.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret).reply().has_welcome());
    EXPECT_LT(clock_type::now() - start, std::chrono::seconds(2)) << "the clerk was held";
}

TEST(sign_in, a_name_nobody_has_is_locked_after_as_many_wrong_secrets_as_a_clerk_with_the_same_words) {
    server_process process;
    process.configure("[server]\ntrusted_proxies = [\"127.0.0.1\"]");
    process.start();
    // Each name from its own address, so that only the name's count could differ.
    auto refusals = [&](std::string const& user, std::string const& address) {
        std::vector<std::string> seen;
        for (int i = 0; i < 7; ++i) {
            ws_client c(process.port(), from(address));
            auto refused = c.hello(v1::ROLE_CLERK, user, "guess-" + std::to_string(i));
            seen.push_back(error_name(refused) + ": " + refused.error().message());
        }
        return seen;
    };
    auto clerk = refusals(server_process::clerk, "203.0.113.7");
    auto nobody = refusals("nobody-at-all", "203.0.113.8");
    ASSERT_EQ(7u, clerk.size());
    EXPECT_EQ(0u, clerk[4].find("ERROR_CODE_UNAUTHENTICATED")) << clerk[4];
    EXPECT_EQ(0u, clerk[5].find("ERROR_CODE_RATE_LIMITED")) << clerk[5];
    EXPECT_EQ(clerk, nobody);
}

TEST(sign_in, an_unknown_user_takes_as_long_to_refuse_as_a_wrong_secret) {
    server_process process;
    process.start();
    auto time_of = [&](std::string const& user) {
        ws_client c(process.port());
        auto start = clock_type::now();
        EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(c.hello(v1::ROLE_CLERK, user, "wrong")));
        return clock_type::now() - start;
    };
    time_of("nobody-warm-up");  // the first unknown name prepares the stand-in hash
    // The quickest of three each, taken in turns so that a burst of load elsewhere falls on both:
    // a loaded machine only ever adds time.
    auto wrong_secret = clock_type::duration::max();
    auto unknown = clock_type::duration::max();
    for (auto const* name : {"nobody-1", "nobody-2", "nobody-3"}) {
        wrong_secret = std::min(wrong_secret, time_of(server_process::clerk));
        unknown = std::min(unknown, time_of(name));
    }
    // Without the stand-in check an unknown name is refused in well under a millisecond, a wrong
    // secret in tens of milliseconds; a busy machine blurs the rest, so only the gap is judged.
    EXPECT_GT(unknown * 4, wrong_secret) << "an unknown name is refused much faster: names can be enumerated";
}

TEST(sign_in, a_clerk_on_the_managers_page_is_told_the_page_is_for_managers) {
    server_process process;
    process.start();
    ws_client c(process.port());
    auto refused = c.hello(v1::ROLE_MANAGER, server_process::clerk, server_process::clerk_secret);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(refused));
    EXPECT_NE(std::string::npos, refused.error().message().find("not as manager")) << refused.error().message();
}

TEST(sign_in, a_ticket_token_is_read_in_either_case) {
    server_process process;
    process.start();
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    auto token = kiosk.request(issue("passport")).reply().issued_ticket().token();
    std::transform(token.begin(), token.end(), token.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    ws_client holder(process.port());
    EXPECT_TRUE(holder.hello(v1::ROLE_TICKET_HOLDER, token).reply().has_welcome());
}

TEST(sign_in, yesterdays_ticket_is_told_it_has_expired_and_counts_as_no_guess) {
    server_process process;
    process.start();
    std::ifstream in(process.folder() + "/ticket-token.key", std::ios::binary);
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_EQ(32u, key.size());
    auto const rules = app::load_config(process.folder() + "/centre.toml").centre.rules;
    auto now = std::chrono::time_point_cast<core::duration>(std::chrono::system_clock::now());
    auto today = core::day_of(now, rules.utc_offset, rules.day_start);
    for (int i = 0; i < 6; ++i) {
        ws_client phone(process.port());
        auto refused = phone.hello(v1::ROLE_TICKET_HOLDER, net::to_hex(net::day_stamped_token(key, today - 1)));
        EXPECT_EQ("ERROR_CODE_TICKET_EXPIRED", error_name(refused));
        EXPECT_NE(std::string::npos, refused.error().message().find("valid on its own day")) << refused.error().message();
    }
    auto start = clock_type::now();  // six expired tickets slowed nobody
    ws_client guess(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(guess.hello(v1::ROLE_KIOSK, "made-up")));
    // Charged, six failures would delay this one by seconds; undelayed it takes milliseconds.
    EXPECT_LT(clock_type::now() - start, std::chrono::milliseconds(1000));
    ws_client kiosk(process.port());  // and today's tickets carry today's stamp: they work
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    auto token = kiosk.request(issue("passport")).reply().issued_ticket().token();
    ws_client holder(process.port());
    EXPECT_TRUE(holder.hello(v1::ROLE_TICKET_HOLDER, token).reply().has_welcome());
}

}  // namespace
}  // namespace novbe::testing
