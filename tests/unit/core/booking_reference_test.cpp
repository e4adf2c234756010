// References are matched case-folded and trimmed (docs/DOMAIN.md#references): "ab123" typed at
// the kiosk finds "AB123", and "AB123"/"ab123" are one citizen's, so one active booking a
// service. A booking keeps the reference as given; a log written before the rule replays as it
// was, its two folded-equal active bookings both kept.
#include "booking_fixture.hpp"

namespace novbe::core::testing {
namespace {

TEST(reference_key, folds_ascii_letters_and_trims_spaces_only) {
    EXPECT_EQ("AB123", reference_key("ab123"));
    EXPECT_EQ("AB123", reference_key("  aB123 "));
    EXPECT_EQ("AZ-2026/00123 X", reference_key("az-2026/00123 x"));  // inner spaces and signs stay
    EXPECT_EQ("", reference_key("   "));
    EXPECT_NE(reference_key("AB 123"), reference_key("AB123"));
}

TEST_F(booking_test, a_reference_in_another_case_is_the_same_citizen) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "AB123"));
    EXPECT_EQ("already_booked", book("passport", at("11:00", 2), "ab123"));
    EXPECT_EQ("already_booked", book("passport", at("11:00", 2), "aB123"));
    EXPECT_EQ("ok", book("id_card", at("09:00"), "ab123"));  // another service
    EXPECT_EQ("AB123 A 09:00 active, ab123 B 09:00 active", render_bookings()) << "each kept as it was given";
    EXPECT_EQ("ok", run_booking(cancel_booking{token_of("AB123")}));
    EXPECT_EQ("ok", book("passport", at("10:00"), "ab123"));  // the first one cancelled: free again
}

TEST_F(booking_test, check_in_by_a_typed_reference_ignores_case_and_edge_spaces) {
    EXPECT_EQ("ok", book("passport", at("09:00"), "AZ-2026/001"));
    now = at("08:40");
    EXPECT_EQ("unknown_booking", arrive("AZ2026/001"));  // a different reference is not guessed
    EXPECT_EQ("unknown_booking", arrive("   "));
    EXPECT_EQ("A001^", arrive(" az-2026/001 "));
    EXPECT_EQ(booking_state::checked_in, b.find(token_of("AZ-2026/001"))->state);
}

// An older log may hold "AB123" and "ab123" both active for one service: replaying it keeps both,
// each released on its own, and its snapshot rebuilds the same.
TEST_F(booking_test, an_older_log_with_two_folded_equal_bookings_replays_as_it_was) {
    b.apply(booking_made{1, 0, at("09:00"), "AB123", "", "portal", {8, 1}, now});
    b.apply(booking_made{2, 0, at("09:30"), "ab123", "", "portal", {8, 2}, now});
    ASSERT_TRUE(b.can_apply(booking_cancelled{1, now}));
    EXPECT_EQ("AB123 A 09:00 active, ab123 A 09:30 active", render_bookings());
    EXPECT_EQ("09:00 1/2+0, 09:30 1/2+0", render_slots("passport").substr(0, 24));

    auto rebuilt = bookings::from_image(c.config(), b.config(), b.image());
    ASSERT_TRUE(rebuilt.has_value()) << "a snapshot of that log must load";
    EXPECT_TRUE(*rebuilt == b);

    b.apply(booking_cancelled{1, now});  // the first one's place goes, the second's stays
    EXPECT_EQ("already_booked", book("passport", at("11:00"), "AB123"));
    now = at("09:10");
    EXPECT_EQ("A001^", arrive("AB123"));  // the one left, found by either spelling
    EXPECT_EQ(booking_state::checked_in, b.find(token_of("ab123"))->state);
    EXPECT_EQ("ok", book("passport", at("11:00"), "AB123"));
}

}  // namespace
}  // namespace novbe::core::testing
