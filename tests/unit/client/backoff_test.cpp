// Reconnect waits: doubling from the first, capped, jittered within the upper half, reset on success.
#include "client/backoff.hpp"

#include <gtest/gtest.h>

#include <set>

namespace novbe::client {
namespace {

using std::chrono::milliseconds;

TEST(backoff, waits_double_up_to_the_cap_each_in_the_upper_half_of_its_step) {
    backoff b(milliseconds(100), milliseconds(1000), 7);
    for (auto ceiling : {100, 200, 400, 800, 1000, 1000, 1000}) {
        auto wait = b.next().count();
        EXPECT_GE(wait, ceiling / 2);
        EXPECT_LE(wait, ceiling);
    }
    EXPECT_EQ(7, b.attempts());
    b.reset();
    EXPECT_LE(b.next().count(), 100);
}

TEST(backoff, kiosks_that_lost_the_server_together_come_back_at_different_times) {
    std::set<long long> first_waits;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        backoff b(milliseconds(1000), milliseconds(30000), seed);
        b.next();
        b.next();
        first_waits.insert(b.next().count());  // the third wait: 2 to 4 s
    }
    EXPECT_GT(first_waits.size(), 15u);
}

}  // namespace
}  // namespace novbe::client
