// Each EventBatch says which range of the log it covers, filtered events included, so that a
// subscriber's ranges join up while its zone shows nothing, and a hole can only mean a loss.
#include "hub_fixtures.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using namespace testing;

TEST(hub_ranges, a_zone_that_filters_events_gets_ranges_that_join_without_a_hole) {
    hub h;
    board notary(7, 2, {"notary"}), all(8, 2, {});
    int session = 0;
    h.add(&session, notary.s);
    h.add(&session, all.s);
    std::uint64_t sequence = 3;
    for (auto service : {"passport", "passport", "notary", "passport", "notary", "passport"}) {
        auto p = issue(sequence++, service);
        h.record(p);
        h.publish({p});
    }
    EXPECT_EQ("3-5: n5; 6-7: n7; ", notary.seen);  // 8 is not shown: no batch yet, and no loss
    EXPECT_EQ("3-3: p3; 4-4: p4; 5-5: n5; 6-6: p6; 7-7: n7; 8-8: p8; ", all.seen);
    h.publish({issue(9, "notary")});
    EXPECT_EQ("3-5: n5; 6-7: n7; 8-9: n9; ", notary.seen);
}

TEST(hub_ranges, subscribers_alike_that_joined_at_different_points_get_their_own_ranges) {
    hub h;
    board early(7, 2, {"notary"}), late(7, 4, {"notary"});  // same zone and request id
    int one = 0, two = 0;
    h.add(&one, early.s);
    for (std::uint64_t sequence : {3, 4}) h.publish({issue(sequence, "passport")});
    h.add(&two, late.s);
    h.publish({issue(5, "notary")});
    EXPECT_EQ("3-5: n5; ", early.seen);
    EXPECT_EQ("5-5: n5; ", late.seen);
}

TEST(hub_ranges, a_resume_covers_the_log_right_after_the_sequence_given) {
    hub h;
    for (std::uint64_t sequence = 1; sequence <= 6; ++sequence)
        h.record(issue(sequence, sequence % 2 == 1 ? "passport" : "notary"));
    board back(9, 6, {"notary"});
    hub::subscriber from = *back.s;
    from.after = from.told = 3;
    auto missed = h.since(3, 6);
    ASSERT_TRUE(missed);
    v1::EventBatch batch;
    ASSERT_TRUE(batch.ParseFromString(hub::body(from, *missed, true).value()));
    EXPECT_EQ("4-6: n4 n6; ", render(batch));

    from.after = from.told = 6;  // nothing missed: an empty range right after it
    ASSERT_TRUE(batch.ParseFromString(hub::body(from, *h.since(6, 6), true).value()));
    EXPECT_EQ("7-6:; ", render(batch));
}

}  // namespace
}  // namespace novbe::net
