// Who did it is kept beside every event: a restart replays the log and still says who did what.
#include "store/codec.hpp"
#include "store_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

std::string render(core::actor const& a) {
    static constexpr char const* roles[] = {"unknown", "server", "kiosk", "clerk", "board",
                                            "manager", "admin", "citizen", "pad"};
    return std::string(roles[static_cast<int>(a.role)]) + (a.name.empty() ? "" : ":" + a.name);
}

TEST(actor, a_replayed_log_still_says_who_did_what) {
    temp_dir dir;
    auto path = dir.file("centre.db");
    event_source source;
    auto const& config = source.centre().config();
    {
        auto opened = event_log::open({.path = path}, config);
        // The first command of the day also logs the new day: that one is the server's.
        append_as(*opened.log, source.run(core::issue_ticket{0, core::priority_class::normal, "en", {7, 7}}),
                  {core::actor_role::kiosk, "hall kiosk 2"});
        append_as(*opened.log, source.run(core::open_counter{1, "anna"}), {core::actor_role::clerk, "anna"});
        append_as(*opened.log, source.run(core::call_next{1, "anna"}), {core::actor_role::clerk, "anna"});
        append_as(*opened.log, source.run(core::take_over_counter{1, "mira", "anna went home ill", "clerk_absent"}),
                  {core::actor_role::manager, "mira"});
        append_as(*opened.log, source.run(core::close_day{}), core::server_actor());
        opened.log->close();
    }
    std::string seen;
    auto reopened = event_log::open({.path = path, .resume_window = 100,
                                     .recent = [&](std::uint64_t seq, core::event const&, core::centre const&,
                                                   core::actor const& by) {
                                         seen += std::to_string(seq) + "=" + render(by) + " ";
                                     }},
                                    config);
    EXPECT_EQ("1=server:server 2=kiosk:hall kiosk 2 3=clerk:anna 4=clerk:anna 5=manager:mira 6=server:server ", seen);
}

TEST(actor, an_event_logged_before_actors_reads_as_unknown) {
    event_source source;
    auto const& config = source.centre().config();
    auto events = source.run(core::issue_ticket{0, core::priority_class::normal, "en", {7, 7}});
    auto old = encode_event(events.back(), config);  // as the server wrote it before actors
    EXPECT_EQ("unknown", render(decode_actor(old)));
    EXPECT_EQ(events.back().index(), decode_event(old, config).index()) << "the event itself still loads";
    auto now = encode_event(events.back(), config, {core::actor_role::ticket_holder, "citizen"});
    EXPECT_EQ("citizen:citizen", render(decode_actor(now)));
}

}  // namespace
}  // namespace novbe::store::testing
