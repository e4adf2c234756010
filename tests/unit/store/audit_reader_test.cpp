// The audit trail as a manager queries it: from the log on disk, newest first, filtered and
// paged, each row saying who did what to which ticket and why.
#include "store/audit_reader.hpp"
#include "store/audit_words.hpp"

#include "store_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

// "seq:kind:actor:ticket@counter:service:code:words" per row, then "| next=N".
std::string render(audit_page const& p) {
    std::string out;
    for (auto const& r : p.rows)
        out += std::to_string(r.sequence) + ":" + r.kind + ":" + r.by.name + ":" + r.ticket + "@" +
               std::to_string(r.counter) + ":" + r.service + ":" + r.reason_code + ":" + r.words + " ";
    return out + "| next=" + std::to_string(p.next_before);
}

class audit_reader_test : public ::testing::Test {
protected:
    // A morning: two tickets, anna calls one out of turn, mira takes her counter over and
    // cancels the other with a reason, then sets the hall message.
    audit_reader_test() {
        auto opened = event_log::open({.path = path_}, source_.centre().config());
        core::actor kiosk{core::actor_role::kiosk, "hall kiosk"}, anna{core::actor_role::clerk, "anna"},
            mira{core::actor_role::manager, "mira"};
        append_as(*opened.log, source_.run(core::issue_ticket{0, core::priority_class::normal, "en", {7, 7}}), kiosk);  // 1-2
        append_as(*opened.log, source_.run(core::issue_ticket{0, core::priority_class::normal, "en", {8, 8}}), kiosk);  // 3
        append_as(*opened.log, source_.run(core::open_counter{1, "anna"}), anna);                                        // 4
        append_as(*opened.log, source_.run(core::call_ticket{1, "A002", "anna", "elderly"}), anna);                      // 5
        append_as(*opened.log, source_.run(core::take_over_counter{1, "mira", "anna went home ill", "clerk_absent"}), mira);  // 6
        append_as(*opened.log, source_.run(core::cancel_ticket{"A001", "wrong_service"}), mira);                         // 7
        append_as(*opened.log, source_.run(core::set_hall_message{"Counter 1 closes at 16:00", "mira"}), mira);          // 8
        day_ = source_.centre().day();
        opened.log->close();  // the report's rows are written too
    }
    audit_filter today() const { return {.from_day = day_, .to_day = day_}; }

    temp_dir dir_;
    std::string path_ = dir_.file("centre.db");
    event_source source_;
    core::day_number day_ = 0;
};

TEST_F(audit_reader_test, lists_the_exceptions_to_the_line_newest_first_with_who_and_why) {
    audit_reader reader(path_);
    auto f = today();
    f.kinds = audit_kinds::out_of_turn;
    EXPECT_EQ("7:ticket_cancelled:mira:A001@0:passport:wrong_service: "
              "6:counter_taken_over:mira:@1::clerk_absent:anna: anna went home ill "
              "5:ticket_called:anna:A002@1:passport:elderly: | next=0",
              render(reader.read(f)));
}

TEST_F(audit_reader_test, filters_by_user_counter_and_set_up_changes) {
    audit_reader reader(path_);
    auto f = today();
    f.user = "anna";
    EXPECT_EQ("5:ticket_called:anna:A002@1:passport:elderly: 4:counter_opened:anna:@1::: | next=0", render(reader.read(f)));
    f = today();
    f.counter = 1;
    f.user = "mira";
    EXPECT_EQ("6:counter_taken_over:mira:@1::clerk_absent:anna: anna went home ill | next=0", render(reader.read(f)));
    f = today();
    f.kinds = audit_kinds::setup;
    EXPECT_EQ("8:hall_message_set:mira:@0:::Counter 1 closes at 16:00 | next=0", render(reader.read(f)));
}

TEST_F(audit_reader_test, pages_on_from_where_the_last_page_stopped) {
    audit_reader reader(path_);
    auto f = today();
    f.kinds = audit_kinds::out_of_turn;
    f.page_size = 2;
    auto first = reader.read(f);
    ASSERT_EQ(2u, first.rows.size());
    EXPECT_EQ(6u, first.rows.back().sequence);
    ASSERT_EQ(6u, first.next_before);
    f.before = first.next_before;
    EXPECT_EQ("5:ticket_called:anna:A002@1:passport:elderly: | next=0", render(reader.read(f)));
}

TEST_F(audit_reader_test, looks_at_no_more_events_than_its_budget_and_says_where_to_go_on) {
    audit_reader reader(path_);
    auto f = today();
    f.kinds = audit_kinds::out_of_turn;
    f.scan_limit = 2;  // events 8 and 7: one match, then the rest is for the next call
    EXPECT_EQ("7:ticket_cancelled:mira:A001@0:passport:wrong_service: | next=7", render(reader.read(f)));
    f.before = 7;  // events 6 and 5, both matching; 4 and older next
    EXPECT_EQ("6:counter_taken_over:mira:@1::clerk_absent:anna: anna went home ill "
              "5:ticket_called:anna:A002@1:passport:elderly: | next=5",
              render(reader.read(f)));
}

TEST_F(audit_reader_test, another_day_has_nothing) {
    audit_reader reader(path_);
    EXPECT_EQ("| next=0", render(reader.read({.from_day = day_ + 1, .to_day = day_ + 3})));
    EXPECT_EQ("| next=0", render(reader.read({.from_day = day_ - 3, .to_day = day_ - 1})));
    EXPECT_EQ(8u, reader.read({.from_day = day_ - 3, .to_day = day_ + 3}).rows.size());
}

// The set-up commands, each run and logged as root, then the audit's words of the set-up rows,
// newest first (rows before any day belong to their time's day: the range takes them all).
std::vector<std::string> set_up_words(std::vector<core::command> const& commands) {
    temp_dir dir;
    auto const path = dir.file("centre.db");
    event_source source;
    {
        auto opened = event_log::open({.path = path}, source.centre().config());
        for (auto const& cmd : commands) {
            auto events = source.run(cmd);
            EXPECT_FALSE(events.empty()) << "refused: command " << cmd.index();
            append_as(*opened.log, events, {core::actor_role::admin, "root"});
        }
        opened.log->close();
    }
    std::vector<std::string> words;
    for (auto const& r : audit_reader(path).read({.from_day = 0, .to_day = 1'000'000, .kinds = audit_kinds::setup}).rows)
        words.push_back(r.words);
    return words;
}

// A user's row says what the command changed, not only who the user is now: a reset secret, a
// new role and a disabled account read differently.
TEST(audit_reader_users, say_what_each_change_did) {
    EXPECT_EQ((std::vector<std::string>{"ana: role manager to clerk, enabled", "ana: disabled", "ana: role clerk to manager",
                                        "ana: secret reset", "ana: added as clerk", "root: added as admin"}),
              set_up_words({core::add_user{"root", core::staff_role::admin, "$argon2id$root", "config"},
                            core::add_user{"ana", core::staff_role::clerk, "$argon2id$1", "root"},
                            core::change_user{.name = "ana", .secret_hash = "$argon2id$2", .by = "root"},
                            core::change_user{.name = "ana", .role = core::staff_role::manager, .by = "root"},
                            core::change_user{.name = "ana", .disabled = true, .by = "root"},
                            core::change_user{.name = "ana", .role = core::staff_role::clerk, .disabled = false, .by = "root"}}));
}

// Devices, services and counters likewise: an add, a rename and a retirement read apart.
TEST(audit_reader_users, say_what_each_set_up_change_did) {
    EXPECT_EQ((std::vector<std::string>{"counter 7: retired", "counter 7: services passport to passport, tax",
                                        "counter 7: added, serving passport", "tax: name in en, target wait 15 min to 20 min",
                                        "tax: added (prefix T)", "kiosk hall: revoked", "kiosk hall: renamed from kiosk 1",
                                        "kiosk 1: added as kiosk"}),
              set_up_words({core::add_device{"kiosk 1", core::device_kind::kiosk, "$argon2id$k", 0, "root"},
                            core::change_device{.name = "kiosk 1", .rename = "kiosk hall", .by = "root"},
                            core::change_device{.name = "kiosk hall", .revoke = true, .by = "root"},
                            core::add_service{{.id = "tax", .prefix = "T", .names = {{"en", "Tax"}}}, "root"},
                            core::change_service{.id = "tax", .names = std::map<std::string, std::string>{{"en", "Taxes"}},
                                                 .target_wait = std::chrono::minutes(20), .by = "root"},
                            core::add_counter{{.number = 7, .name = "Counter 7", .services = {0}}, "root"},
                            core::change_counter{.number = 7, .services = std::vector<core::service_index>{0, 3}, .by = "root"},
                            core::retire_counter{7, "root"}}));
}

TEST(audit_words, an_alert_says_which_wait_and_the_advice) {
    v1::AlertChanged alert;
    alert.set_service("passport");
    alert.set_level(2);
    alert.set_counters_needed(2);
    alert.add_could_open(3);
    alert.add_could_open(5);
    EXPECT_EQ("raised: the maximum wait; 2 more counters would clear it; could open: counter 3, 5", alert_words(alert));
    alert.set_level(0);
    EXPECT_EQ("cleared", alert_words(alert));
}

}  // namespace
}  // namespace novbe::store::testing
