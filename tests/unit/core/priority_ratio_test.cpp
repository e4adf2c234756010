// The ratio rule: k normal calls for each priority call (docs/DOMAIN.md#priority-ratio).
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class priority_ratio : public centre_test {
protected:
    // The small centre with the centre-wide k, and counter 2's own k when given.
    void use(int k, std::optional<int> counter_2 = std::nullopt) {
        auto config = small_centre();
        config.rules.normal_per_priority = k;
        config.counters[1].normal_per_priority = counter_2;
        ASSERT_EQ("", validate(config));
        c = centre(config);
    }
    // Calls and serves `n` tickets at the counter; the numbers called, in order.
    std::string calls(counter_number counter, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) {
            out += (i ? " " : "") + call(counter);
            serve(counter);
        }
        return out;
    }
};

TEST_F(priority_ratio, two_normal_calls_for_each_priority_call) {
    use(2);
    open(1);
    for (int i = 0; i < 3; ++i) issue("passport", priority_class::priority);  // A001-A003
    for (int i = 0; i < 5; ++i) issue("passport");                            // A004-A008
    EXPECT_EQ("A001 A004 A005 A002 A006 A007 A003 A008", calls(1, 8));
}

TEST_F(priority_ratio, off_by_default_so_only_the_streak_cap_holds_priority) {
    open(1);
    for (int i = 0; i < 4; ++i) issue("passport", priority_class::priority);
    issue("passport");
    EXPECT_EQ("A001 A002 A003 A005 A004", calls(1, 5));
}

TEST_F(priority_ratio, priority_is_called_anyway_when_no_normal_ticket_waits) {
    use(3);
    open(1);
    issue("passport", priority_class::priority);
    issue("passport", priority_class::priority);
    EXPECT_EQ("A001 A002", calls(1, 2));
    issue("passport");
    issue("passport", priority_class::priority);
    // Three normals are still owed after A002: the normal goes first, then nobody else is there.
    EXPECT_EQ("A003 A004", calls(1, 2));
}

TEST_F(priority_ratio, a_counter_sets_its_own_ratio) {
    use(0, 1);  // the centre has no ratio rule; counter 2 calls one normal for each priority
    open(1);
    open(2);
    for (int i = 0; i < 2; ++i) issue("passport", priority_class::priority);  // A001, A002
    for (int i = 0; i < 2; ++i) issue("passport");                            // A003, A004
    EXPECT_EQ("A001", call(2));
    serve(2);
    EXPECT_EQ("A003", call(2));  // owed one normal
    EXPECT_EQ("A002", call(1));  // counter 1 has no ratio: priority first
}

TEST_F(priority_ratio, an_overdue_normal_counts_as_a_normal_call) {
    use(1);
    open(1);
    issue("passport");                            // A001
    issue("passport", priority_class::priority);  // A002
    EXPECT_EQ("A002", call(1));
    serve(1);
    now += 31min;  // A001 is past passport's 30-minute maximum
    issue("passport", priority_class::priority);  // A003
    issue("passport");                            // A004
    EXPECT_EQ("A001 A003 A004", calls(1, 3));
}

// docs/DOMAIN.md#priority: in a line too long for its counter both heads go overdue, and then
// they are called in the order they came, so priority tickets are not starved by normals past
// the maximum, nor normals by priority tickets the rules hold back.
TEST_F(priority_ratio, overdue_normal_and_priority_tickets_are_called_in_the_order_they_came) {
    use(2);
    open(1);
    issue("passport");                            // A001
    now += 1min;
    issue("passport", priority_class::priority);  // A002
    now += 1min;
    issue("passport");                            // A003
    now += 1min;
    issue("passport", priority_class::priority);  // A004
    now += 40min;  // all four past passport's 30-minute maximum
    EXPECT_EQ("A001 A002 A003 A004", calls(1, 4));
    // A priority ticket not yet overdue still waits behind an overdue normal issued before it.
    issue("passport");                            // A005
    now += 31min;
    issue("passport", priority_class::priority);  // A006
    EXPECT_EQ("A005 A006", calls(1, 2));
}

TEST_F(priority_ratio, reopening_the_counter_forgets_what_was_owed) {
    use(5);
    open(1);
    issue("passport", priority_class::priority);
    issue("passport", priority_class::priority);
    issue("passport");
    EXPECT_EQ("A001", calls(1, 1));
    EXPECT_EQ("ok", run(close_counter{.counter = 1}));
    open(1);
    EXPECT_EQ("A002", call(1));
}

TEST_F(priority_ratio, the_ratio_is_bounded) {
    auto config = small_centre();
    config.rules.normal_per_priority = 101;
    EXPECT_EQ("rules need normal_per_priority from 0 to 100", validate(config));
    config.rules.normal_per_priority = 0;
    config.counters[0].normal_per_priority = -1;
    EXPECT_EQ("counter 1 needs normal_per_priority from 0 to 100", validate(config));
}

}  // namespace
}  // namespace novbe::core::testing
