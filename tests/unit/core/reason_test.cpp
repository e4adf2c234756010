// Every exception to the line is explained (docs/DOMAIN.md#reasons): a chosen call, a staff
// cancel and a take-over carry one of the centre's reason codes, or are refused and change nothing.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class reasons : public centre_test {
protected:
    // The last logged event's reason ("elderly"), or its kind's index when it has none.
    std::string last_reason() const {
        return std::visit([](auto const& e) -> std::string {
            if constexpr (requires { e.code; }) return e.code;
            else if constexpr (requires { e.reason; }) return e.reason;
            else return "none";
        }, log.back());
    }
};

TEST_F(reasons, a_chosen_call_needs_a_known_reason_and_keeps_it) {
    open(1);
    issue("passport");
    issue("passport");
    EXPECT_EQ("reason_required", run(call_ticket{1, "A002", "", ""}));
    EXPECT_EQ("unknown_reason", run(call_ticket{1, "A002", "", "because"}));
    EXPECT_EQ("A: waiting=A001,A002", render(c, "passport")) << "a refused call changes nothing";
    EXPECT_EQ("ok", run(call_ticket{1, "A002", "", "elderly"}));
    EXPECT_EQ("elderly", last_reason());
    EXPECT_EQ("A: called=A002@1 waiting=A001", render(c, "passport"));
}

TEST_F(reasons, call_next_is_in_order_and_gives_none) {
    open(1);
    issue("passport");
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("", last_reason());
}

TEST_F(reasons, staff_cancel_with_a_reason_and_a_holder_cancels_their_own_without) {
    issue("passport");
    issue("passport");
    EXPECT_EQ("reason_required", run(cancel_ticket{"A001"}));
    EXPECT_EQ("unknown_reason", run(cancel_ticket{"A001", "ELDERLY"})) << "codes are exact";
    EXPECT_EQ("A: waiting=A001,A002", render(c, "passport"));
    EXPECT_EQ("ok", run(cancel_ticket{"A001", "wrong_service"}));
    EXPECT_EQ("wrong_service", last_reason());
    EXPECT_EQ("ok", run(cancel_ticket{"A002", "", true}));
    EXPECT_EQ("", last_reason()) << "a holder's own cancel is no exception to the line";
    EXPECT_EQ("A: cancelled=A001,A002", render(c, "passport"));
}

TEST_F(reasons, a_take_over_needs_a_code_beside_its_words) {
    open(1, "anna");
    EXPECT_EQ("reason_required", run(take_over_counter{1, "mira", "anna went home ill"}));
    EXPECT_EQ("unknown_reason", run(take_over_counter{1, "mira", "anna went home ill", "ill"}));
    EXPECT_EQ("1: open by anna", render_counter(c, 1));
    EXPECT_EQ("ok", run(take_over_counter{1, "mira", "anna went home ill", "clerk_absent"}));
    EXPECT_EQ("clerk_absent", last_reason());
}

TEST_F(reasons, a_centre_that_lists_its_own_codes_knows_only_those) {
    auto config = small_centre();
    config.reasons = {{"vip_escort", {{"en", "Escorted by security"}}}};
    c = centre(config);
    open(1);
    issue("passport");
    issue("passport");
    EXPECT_EQ("unknown_reason", run(call_ticket{1, "A002", "", "elderly"}));
    EXPECT_EQ("ok", run(call_ticket{1, "A002", "", "vip_escort"}));
}

TEST_F(reasons, the_default_set_names_each_code_in_the_five_languages) {
    auto const defaults = default_reasons();
    ASSERT_FALSE(defaults.empty());
    for (auto const& r : defaults)
        for (auto const* language : {"az", "en", "ru", "fr", "rw"})
            EXPECT_TRUE(r.names.contains(language)) << r.code << " has no name in " << language;
    EXPECT_EQ("", validate(small_centre()));
    auto none = small_centre();
    none.reasons.clear();
    EXPECT_NE("", validate(none)) << "a centre with no reasons could never call out of turn";
}

}  // namespace
}  // namespace novbe::core::testing
