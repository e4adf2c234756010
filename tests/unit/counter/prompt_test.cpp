// The desk's prompts as a clerk types at them: Escape cancels (nothing is sent, never an id made
// of the Escape), Backspace takes back a letter, and an empty transfer is answered in the clerk's
// language.
#include "counter/prompt.hpp"

#include <gtest/gtest.h>

namespace novbe::counter {
namespace {

// The keys typed, then what the prompt gives: the answer, or "(cancelled)".
std::string typed(std::string const& keys) {
    prompt_line line;
    std::string echo;
    for (unsigned char c : keys) {
        auto state = line.key(c, echo);
        if (state == prompt_line::state::answered) return line.text();
        if (state == prompt_line::state::cancelled) return "(cancelled)";
    }
    return "(still asking: " + line.text() + ")";
}

TEST(counter_prompt, escape_cancels_the_prompt_wherever_it_is_typed) {
    EXPECT_EQ("(cancelled)", typed("\x1b"));
    EXPECT_EQ("(cancelled)", typed("pass\x1b\n"));
    EXPECT_EQ("(cancelled)", typed("\x1b[A"));  // an arrow key
}

TEST(counter_prompt, enter_answers_and_backspace_takes_back_a_whole_letter) {
    EXPECT_EQ("2", typed("2\n"));
    EXPECT_EQ("", typed("\n"));
    EXPECT_EQ("id_card", typed("id_cardx\x7f\r"));
    EXPECT_EQ("Д", typed("ДЖ\x7f\n"));  // two bytes each in UTF-8
    EXPECT_EQ("", typed("\x7f\x7f\n"));
}

TEST(counter_prompt, a_transfer_pick_is_a_listed_number_or_an_id_and_empty_is_none) {
    std::vector<std::string> const others{"passport", "notary"};
    EXPECT_EQ("notary", transfer_choice("2", others));
    EXPECT_EQ("property", transfer_choice("property", others));
    EXPECT_EQ("9", transfer_choice("9", others));  // not listed: the server names it unknown
    EXPECT_FALSE(transfer_choice("", others).has_value());
}

TEST(counter_prompt, an_empty_transfer_or_call_is_answered_in_the_clerks_language) {
    EXPECT_EQ("Transfer: to which service?", unanswered("transfer", {""}, "en"));
    EXPECT_EQ("Call: ticket number", unanswered("call", {""}, "en"));
    for (auto const* language : {"az", "ru", "rw", "fr"}) {
        auto said = unanswered("transfer", {""}, language);
        EXPECT_FALSE(said.empty());
        EXPECT_EQ(std::string::npos, said.find("service?")) << language << ": " << said;
        EXPECT_EQ(std::string::npos, said.find("needs")) << language << ": " << said;
    }
    EXPECT_EQ("", unanswered("transfer", {"notary"}, "en"));
    EXPECT_EQ("", unanswered("next", {}, "en"));
}

}  // namespace
}  // namespace novbe::counter
