// What the server's speech says (server/net/speech_text.hpp): the board's sentence with the
// number as the browser voice says it, Kinyarwanda's numbers digit by digit in Kinyarwanda
// words, and nothing that is not a call.
#include "net/speech_text.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

TEST(speech_text, says_the_boards_sentence_with_the_number_as_a_number) {
    EXPECT_EQ("Ticket A 12, please go to counter 3.", call_sentence("en", "A012", 3));
    EXPECT_EQ("A 12 nömrəli bilet, 3 nömrəli masaya yaxınlaşın.", call_sentence("az", "A012", 3));
    EXPECT_EQ("Талон A 7, пройдите к окну 12.", call_sentence("ru", "A007", 12));
    EXPECT_EQ("Ticket B 100, veuillez vous présenter au guichet 8.", call_sentence("fr", "B100", 8));
}

TEST(speech_text, kinyarwanda_is_read_by_the_swahili_voice_with_its_own_digit_words) {
    EXPECT_EQ("sw", speech_voice("rw"));
    EXPECT_EQ("Itike A, rimwe, kabiri, mwegere idirishya gatatu.", call_sentence("rw", "A012", 3));
    EXPECT_EQ("Itike A B, zeru, mwegere idirishya rimwe, zeru.", call_sentence("rw", "AB000", 10));
}

TEST(speech_text, only_a_call_is_said) {
    EXPECT_EQ(std::nullopt, call_sentence("de", "A012", 3));
    EXPECT_EQ(std::nullopt, call_sentence("en", "hello", 3));
    EXPECT_EQ(std::nullopt, call_sentence("en", "A01 2", 3));
    EXPECT_EQ(std::nullopt, call_sentence("en", "ABCDE1", 3));
    EXPECT_EQ(std::nullopt, call_sentence("en", "A1234567", 3));
    EXPECT_EQ(std::nullopt, call_sentence("en", "012", 3));
    EXPECT_EQ(std::nullopt, call_sentence("en", "A012", 0));
    EXPECT_EQ(std::nullopt, call_sentence("en", "A012", 10000));
}

}  // namespace
}  // namespace novbe::net
