// The hall board: recent calls newest first, lines with waits, zones; nothing personal.
#include "centre_fixture.hpp"

#include "core/board_view.hpp"

namespace novbe::core::testing {
namespace {

std::string render(board_view const& view) {
    std::string out;
    for (auto const& call : view.calls)
        out += call.number + (call.recall ? "(again)" : "") + "->" + std::to_string(call.counter) + " ";
    out += "|";
    for (auto const& line : view.lines)
        out += " " + line.service_id + ":" + std::to_string(line.waiting) + "/" +
               std::to_string(std::chrono::duration_cast<std::chrono::minutes>(line.estimated_wait).count()) + "m";
    return out;
}

class board_test : public centre_test {};

TEST_F(board_test, shows_calls_newest_first_and_every_line) {
    open(1);
    open(4);
    issue("passport");
    issue("passport");
    issue("notary");
    call(1);
    call(4);
    run(recall_ticket{1});
    EXPECT_EQ("A001(again)->1 C001->4 A001->1 | passport:1/6m id_card:0/0m notary:0/0m", render(board(c, {}, now)));
}

TEST_F(board_test, a_zone_shows_only_its_services_and_counters) {
    open(1);
    open(4);
    issue("passport");
    issue("notary");
    call(1);
    call(4);
    EXPECT_EQ("C001->4 | notary:0/0m", render(board(c, {.services = {service("notary")}}, now)));
    EXPECT_EQ("A001->1 | passport:0/0m id_card:0/0m notary:0/0m", render(board(c, {.counters = {1}}, now)));
}

TEST_F(board_test, remembers_only_the_configured_number_of_calls) {
    open(1);
    for (int i = 0; i < 12; ++i) issue("passport");
    for (int i = 0; i < 12; ++i) {
        call(1);
        serve(1);
    }
    auto view = board(c, {}, now);
    ASSERT_EQ(10u, view.calls.size());
    EXPECT_EQ("A012", view.calls.front().number);
}

}  // namespace
}  // namespace novbe::core::testing
