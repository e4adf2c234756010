// The hall message (docs/DOMAIN.md#hall-message): one bounded line with who set it, kept across
// days and in the centre's image, cleared by an empty text; a repeat logs nothing.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class hall_message : public centre_test {};

TEST_F(hall_message, is_set_with_who_set_it_and_cleared_by_an_empty_text) {
    EXPECT_EQ("ok", run(set_hall_message{"Counter 4 closes at 16:00", "leyla"}));
    EXPECT_EQ("Counter 4 closes at 16:00", c.hall_message());
    auto const& set = std::get<hall_message_set>(log.back());
    EXPECT_EQ("leyla", set.by);
    auto events = log.size();
    EXPECT_EQ("ok", run(set_hall_message{"Counter 4 closes at 16:00", "leyla"}));
    EXPECT_EQ(events, log.size()) << "the same text again changes nothing and logs nothing";
    EXPECT_EQ("ok", run(set_hall_message{"", "leyla"}));
    EXPECT_EQ("", c.hall_message());
}

TEST_F(hall_message, is_one_bounded_line_from_someone) {
    EXPECT_EQ("invalid_argument: A hall message has at most 200 bytes (this one has 10000).",
              said(set_hall_message{std::string(10000, 'x'), "leyla"}));
    EXPECT_EQ("invalid_argument: A hall message is one line of text, without control characters.",
              said(set_hall_message{"two\nlines", "leyla"}));
    EXPECT_EQ("invalid_argument", run(set_hall_message{"bell\a", "leyla"}));
    EXPECT_EQ("invalid_argument", run(set_hall_message{"nobody", ""}));
    EXPECT_EQ("ok", run(set_hall_message{std::string(max_hall_message, 'x'), "leyla"}));
    EXPECT_EQ("ok", run(set_hall_message{"Şənbə günü mərkəz 13:00-dək işləyir", "leyla"})) << "UTF-8 letters are fine";
}

TEST_F(hall_message, outlives_the_day_and_is_kept_in_the_image) {
    EXPECT_EQ("ok", run(set_hall_message{"Closed on Monday", "leyla"}));
    now += std::chrono::hours(24);
    issue("passport");  // the first command of the next day rolls it over
    EXPECT_EQ("Closed on Monday", c.hall_message());
    auto rebuilt = centre::from_image(c.config(), c.image());
    ASSERT_TRUE(rebuilt);
    EXPECT_EQ("Closed on Monday", rebuilt->hall_message());
}

}  // namespace
}  // namespace novbe::core::testing
