// A ticket's token as it appears in its status URL (/t/TOKEN) and is read back from it.
#include "net/auth.hpp"

#include <gtest/gtest.h>

#include <set>

namespace novbe::net {
namespace {

TEST(ticket_token_text, is_32_lower_case_hex_digits_high_half_first) {
    EXPECT_EQ("0123456789abcdeffedcba9876543210", to_hex({.hi = 0x0123456789abcdef, .lo = 0xfedcba9876543210}));
    EXPECT_EQ("00000000000000010000000000000000", to_hex({.hi = 1, .lo = 0}));
}

TEST(ticket_token_text, reads_back_what_it_wrote_and_nothing_else) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        auto token = random_token();
        EXPECT_FALSE(token.empty());
        auto text = to_hex(token);
        EXPECT_TRUE(seen.insert(text).second) << "a token repeated: " << text;
        EXPECT_EQ(token, from_hex(text));
    }
    // Written in lower case; read in either (a QR reader or a person may upper-case it).
    EXPECT_EQ(from_hex("0123456789abcdeffedcba9876543210"), from_hex("0123456789ABCDEFfedcba9876543210"));
    EXPECT_EQ(std::nullopt, from_hex("0123456789abcdef"));
    EXPECT_EQ(std::nullopt, from_hex("0123456789abcdeffedcba987654321g"));
}

TEST(ticket_token_day, a_stamped_token_names_its_day_to_the_key_that_stamped_it_and_to_no_other) {
    auto key = random_key();
    auto token = day_stamped_token(key, 20'000);
    EXPECT_EQ(std::optional<core::day_number>(20'000), stamped_day(key, token, 20'001, 31));  // yesterday's
    EXPECT_EQ(std::optional<core::day_number>(20'000), stamped_day(key, token, 20'031, 31));
    EXPECT_EQ(std::nullopt, stamped_day(key, token, 20'032, 31));  // older than asked
    EXPECT_EQ(std::nullopt, stamped_day(key, token, 20'000, 31));  // today's is no earlier day's
    EXPECT_EQ(std::nullopt, stamped_day(random_key(), token, 20'001, 31));
    EXPECT_EQ(std::nullopt, stamped_day("", token, 20'001, 31));
}

TEST(ticket_token_day, guessed_tokens_almost_never_carry_a_stamp) {
    auto key = random_key();
    int stamped = 0;
    for (int i = 0; i < 10'000; ++i) stamped += stamped_day(key, random_token(), 20'001, 31).has_value();
    EXPECT_EQ(0, stamped);  // 31 chances in 2^32 each
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(to_hex(day_stamped_token(key, 20'000))).second);
}

}  // namespace
}  // namespace novbe::net
