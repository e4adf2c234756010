// Failed sign-ins lock a name at the address that guesses it, slow a name guessed from many
// addresses without refusing it, and slow an address that offers credentials naming nothing;
// nobody else is locked out, and a name nobody has is treated as a real one.
#include "net/sign_in_limiter.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

auto const start = sign_in_limiter::clock::time_point{} + 1h;

// `times` wrong secrets for `user` from `address` at `t`: each attempt is charged when it
// begins, and nothing forgives it.
void fail(sign_in_limiter& limiter, std::string const& user, std::string const& address, int times,
          sign_in_limiter::clock::time_point t = start) {
    for (int i = 0; i < times; ++i) limiter.attempt(user, address, t);
}

TEST(sign_in_limiter, five_wrong_secrets_lock_that_name_at_that_address_for_a_minute) {
    sign_in_limiter limiter;
    auto t = start;
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(limiter.attempt("anna", "203.0.113.7", t).locked) << "attempt " << i;
        t += 1s;
    }
    EXPECT_TRUE(limiter.attempt("anna", "203.0.113.7", t).locked);
    EXPECT_TRUE(limiter.locked("anna", "203.0.113.7", t));
    // Anna at her own counter, and Bob from the guesser's address, are not locked.
    EXPECT_FALSE(limiter.attempt("anna", "10.1.0.21", t).locked);
    EXPECT_FALSE(limiter.attempt("bob", "203.0.113.7", t).locked);
    EXPECT_FALSE(limiter.attempt("anna", "203.0.113.7", t + 61s).locked);
}

TEST(sign_in_limiter, a_name_nobody_has_is_locked_after_the_same_count) {
    sign_in_limiter limiter;
    std::vector<bool> anna, nobody;
    for (int i = 0; i < 7; ++i) {
        anna.push_back(limiter.attempt("anna", "203.0.113.7", start).locked);
        nobody.push_back(limiter.attempt("nobody-at-all", "203.0.113.7", start).locked);
    }
    EXPECT_EQ((std::vector<bool>{false, false, false, false, false, true, true}), anna);
    EXPECT_EQ(anna, nobody);
}

TEST(sign_in_limiter, wrong_secrets_spread_beyond_the_window_do_not_add_up) {
    sign_in_limiter limiter;
    auto t = start;
    for (int i = 0; i < 20; ++i) {
        EXPECT_FALSE(limiter.attempt("anna", "203.0.113.7", t).locked) << "attempt " << i;
        t += 2min;  // at most 3 in any 5 minutes
    }
}

TEST(sign_in_limiter, a_success_forgets_that_addresss_failures) {
    sign_in_limiter limiter;
    fail(limiter, "anna", "10.1.0.21", 4);
    limiter.succeeded("anna", "10.1.0.21");
    fail(limiter, "anna", "10.1.0.21", 4);
    EXPECT_FALSE(limiter.attempt("anna", "10.1.0.21", start).locked);
}

TEST(sign_in_limiter, attempts_in_parallel_count_before_their_checks_end) {
    sign_in_limiter limiter;  // six Hellos at once: none answered yet when the sixth comes
    fail(limiter, "anna", "203.0.113.7", 5);
    EXPECT_TRUE(limiter.attempt("anna", "203.0.113.7", start).locked);
}

TEST(sign_in_limiter, a_name_guessed_from_many_addresses_is_held_longer_and_longer_but_never_locked) {
    sign_in_limiter limiter;
    std::vector<long> holds;
    for (int i = 0; i < 16; ++i) {
        auto v = limiter.attempt("anna", "198.51.100." + std::to_string(i), start);
        EXPECT_FALSE(v.locked);
        holds.push_back(v.hold.count());
    }
    EXPECT_EQ((std::vector<long>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000, 4000}), holds);
    // A fresh address is held too (its secret is then checked, never refused unchecked); Bob is not.
    EXPECT_EQ(ms(4000), limiter.attempt("anna", "192.0.2.1", start).hold);
    EXPECT_EQ(ms(0), limiter.attempt("bob", "192.0.2.1", start).hold);
    EXPECT_EQ(ms(0), limiter.attempt("anna", "192.0.2.1", start + 6min).hold);  // forgiven after the window
}

TEST(sign_in_limiter, the_address_a_name_last_signed_in_from_is_not_held) {
    sign_in_limiter limiter;
    limiter.attempt("anna", "10.1.0.21", start);
    limiter.succeeded("anna", "10.1.0.21");  // her counter
    for (int i = 0; i < 30; ++i) limiter.attempt("anna", "198.51.100." + std::to_string(i), start);
    EXPECT_EQ(ms(0), limiter.attempt("anna", "10.1.0.21", start).hold);
    EXPECT_GT(limiter.attempt("anna", "10.1.0.22", start).hold, ms(0));
}

TEST(sign_in_limiter, a_flood_of_made_up_names_from_many_addresses_stays_within_its_tables) {
    sign_in_limiter limiter({.max_records = 1000});
    limiter.attempt("anna", "10.1.0.21", start);
    limiter.succeeded("anna", "10.1.0.21");
    auto t = start;
    for (int i = 0; i < 20'000; ++i) {
        limiter.attempt("made-up-" + std::to_string(i) + std::string(100'000 * (i == 7), 'x'), "198.51." + std::to_string(i), t);
        limiter.unknown_credentials("198.51." + std::to_string(i), t);
        t += 1ms;
    }
    EXPECT_LE(limiter.records(), 3u * 1000);
    // The guesser locked at its address before the flood stays locked through it.
    sign_in_limiter kept({.max_records = 1000});
    fail(kept, "anna", "203.0.113.7", 5, start);
    for (int i = 0; i < 5'000; ++i) kept.attempt("made-up-" + std::to_string(i), "198.51." + std::to_string(i), start + 1ms * i);
    EXPECT_TRUE(kept.locked("anna", "203.0.113.7", start + 30s));
}

TEST(sign_in_limiter, unknown_credentials_slow_their_address_more_with_each_failure_up_to_a_cap) {
    sign_in_limiter limiter;
    std::vector<long> delays;
    for (int i = 0; i < 10; ++i) delays.push_back(limiter.unknown_credentials("10.0.0.5", start).count());
    EXPECT_EQ((std::vector<long>{0, 0, 0, 250, 500, 1000, 2000, 4000, 8000, 8000}), delays);
    EXPECT_EQ(ms(0), limiter.unknown_credentials("10.0.0.6", start));  // another address is not slowed
    EXPECT_FALSE(limiter.attempt("anna", "10.0.0.5", start).locked);   // nor any user
}

TEST(sign_in_limiter, an_address_that_stops_guessing_is_forgiven_after_the_window) {
    sign_in_limiter limiter;
    for (int i = 0; i < 8; ++i) limiter.unknown_credentials("10.0.0.5", start);
    EXPECT_EQ(ms(0), limiter.unknown_credentials("10.0.0.5", start + 6min));
}

}  // namespace
}  // namespace novbe::net
