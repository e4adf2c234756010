// Clerks' figures (docs/DOMAIN.md#clerks-figures): pause time by reason, walking time and idle
// time while others waited, per counter and per clerk, as a manager reads them in the statistics.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using pauses = std::map<std::string, duration>;

class clerk_figures : public centre_test {
protected:
    figures const& counter(counter_number n) const { return c.statistics().by_counter.at(n); }
    figures const& clerk(std::string const& name) const { return c.statistics().by_clerk.at(name); }
};

TEST_F(clerk_figures, pause_time_is_summed_by_the_reason_given_for_the_counter_and_its_clerk) {
    open(1, "anna");
    ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "lunch"}));
    now += 30min;
    ASSERT_EQ("ok", run(resume_counter{.counter = 1}));
    ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "paperwork"}));
    now += 10min;
    ASSERT_EQ("ok", run(resume_counter{.counter = 1}));
    ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "lunch"}));
    now += 5min;
    ASSERT_EQ("ok", run(close_counter{.counter = 1}));  // a pause ended by closing counts too

    pauses expected{{"lunch", minutes(35)}, {"paperwork", minutes(10)}};
    EXPECT_EQ(expected, counter(1).pause_by_reason);
    EXPECT_EQ(expected, clerk("anna").pause_by_reason);
}

TEST_F(clerk_figures, a_counter_keeps_fifteen_reasons_apart_and_sums_the_rest_as_other) {
    open(1, "anna");
    for (int i = 0; i < 20; ++i) {
        ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "reason " + std::to_string(i)}));
        now += 1min;
        ASSERT_EQ("ok", run(resume_counter{.counter = 1}));
    }
    auto const& kept = counter(1).pause_by_reason;
    EXPECT_EQ(max_pause_reasons, kept.size());
    EXPECT_EQ(duration(minutes(5)), kept.at("other"));
    EXPECT_EQ(duration(minutes(1)), kept.at("reason 14"));
}

TEST_F(clerk_figures, walking_time_runs_from_the_call_to_the_start_of_service) {
    open(1, "anna");
    issue("passport");
    issue("passport");
    ASSERT_EQ("A001", call(1));
    now += 90s;
    ASSERT_EQ("ok", run(start_serving{.counter = 1}));
    now += 5min;
    ASSERT_EQ("ok", run(complete_service{.counter = 1, .outcome = "served"}));
    ASSERT_EQ("A002", call(1));
    now += 2min;
    ASSERT_EQ("ok", run(mark_no_show{.counter = 1}));  // never came: no walk to count

    EXPECT_EQ(1u, counter(1).walks);
    EXPECT_EQ(duration(seconds(90)), counter(1).average_walk());
    EXPECT_EQ(duration(seconds(90)), clerk("anna").average_walk());
    EXPECT_EQ(duration(seconds(90)), c.statistics().by_service[service("passport")].average_walk());
}

TEST_F(clerk_figures, idle_time_counts_only_while_a_line_the_counter_serves_had_someone_waiting) {
    open(1, "anna");
    open(4, "bob");  // notary: nobody comes
    now += 5min;
    issue("passport");  // 08:05
    now += 3min;
    ASSERT_EQ("A001", call(1));  // 08:08: three minutes idle with A001 waiting
    EXPECT_EQ(duration(minutes(3)), counter(1).idle_waiting);
    EXPECT_EQ(duration(minutes(3)), clerk("anna").idle_waiting);

    serve(1);
    issue("passport");
    now += 4min;
    ASSERT_EQ("ok", run(pause_counter{.counter = 1, .reason = "lunch"}));  // free with A002 waiting
    EXPECT_EQ(duration(minutes(7)), counter(1).idle_waiting);

    now += 10min;
    ASSERT_EQ("ok", run(close_counter{.counter = 4}));
    auto const& by_counter = c.statistics().by_counter;
    EXPECT_TRUE(!by_counter.contains(4) || by_counter.at(4).idle_waiting == duration::zero()) << "its line was empty all along";
}

// A range's days may each keep other reasons apart: the range keeps its 15 longest apart and
// sums the rest, with the days' own "other", as "other".
TEST(clerk_figures_over_days, a_range_keeps_its_fifteen_longest_reasons_apart) {
    figures range;
    for (int r = 0; r < 20; ++r) range.pause_by_reason["reason " + std::to_string(r)] = minutes(r + 1);
    range.pause_by_reason["other"] = minutes(2);
    auto folded = fold_pause_reasons(range);
    ASSERT_EQ(16u, folded.pause_by_reason.size());
    EXPECT_EQ(duration(minutes(20)), folded.pause_by_reason.at("reason 19"));
    EXPECT_EQ(duration(minutes(6)), folded.pause_by_reason.at("reason 5"));  // the 15th longest
    EXPECT_FALSE(folded.pause_by_reason.contains("reason 4"));
    EXPECT_EQ(duration(minutes(1 + 2 + 3 + 4 + 5 + 2)), folded.pause_by_reason.at("other"));
    figures few;
    few.pause_by_reason = {{"lunch", minutes(30)}};
    EXPECT_EQ(few, fold_pause_reasons(few));
}

}  // namespace
}  // namespace novbe::core::testing
