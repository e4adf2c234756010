// Failed sign-ins lock an address and a user name for a while; the right secret later works.
#include "net/sign_in_limiter.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using namespace std::chrono_literals;

TEST(sign_in_limiter, five_failures_lock_the_address_and_the_user_for_a_minute) {
    sign_in_limiter limiter;
    auto t = sign_in_limiter::clock::time_point{} + 1h;
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(limiter.locked("10.0.0.5", "anna", t));
        limiter.failed("10.0.0.5", "anna", t);
        t += 1s;
    }
    limiter.failed("10.0.0.5", "anna", t);
    EXPECT_TRUE(limiter.locked("10.0.0.5", "bob", t));    // the address
    EXPECT_TRUE(limiter.locked("10.0.0.9", "anna", t));   // the user, from anywhere
    EXPECT_FALSE(limiter.locked("10.0.0.9", "bob", t));
    t += 61s;
    EXPECT_FALSE(limiter.locked("10.0.0.5", "anna", t));
}

TEST(sign_in_limiter, failures_spread_beyond_the_window_do_not_add_up) {
    sign_in_limiter limiter;
    auto t = sign_in_limiter::clock::time_point{} + 1h;
    for (int i = 0; i < 20; ++i) {
        EXPECT_FALSE(limiter.locked("10.0.0.5", "anna", t)) << "attempt " << i;
        limiter.failed("10.0.0.5", "anna", t);
        t += 2min;  // at most 3 in any 5 minutes
    }
}

TEST(sign_in_limiter, a_success_forgets_the_users_failures) {
    sign_in_limiter limiter;
    auto t = sign_in_limiter::clock::time_point{} + 1h;
    for (int i = 0; i < 4; ++i) limiter.failed("10.0.0." + std::to_string(i), "anna", t);
    limiter.succeeded("anna");
    limiter.failed("10.0.0.7", "anna", t);
    EXPECT_FALSE(limiter.locked("10.0.0.8", "anna", t));
}

}  // namespace
}  // namespace novbe::net
