// The fan-out goes in rounds of slices, so that thousands of boards never hold up a kiosk for
// longer than a slice: each subscriber still gets every event once, in order, and batches made
// durable during a round reach it together in the next.
#include "hub_fixtures.hpp"

#include <deque>
#include <string>
#include <vector>

namespace novbe::net {
namespace {

using namespace testing;

// Boards, each on a connection of its own (its own address stands for the connection).
struct hall {
    hub h;
    std::deque<board> boards;
    explicit hall(int n) {
        for (int i = 0; i < n; ++i) join(0);
    }
    board& join(std::uint64_t after) {
        auto& b = boards.emplace_back(2, after, std::vector<std::string>{});
        h.add(&b, b.s);
        return b;
    }
    int reached() const {
        int n = 0;
        for (auto const& b : boards) n += !b.seen.empty();
        return n;
    }
};

TEST(hub_rounds, a_round_reaches_a_slice_of_subscribers_per_call) {
    hall hall(10);
    hall.h.enqueue({issue(1, "passport")});
    EXPECT_EQ(0, hall.reached());  // queued, not yet sent
    EXPECT_TRUE(hall.h.fan_out(4));
    EXPECT_EQ(4, hall.reached());
    EXPECT_TRUE(hall.h.fan_out(4));
    EXPECT_EQ(8, hall.reached());
    EXPECT_FALSE(hall.h.fan_out(4));  // done: nothing more to send
    EXPECT_EQ(10, hall.reached());
    for (auto const& b : hall.boards) EXPECT_EQ("1-1: p1; ", b.seen);
}

TEST(hub_rounds, batches_made_durable_during_a_round_go_out_together_in_the_next) {
    hall hall(3);
    hall.h.enqueue({issue(1, "passport")});
    EXPECT_TRUE(hall.h.fan_out(1));
    hall.h.enqueue({issue(2, "notary")});
    hall.h.enqueue({issue(3, "passport")});
    while (hall.h.fan_out(1)) {
    }
    // Everyone had event 1 alone, then 2 and 3 in one frame; nobody got a thing twice.
    for (auto const& b : hall.boards) EXPECT_EQ("1-1: p1; 2-3: n2 p3; ", b.seen);
}

TEST(hub_rounds, a_subscriber_removed_during_a_round_is_sent_nothing_more) {
    hall hall(4);
    hall.h.enqueue({issue(1, "passport")});
    EXPECT_TRUE(hall.h.fan_out(2));
    hall.h.remove(&hall.boards[2], 2);   // unsubscribed
    hall.h.remove_all(&hall.boards[3]);  // disconnected
    EXPECT_FALSE(hall.h.fan_out(10));
    EXPECT_EQ(2, hall.reached());  // the two sent to before
    hall.h.publish({issue(2, "notary")});
    EXPECT_EQ("1-1: p1; 2-2: n2; ", hall.boards[1].seen);
    EXPECT_EQ("", hall.boards[2].seen);
    EXPECT_EQ("", hall.boards[3].seen);
}

TEST(hub_rounds, a_subscriber_that_joins_during_a_round_gets_what_follows_its_snapshot) {
    hall hall(2);
    hall.h.enqueue({issue(1, "passport")});
    EXPECT_TRUE(hall.h.fan_out(1));
    auto& late = hall.join(1);  // its snapshot was taken at 1
    hall.h.enqueue({issue(2, "notary")});
    while (hall.h.fan_out(1)) {
    }
    EXPECT_EQ("2-2: n2; ", late.seen);
    EXPECT_EQ("1-1: p1; 2-2: n2; ", hall.boards[0].seen);
    EXPECT_EQ("1-1: p1; 2-2: n2; ", hall.boards[1].seen);
}

// A line (waiting count) from a publication older than a subscriber's snapshot would put an
// old figure back on its screen.
TEST(hub_rounds, lines_older_than_a_subscribers_snapshot_are_not_sent_to_it) {
    hub h;
    auto older = std::const_pointer_cast<publication>(issue(1, "passport"));
    auto* line = google::protobuf::Arena::CreateMessage<v1::QueueLine>(&older->arena);
    line->set_service_id("passport");
    line->set_waiting(1);
    older->lines.push_back(line);
    board fresh(5, 1, {});
    std::string frame;
    fresh.s->send = [&frame](std::shared_ptr<std::string const> f) { frame = *f; };
    int session = 0;
    h.add(&session, fresh.s);
    h.publish({older, issue(2, "notary")});
    v1::ServerMessage m;
    ASSERT_TRUE(m.ParseFromString(frame));
    EXPECT_EQ(1, m.events().events_size());
    EXPECT_EQ(0, m.events().lines_size());
}

}  // namespace
}  // namespace novbe::net
