// Failed sign-ins lock the user whose secret is guessed, and slow an address that offers
// credentials naming nothing; nobody else is locked out.
#include "net/sign_in_limiter.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

auto const start = sign_in_limiter::clock::time_point{} + 1h;

TEST(sign_in_limiter, five_wrong_secrets_lock_that_user_for_a_minute_and_nobody_else) {
    sign_in_limiter limiter;
    auto t = start;
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(limiter.locked("anna", t));
        limiter.wrong_secret("anna", t);
        t += 1s;
    }
    limiter.wrong_secret("anna", t);
    EXPECT_TRUE(limiter.locked("anna", t));
    EXPECT_FALSE(limiter.locked("bob", t));
    t += 61s;
    EXPECT_FALSE(limiter.locked("anna", t));
}

TEST(sign_in_limiter, wrong_secrets_spread_beyond_the_window_do_not_add_up) {
    sign_in_limiter limiter;
    auto t = start;
    for (int i = 0; i < 20; ++i) {
        EXPECT_FALSE(limiter.locked("anna", t)) << "attempt " << i;
        limiter.wrong_secret("anna", t);
        t += 2min;  // at most 3 in any 5 minutes
    }
}

TEST(sign_in_limiter, a_success_forgets_the_users_failures) {
    sign_in_limiter limiter;
    for (int i = 0; i < 4; ++i) limiter.wrong_secret("anna", start);
    limiter.succeeded("anna");
    limiter.wrong_secret("anna", start);
    EXPECT_FALSE(limiter.locked("anna", start));
}

TEST(sign_in_limiter, unknown_credentials_slow_their_address_more_with_each_failure_up_to_a_cap) {
    sign_in_limiter limiter;
    std::vector<long> delays;
    for (int i = 0; i < 10; ++i) delays.push_back(limiter.unknown_credentials("10.0.0.5", start).count());
    EXPECT_EQ((std::vector<long>{0, 0, 0, 250, 500, 1000, 2000, 4000, 8000, 8000}), delays);
    EXPECT_EQ(ms(0), limiter.unknown_credentials("10.0.0.6", start));  // another address is not slowed
    EXPECT_FALSE(limiter.locked("anna", start));                        // nor any user
}

TEST(sign_in_limiter, an_address_that_stops_guessing_is_forgiven_after_the_window) {
    sign_in_limiter limiter;
    for (int i = 0; i < 8; ++i) limiter.unknown_credentials("10.0.0.5", start);
    EXPECT_EQ(ms(0), limiter.unknown_credentials("10.0.0.5", start + 6min));
}

}  // namespace
}  // namespace novbe::net
