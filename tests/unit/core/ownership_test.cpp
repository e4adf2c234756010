// A counter belongs to the clerk who opened it until it is closed; a manager may take it over.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class ownership : public centre_test {
protected:
    // "clerk: called=C served=S no_shows=N transferred=T" from the day's figures.
    std::string figures_of(std::string const& user) const {
        auto const& all = c.statistics().by_clerk;
        auto it = all.find(user);
        if (it == all.end()) return user + ": none";
        auto const& f = it->second;
        return user + ": called=" + std::to_string(f.called) + " served=" + std::to_string(f.served) +
               " no_shows=" + std::to_string(f.no_shows) + " transferred=" + std::to_string(f.transferred_out);
    }
};

TEST_F(ownership, another_clerk_cannot_work_an_open_counter) {
    open(1, "anna");
    issue("passport");
    EXPECT_EQ("counter_not_yours", run(call_next{1, "bob"}));
    EXPECT_EQ("counter_not_yours", run(call_ticket{1, "A001", "bob", "elderly"}));
    EXPECT_EQ("counter_not_yours", run(pause_counter{1, "lunch", "bob"}));
    EXPECT_EQ("counter_not_yours", run(close_counter{1, "bob"}));
    EXPECT_EQ("ok", run(call_next{1, "anna"}));
    EXPECT_EQ("counter_not_yours", run(recall_ticket{1, "bob"}));
    EXPECT_EQ("counter_not_yours", run(mark_no_show{1, "bob"}));
    EXPECT_EQ("counter_not_yours", run(start_serving{1, "bob"}));
    EXPECT_EQ("ok", run(start_serving{1, "anna"}));
    EXPECT_EQ("counter_not_yours", run(complete_service{1, "done", "bob"}));
    EXPECT_EQ("counter_not_yours", run(transfer_ticket{1, service("id_card"), "bob"}));
    EXPECT_EQ("1: serving A001 by anna", render_counter(c, 1));
    EXPECT_EQ("A: serving=A001@1", render(c, "passport"));
}

TEST_F(ownership, the_refusal_names_whose_counter_it_is) {
    open(1, "anna");
    auto refused = c.decide(call_next{1, "bob"}, now);
    EXPECT_EQ(errc::counter_not_yours, refused.error());
    EXPECT_EQ("Counter 1 is anna's until it is closed; a manager can take it over.", refused.detail());
}

TEST_F(ownership, a_command_naming_nobody_is_refused) {
    open(1, "anna");
    issue("passport");
    EXPECT_FALSE(c.decide(call_next{1, ""}, now).ok());
    EXPECT_EQ(errc::counter_not_yours, c.decide(call_next{1, ""}, now).error());
}

TEST_F(ownership, once_closed_the_counter_is_anyones_to_open) {
    open(1, "anna");
    EXPECT_EQ("ok", run(close_counter{1, "anna"}));
    open(1, "bob");
    EXPECT_EQ("counter_not_yours", run(pause_counter{1, "tea", "anna"}));
    EXPECT_EQ("ok", run(pause_counter{1, "tea", "bob"}));
    EXPECT_EQ("counter_not_yours", run(resume_counter{1, "anna"}));
    EXPECT_EQ("ok", run(resume_counter{1, "bob"}));
}

TEST_F(ownership, a_manager_takes_a_counter_over_with_a_reason) {
    open(1, "anna");
    EXPECT_EQ("reason_required", run(take_over_counter{1, "mira", ""})) << "the code missing is said as such";
    EXPECT_EQ("invalid_argument: A take-over says why in words too, 1 to 200 bytes, beside its reason code.",
              said(take_over_counter{1, "mira", "", "clerk_absent"}));
    EXPECT_EQ("invalid_argument: Counter 1 is yours already: nothing to take over.",
              said(take_over_counter{1, "anna", "her own", "clerk_absent"}));
    EXPECT_EQ("unknown_counter", run(take_over_counter{9, "mira", "ill", "clerk_absent"}));
    EXPECT_EQ("counter_closed", run(take_over_counter{2, "mira", "ill", "clerk_absent"}));
    EXPECT_EQ("ok", run(take_over_counter{1, "mira", "anna went home ill", "clerk_absent"}));
    EXPECT_EQ("1: open by mira", render_counter(c, 1));
    auto const& audit = std::get<counter_taken_over>(log.back());
    EXPECT_EQ("anna -> mira: anna went home ill", audit.from_clerk + " -> " + audit.to_user + ": " + audit.reason);
    EXPECT_EQ("counter_not_yours", run(close_counter{1, "anna"}));
    EXPECT_EQ("ok", run(close_counter{1, "mira"}));
}

TEST_F(ownership, figures_credit_whoever_did_the_work_across_a_takeover) {
    open(1, "anna");
    issue("passport");
    issue("passport");
    issue("passport");
    EXPECT_EQ("ok", run(call_next{1, "anna"}));
    EXPECT_EQ("ok", run(start_serving{1, "anna"}));
    EXPECT_EQ("ok", run(take_over_counter{1, "mira", "anna called away", "clerk_absent"}));
    EXPECT_EQ("ok", run(complete_service{1, "done", "mira"}));  // A001: called by anna, served by mira
    EXPECT_EQ("ok", run(call_next{1, "mira"}));
    EXPECT_EQ("ok", run(mark_no_show{1, "mira"}));
    EXPECT_EQ("ok", run(call_next{1, "mira"}));
    EXPECT_EQ("ok", run(start_serving{1, "mira"}));
    EXPECT_EQ("ok", run(transfer_ticket{1, service("id_card"), "mira"}));
    EXPECT_EQ("anna: called=1 served=0 no_shows=0 transferred=0", figures_of("anna"));
    EXPECT_EQ("mira: called=2 served=1 no_shows=1 transferred=1", figures_of("mira"));
    EXPECT_EQ("anna called, mira served", c.tickets()[0].visits[0].clerk + " called, " +
                                              c.tickets()[0].visits[0].credited() + " served");
}

TEST_F(ownership, a_takeover_replays_to_the_same_centre) {
    open(1, "anna");
    issue("passport");
    call(1);
    EXPECT_EQ("ok", run(take_over_counter{1, "mira", "relief", "clerk_absent"}));
    centre replayed(small_centre());
    for (auto const& ev : log) {
        ASSERT_TRUE(replayed.can_apply(ev));
        replayed.apply(ev);
    }
    EXPECT_EQ(c, replayed);
    EXPECT_FALSE(replayed.can_apply(counter_taken_over{1, "anna", "zed", "stale", now}));  // anna no longer has it
}

}  // namespace
}  // namespace novbe::core::testing
