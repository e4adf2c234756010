// The clerk's actions become the right commands, and the screen reads as the clerk expects.
#include "counter/commands.hpp"
#include "counter/desk.hpp"
#include "counter/words.hpp"

#include <gtest/gtest.h>

#include <tuple>

namespace novbe::counter {
namespace {

constexpr long long now = 1'795'854'100'000;

v1::CounterView serving(v1::TicketState state) {
    v1::CounterView c;
    c.set_number(3);
    c.set_name("Counter 3");
    c.set_status(v1::COUNTER_STATUS_SERVING);
    c.add_service_ids("id_card");
    c.add_service_ids("passport");
    auto& t = *c.mutable_current();
    t.set_number("B004");
    t.set_service_id("id_card");
    t.set_state(state);
    t.set_called_at_ms(now - 75'000);
    if (state == v1::TICKET_STATE_SERVING) t.set_started_at_ms(now - 65'000);
    return c;
}

TEST(commands, each_action_becomes_its_command_with_its_argument) {
    std::string error;
    EXPECT_EQ(3u, make_command("next", 3, {}, error)->call_next().counter());
    EXPECT_EQ("A012", make_command("call", 3, {"a012"}, error)->call_ticket().number());
    EXPECT_EQ("passport", make_command("transfer", 3, {"passport"}, error)->transfer_ticket().to_service_id());
    EXPECT_EQ("lunch", make_command("pause", 3, {"lunch"}, error)->pause_counter().reason());
    EXPECT_EQ("elderly", make_command("call", 3, {"a012", "elderly"}, error)->call_ticket().reason());
    auto take_over = make_command("take-over", 3, {"clerk_absent", "anna", "went", "home", "ill"}, error);
    EXPECT_EQ("clerk_absent", take_over->take_over_counter().reason_code());
    EXPECT_EQ("anna went home ill", take_over->take_over_counter().reason());
    EXPECT_FALSE(make_command("take-over", 3, {}, error));  // a takeover needs its reason
    EXPECT_EQ("documents ready", make_command("done", 3, {"documents ready"}, error)->complete_service().outcome());
    EXPECT_TRUE(make_command("done", 3, {}, error)->has_complete_service());
    EXPECT_TRUE(make_command("no-show", 3, {}, error)->has_mark_no_show());
    EXPECT_TRUE(make_command("show", 3, {}, error)->has_get_counter());
}

TEST(commands, a_missing_argument_or_unknown_action_is_said_plainly) {
    std::string error;
    EXPECT_FALSE(make_command("call", 3, {}, error));
    EXPECT_EQ("call needs the ticket's number, e.g. A012", error);
    EXPECT_FALSE(make_command("pause", 3, {""}, error));
    EXPECT_EQ("pause needs a reason (break, lunch, meeting, ...)", error);
    EXPECT_FALSE(make_command("dance", 3, {}, error));
    EXPECT_EQ("unknown action dance", error);
}

TEST(commands, an_outcome_or_reason_over_the_servers_200_bytes_is_named_before_it_is_sent) {
    std::string error;
    std::string at_limit;
    for (int i = 0; i < 100; ++i) at_limit += "Д";  // 100 letters, 200 bytes: as much as the server takes
    EXPECT_TRUE(make_command("done", 3, {at_limit}, error));
    EXPECT_FALSE(make_command("done", 3, {std::string(201, 'x')}, error));
    EXPECT_EQ("done: an outcome has at most 200 bytes (this one has 201)", error);
    EXPECT_FALSE(make_command("pause", 3, {std::string(300, 'x')}, error));
    EXPECT_EQ("pause: a reason has at most 200 bytes (this one has 300)", error);
    EXPECT_FALSE(make_command("take-over", 3, {"clerk_absent", std::string(250, 'x')}, error));
    EXPECT_EQ("take-over: a reason has at most 200 bytes (this one has 250)", error);
}

v1::CentreInfo centre() {
    v1::CentreInfo c;
    c.set_name("Centre 1");
    for (auto [id, en, ru] : {std::tuple{"id_card", "Identity card", "Удостоверение личности"},
                              {"notary", "Notary", "Нотариус"},
                              {"passport", "Passport", "Паспорт"}}) {
        auto& s = *c.add_services();
        s.set_id(id);
        (*s.mutable_names())["en"] = en;
        (*s.mutable_names())["ru"] = ru;
    }
    return c;
}

TEST(commands, a_counter_is_described_in_one_sentence_with_its_elapsed_time) {
    EXPECT_EQ("Counter 3: B004 (id_card) is called, 1:15 ago.", describe(serving(v1::TICKET_STATE_CALLED), now));
    EXPECT_EQ("Counter 3: B004 (Identity card) is being served, for 1:05.",
              describe(serving(v1::TICKET_STATE_SERVING), now, "en", centre()));  // the service by its name
    v1::CounterView paused;
    paused.set_number(2);
    paused.set_status(v1::COUNTER_STATUS_PAUSED);
    paused.set_pause_reason("lunch");
    paused.set_since_ms(now - 3'725'000);
    EXPECT_EQ("Counter 2 is paused (lunch), for 1:02:05.", describe(paused, now));
    EXPECT_EQ("Окно 2: перерыв (обед), уже 1:02:05.", describe(paused, now, "ru"));
    EXPECT_EQ("Окно 3: B004 (Удостоверение личности) вызван 1:15 назад.",
              describe(serving(v1::TICKET_STATE_CALLED), now, "ru", centre()));
}

TEST(commands, the_answer_to_an_action_says_what_happened) {
    auto called = serving(v1::TICKET_STATE_CALLED);
    v1::CounterView open;
    open.set_number(3);
    open.set_status(v1::COUNTER_STATUS_OPEN);
    EXPECT_EQ("B004 moved to Notary.", what_happened("transfer", {"notary"}, called, open, "en", centre()));
    EXPECT_EQ("B004 served.", what_happened("done", {}, serving(v1::TICKET_STATE_SERVING), open, "en", centre()));
    EXPECT_EQ("B004 called.", what_happened("next", {}, open, called, "en", centre()));
    EXPECT_EQ("B004 transféré vers Notary.", what_happened("transfer", {"notary"}, called, open, "fr", centre()));
    EXPECT_EQ("18 min", minutes_text(17 * 60 + 5, "en"));  // an estimate is a duration, rounded up
    EXPECT_EQ("iminota 1", minutes_text(0, "rw"));
}

TEST(desk, the_screen_shows_the_ticket_the_lines_and_the_clerks_day) {
    desk d;
    d.user = "anna";
    d.centre.set_name("Centre 1");
    auto& s = *d.centre.add_services();
    s.set_id("id_card");
    (*s.mutable_names())["en"] = "Identity card";
    d.counter = serving(v1::TICKET_STATE_SERVING);
    d.link = "online";
    v1::ServerMessage snapshot;
    auto& line = *snapshot.mutable_snapshot()->add_lines();
    line.set_service_id("id_card");
    line.set_waiting(4);
    line.set_longest_wait_s(750);
    line.set_estimated_wait_s(480);
    auto& other = *snapshot.mutable_snapshot()->add_lines();
    other.set_service_id("notary");  // not this counter's: not shown
    other.set_waiting(9);
    d.lines["id_card"];
    d.lines["passport"];
    EXPECT_TRUE(d.take(snapshot));
    v1::Figures mine;
    mine.set_called(12);
    mine.set_served(10);
    mine.set_no_shows(1);
    mine.set_average_service_s(252);
    mine.set_ratings(8);
    mine.set_average_rating(4.625);
    d.mine = mine;
    mine.set_transferred_out(2);
    d.mine = mine;
    d.message = "B004 called.";
    auto screen = render(d, now);
    EXPECT_NE(std::string::npos, screen.find("Centre 1 | Counter 3 | anna | online\n"))
        << screen;  // the clerk named once
    EXPECT_NE(std::string::npos, screen.find("Now     Counter 3: B004 (Identity card) is being served, for 1:05.\n"))
        << screen;
    EXPECT_NE(std::string::npos,
              screen.find("        Identity card                4            12:30          8 min\n"))
        << screen;
    EXPECT_NE(
        std::string::npos,
        screen.find("My day  called 12, served 10, no-shows 1, transferred 2, average service 4:12, rating 4.6 (8)\n"))
        << screen;
    EXPECT_EQ(std::string::npos, screen.find("notary")) << screen;
    EXPECT_EQ(std::string::npos, screen.find("Notary")) << screen;
}

TEST(desk, a_service_name_longer_than_its_column_keeps_the_lines_figures_under_their_headings) {
    desk d;
    d.centre.set_name("Centre 1");
    auto& s = *d.centre.add_services();
    s.set_id("id_card");
    (*s.mutable_names())["en"] = "Water, power and gas accounts";  // the demo's, 29 letters
    d.counter = serving(v1::TICKET_STATE_SERVING);
    v1::ServerMessage snapshot;
    auto& line = *snapshot.mutable_snapshot()->add_lines();
    line.set_service_id("id_card");
    line.set_waiting(4);
    line.set_longest_wait_s(750);
    line.set_estimated_wait_s(480);
    d.lines["id_card"];
    EXPECT_TRUE(d.take(snapshot));
    auto screen = render(d, now);
    auto heading = screen.find("Service");
    auto row = screen.find("Water, power and gas accounts");
    ASSERT_NE(std::string::npos, heading) << screen;
    ASSERT_NE(std::string::npos, row) << screen;
    auto column = [&](std::size_t at) { return at - screen.rfind('\n', at) - 1; };
    EXPECT_EQ(column(screen.find("Waiting", heading)), column(screen.find("4 ", row))) << screen;
    EXPECT_EQ(column(screen.find("Longest", heading)), column(screen.find("12:30", row))) << screen;
}

TEST(desk, the_screen_speaks_the_clerks_language) {
    desk d;
    d.user = "anna";
    d.language = "az";
    d.centre = centre();
    d.counter = serving(v1::TICKET_STATE_SERVING);
    d.link = "bağlantı var";
    auto screen = render(d, now);
    EXPECT_NE(std::string::npos, screen.find("İndi         Masa 3: B004 (Identity card) xidmət olunur: 1:05.\n"))
        << screen;
    EXPECT_NE(std::string::npos, screen.find("Mənim günüm  hələ bilet yoxdur\n")) << screen;
    EXPECT_NE(std::string::npos, screen.find("d bitdi  o nəticə ilə bitdi")) << screen;
    EXPECT_EQ(std::string::npos, screen.find("served")) << screen;
    EXPECT_EQ((std::vector<std::string>{"az", "en", "ru", "rw", "fr"}), known_languages());
    EXPECT_FALSE(knows("xx"));
}

TEST(desk, events_at_this_counter_ask_for_a_refresh_and_others_do_not) {
    desk d;
    d.counter = serving(v1::TICKET_STATE_CALLED);
    v1::ServerMessage batch;
    auto& e = *batch.mutable_events()->add_events();
    e.mutable_ticket_called()->set_counter(5);
    EXPECT_FALSE(d.take(batch));
    e.mutable_ticket_called()->set_counter(3);
    EXPECT_TRUE(d.take(batch));
    EXPECT_STREQ("next", action_of_key('n'));
    EXPECT_STREQ("done", action_of_key('d'));  // asks nothing: the key after it is the next action
    EXPECT_STREQ("done-with-outcome", action_of_key('o'));
    EXPECT_EQ(nullptr, action_of_key('z'));
}

}  // namespace
}  // namespace novbe::counter
