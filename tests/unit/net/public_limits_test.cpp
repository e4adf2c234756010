// The per-address bounds of the citizens' booking route (docs/DOMAIN.md#phone-bookings): what one
// address may ask and book, and that neighbours and a crowded table do not change it.
#include "net/public_limits.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using namespace std::chrono;
using clock_t_ = public_limits::clock;

TEST(public_limits, an_address_asks_sixty_times_a_minute_then_waits_for_the_minute_to_end) {
    public_limits limits;
    auto t0 = clock_t_::time_point{} + hours(1);
    for (int i = 0; i < 60; ++i) ASSERT_FALSE(limits.request("203.0.113.7", t0 + seconds(i / 2))) << i;
    auto wait = limits.request("203.0.113.7", t0 + seconds(40));
    ASSERT_TRUE(wait);
    EXPECT_EQ(seconds(20), *wait);
    EXPECT_FALSE(limits.request("203.0.113.8", t0 + seconds(40))) << "a neighbour is untouched";
    EXPECT_FALSE(limits.request("203.0.113.7", t0 + seconds(60))) << "a new minute";
}

TEST(public_limits, an_address_makes_three_bookings_a_day_and_cancelling_gives_none_back) {
    public_limits limits;
    auto t0 = clock_t_::time_point{} + hours(1);
    for (int i = 0; i < 3; ++i) {
        ASSERT_FALSE(limits.may_book("198.51.100.4", t0 + minutes(i)));
        limits.booked("198.51.100.4", t0 + minutes(i));
    }
    auto wait = limits.may_book("198.51.100.4", t0 + hours(1));
    ASSERT_TRUE(wait);
    EXPECT_EQ(hours(23), *wait) << "until the first of the three is a day old";
    EXPECT_FALSE(limits.may_book("198.51.100.5", t0 + hours(1)));
    EXPECT_FALSE(limits.may_book("198.51.100.4", t0 + hours(24))) << "the first is a day old";
}

TEST(public_limits, an_ipv6_network_counts_as_one_address) {
    public_limits limits;
    auto t0 = clock_t_::time_point{} + hours(1);
    EXPECT_EQ("2001:db8:1:2::/64", public_limits::key_of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    EXPECT_EQ("203.0.113.7", public_limits::key_of("203.0.113.7"));
    for (int i = 0; i < 3; ++i) limits.booked("2001:db8:1:2::" + std::to_string(i + 1), t0);
    EXPECT_TRUE(limits.may_book("2001:db8:1:2:ffff::9", t0)) << "another address of the same /64";
    EXPECT_FALSE(limits.may_book("2001:db8:1:3::1", t0));
}

TEST(public_limits, a_crowded_table_forgets_the_idle_first_and_stays_bounded) {
    public_limits limits({.max_records = 100});
    auto t0 = clock_t_::time_point{} + hours(1);
    for (int i = 0; i < 3; ++i) limits.booked("192.0.2.1", t0);
    for (int i = 0; i < 500; ++i) limits.request("10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250), t0 + minutes(2) + seconds(i));
    EXPECT_LE(limits.records(), 100u);
    EXPECT_TRUE(limits.may_book("192.0.2.1", t0 + minutes(3))) << "its bookings still count";
}

}  // namespace
}  // namespace novbe::net
