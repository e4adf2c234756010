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

}  // namespace
}  // namespace novbe::net
