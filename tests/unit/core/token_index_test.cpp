// Today's tickets by token: what the phone page, ratings and the duplicate check rely on.
#include "core/token_index.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace novbe::core {
namespace {

std::vector<ticket_token> random_tokens(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<ticket_token> tokens(n);
    for (auto& t : tokens) t = {rng(), rng()};
    return tokens;
}

TEST(token_index, finds_every_ticket_of_a_busy_day_and_nothing_else) {
    token_index index;
    auto tokens = random_tokens(50'000, 1);
    for (std::size_t i = 0; i < 20'000; ++i) tokens.push_back({7, i});  // counted ones, as tests and benchmarks make
    for (std::size_t i = 0; i < tokens.size(); ++i) ASSERT_TRUE(index.insert(tokens[i], static_cast<ticket_ordinal>(i)));
    EXPECT_EQ(tokens.size(), index.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) ASSERT_EQ(std::optional<ticket_ordinal>(i), index.find(tokens[i])) << i;
    for (auto const& stranger : random_tokens(10'000, 2)) EXPECT_FALSE(index.contains(stranger));
    EXPECT_FALSE(index.contains({7, 20'000}));
}

TEST(token_index, a_token_is_given_once) {
    token_index index;
    EXPECT_TRUE(index.insert({1, 2}, 0));
    EXPECT_FALSE(index.insert({1, 2}, 1));
    EXPECT_EQ(std::optional<ticket_ordinal>(0), index.find({1, 2}));
    EXPECT_EQ(1u, index.size());
}

TEST(token_index, a_new_day_forgets_yesterday) {
    token_index index;
    for (auto const& t : random_tokens(3'000, 3)) index.insert(t, 1);
    index.clear();
    EXPECT_EQ(0u, index.size());
    EXPECT_FALSE(index.contains(random_tokens(1, 3)[0]));
    EXPECT_TRUE(index.insert(random_tokens(1, 3)[0], 0));
}

TEST(token_index, equal_whatever_the_order_and_copies_stand_alone) {
    auto tokens = random_tokens(5'000, 4);
    token_index forward, backward;
    for (std::size_t i = 0; i < tokens.size(); ++i) forward.insert(tokens[i], static_cast<ticket_ordinal>(i));
    for (std::size_t i = tokens.size(); i-- > 0;) backward.insert(tokens[i], static_cast<ticket_ordinal>(i));
    EXPECT_TRUE(forward == backward);
    token_index copy = forward;
    copy.insert({9, 9}, 5'000);
    EXPECT_FALSE(copy == forward);
    EXPECT_FALSE(forward.contains({9, 9}));
    token_index other;
    for (std::size_t i = 0; i < tokens.size(); ++i) other.insert(tokens[i], static_cast<ticket_ordinal>(i + 1));
    EXPECT_FALSE(forward == other) << "same tokens, other tickets";
}

}  // namespace
}  // namespace novbe::core
