// A manager moves a waiting ticket to another service's line (docs/DOMAIN.md#transfer): with a
// reason, it keeps its number and its place by issue time, and is logged as a transfer from no
// counter; anything else is refused and changes nothing.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class moves : public centre_test {};

TEST_F(moves, a_waiting_ticket_moves_to_another_line_in_its_place_by_issue_time) {
    issue("passport");                 // A001
    issue("id_card");                  // B001, issued after A001
    issue("passport");                 // A002
    EXPECT_EQ("ok", run(move_ticket{"A001", service("id_card"), "wrong_service"}));
    EXPECT_EQ("A: waiting=A002 transferred=A001", render(c, "passport"));
    EXPECT_EQ("B: waiting=A001,B001", render(c, "id_card")) << "issued before B001, it is ahead of it";
    auto const* moved = std::get_if<ticket_transferred>(&log.back());
    ASSERT_NE(nullptr, moved);
    EXPECT_EQ(0u, moved->counter) << "from no counter: a manager's move";
    EXPECT_EQ("wrong_service", moved->reason);
    open(2);
    EXPECT_EQ("A001", call(2)) << "it is called from its new line like any other";
}

TEST_F(moves, is_refused_for_a_ticket_not_waiting_its_own_line_an_unknown_one_or_no_reason) {
    open(1);
    issue("passport");
    issue("passport");
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("ticket_not_waiting", run(move_ticket{"A001", service("id_card"), "wrong_service"}));
    EXPECT_EQ("same_service", run(move_ticket{"A002", service("passport"), "wrong_service"}));
    EXPECT_EQ("unknown_service", run(move_ticket{"A002", 99, "wrong_service"}));
    EXPECT_EQ("unknown_ticket", run(move_ticket{"A009", service("id_card"), "wrong_service"}));
    EXPECT_EQ("reason_required", run(move_ticket{"A002", service("id_card"), ""}));
    EXPECT_EQ("unknown_reason", run(move_ticket{"A002", service("id_card"), "because"}));
    EXPECT_EQ("A: called=A001@1 waiting=A002", render(c, "passport")) << "the refusals changed nothing";
    EXPECT_EQ("B:", render(c, "id_card"));
}

TEST_F(moves, counts_as_a_transfer_out_of_one_line_and_into_the_other) {
    issue("passport");
    EXPECT_EQ("ok", run(move_ticket{"A001", service("notary"), "citizen_request"}));
    auto const& by = c.statistics().by_service;
    EXPECT_EQ(1u, by.at(service("passport")).transferred_out);
    EXPECT_EQ(1u, by.at(service("notary")).transferred_in);
    EXPECT_EQ("ok", run(move_ticket{"A001", service("passport"), "returning"})) << "and back again";
    EXPECT_EQ("A: waiting=A001 transferred=A001", render(c, "passport"));
}

}  // namespace
}  // namespace novbe::core::testing
