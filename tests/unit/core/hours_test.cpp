// Opening hours: tickets only while the centre is open, and one day close a day.
#include "centre_fixture.hpp"

#include "core/opening_hours.hpp"

namespace novbe::core::testing {
namespace {

using namespace std::chrono;

class hours : public centre_test {
protected:
    hours() {
        auto config = small_centre();
        config.rules.opening = 8h;   // 08:00 local (UTC+4); morning() is 08:00
        config.rules.closing = 20h;  // 20:00
        c = centre(config);
    }
    std::string try_issue() {
        return run(issue_ticket{.service = 0, .language = "en", .token = {0, next_token++}});
    }
    std::size_t day_closes() const {
        return static_cast<std::size_t>(std::count_if(log.begin(), log.end(), [](auto const& e) {
            return std::holds_alternative<day_closed>(e);
        }));
    }
};

TEST_F(hours, tickets_are_issued_only_in_opening_hours) {
    now = morning() - 1min;  // 07:59
    EXPECT_EQ("centre_closed", try_issue());
    now = morning();
    EXPECT_EQ("ok", try_issue());
    now = morning() + 12h - 1min;  // 19:59
    EXPECT_EQ("ok", try_issue());
    now = morning() + 12h;  // 20:00
    EXPECT_EQ("centre_closed", try_issue());
}

TEST_F(hours, the_refusal_says_when_the_centre_opens_again) {
    now = morning() - 2h;  // 06:00: today at 08:00
    auto early = c.decide(issue_ticket{.service = 0, .language = "en", .token = {0, 1}}, now);
    EXPECT_EQ(errc::centre_closed, early.error());
    EXPECT_EQ("The centre is closed; it opens again at 08:00.", early.detail());
    EXPECT_EQ(morning(), early.until());
    now = morning() + 13h;  // 21:00: tomorrow at 08:00
    auto late = c.decide(issue_ticket{.service = 0, .language = "en", .token = {0, 2}}, now);
    EXPECT_EQ(morning() + days{1}, late.until());
    EXPECT_EQ("The centre is closed; it opens again tomorrow at 08:00.", late.detail()) << "not this morning's 08:00";
}

TEST_F(hours, no_tickets_after_a_managers_close_day_until_the_next_day) {
    EXPECT_EQ("ok", try_issue());
    now += 2h;
    EXPECT_EQ("ok", run(close_day{}));
    EXPECT_EQ("centre_closed", try_issue());
    EXPECT_EQ(morning() + days{1}, c.decide(issue_ticket{.service = 0, .language = "en", .token = {0, 9}}, now).until());
    now = morning() + days{1};
    EXPECT_EQ("A001", issue("passport"));  // a new day: open again, numbering from 1
}

TEST_F(hours, the_day_closes_once_whatever_is_asked) {
    issue("passport");
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_EQ(0u, day_closes());  // not closing time yet
    now = morning() + 12h;  // 20:00
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_EQ(1u, day_closes());
    EXPECT_EQ("A: closed=A001", render(c, "passport"));
    now += 15s;
    EXPECT_EQ("ok", run(tick{}));
    EXPECT_EQ("ok", run(close_day{}));
    EXPECT_EQ(1u, day_closes());
}

TEST_F(hours, a_centre_rebuilt_after_closing_does_not_close_again) {
    now = morning() + 12h;
    EXPECT_EQ("ok", run(tick{}));
    // A restart: from the log, and from a snapshot.
    centre replayed(c.config());
    for (auto const& ev : log) replayed.apply(ev);
    auto restored = centre::from_image(c.config(), c.image());
    ASSERT_TRUE(restored);
    for (auto const* again : {&replayed, &*restored}) {
        EXPECT_TRUE(again->closed());
        EXPECT_TRUE(again->decide(tick{}, now + 1min).events().empty());
        EXPECT_TRUE(again->decide(close_day{}, now + 1min).events().empty());
        EXPECT_EQ(errc::centre_closed, again->decide(issue_ticket{.service = 0, .language = "en", .token = {0, 7}}, now).error());
    }
}

TEST_F(hours, a_day_starting_at_four_may_close_after_midnight) {
    auto config = small_centre();
    config.rules.day_start = 4h;
    config.rules.opening = 10h;
    config.rules.closing = 26h;  // 02:00 the next morning
    ASSERT_EQ("", validate(config));
    auto local = [&](minutes m) { return morning() - 8h + m; };  // local midnight of 28 November + m
    EXPECT_EQ(hours_phase::before_opening, phase_of(config.rules, local(9h)));
    EXPECT_EQ(hours_phase::open, phase_of(config.rules, local(23h)));
    EXPECT_EQ(hours_phase::open, phase_of(config.rules, local(25h)));           // 01:00
    EXPECT_EQ(hours_phase::after_closing, phase_of(config.rules, local(27h)));  // 03:00
    EXPECT_EQ(hours_phase::before_opening, phase_of(config.rules, local(29h))); // 05:00, a new day
    config.rules.closing = 29h;  // past the next day's start
    EXPECT_NE("", validate(config));
}

TEST_F(hours, all_day_is_the_default) {
    auto config = small_centre();
    EXPECT_EQ(hours_phase::open, phase_of(config.rules, morning() - 8h));
    EXPECT_EQ(hours_phase::open, phase_of(config.rules, morning() + 15h + 59min));
    config.rules.opening = 9h;
    config.rules.closing = 8h;
    EXPECT_NE("", validate(config));
}

}  // namespace
}  // namespace novbe::core::testing
