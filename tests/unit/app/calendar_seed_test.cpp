// The file's calendar against the log's (docs/SETUP.md#hours-and-holidays): on SIGHUP the file's
// edits become the admin's own commands, which make the file's calendar; at start the log's, once
// an admin set one, wins in a line; and whether a start comes after closing time is the log's
// calendar's to say, not the file's [centre] hours.
#include "app/calendar_seed.hpp"
#include "app/config_file.hpp"
#include "app/setup_seed.hpp"
#include "core/opening_hours.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

namespace novbe::app {
namespace {

using namespace std::chrono;

core::day_number day(char const* text) { return *core::parse_date(text); }

class calendar_seed : public ::testing::Test {
protected:
    net::settings const file = load_config(NOVBE_DEMO_CONFIG);  // open 08:00-20:00 every day, Asia/Baku
    core::centre centre{file.centre, file.booking};
    core::day_number const today = day("2026-11-28");
    core::time_point at(minutes local) const { return core::moment_of(file.centre.rules, today, local); }

    // As an admin's command is applied: decided, then its events; "ok" or the refusal's code.
    std::string run(core::command const& cmd, core::time_point now) {
        auto decided = centre.decide(cmd, now);
        if (!decided.ok()) return std::string(core::name(decided.error()));
        for (auto const& e : decided.events()) centre.apply(e);
        return "ok";
    }
    static std::vector<std::string> actions(std::vector<core::command> const& cmds) {
        std::vector<std::string> out;
        for (auto const& c : cmds) out.push_back(action(c));
        return out;
    }
};

TEST_F(calendar_seed, a_files_edit_becomes_the_admins_commands_which_make_the_files_calendar) {
    auto const was = calendar_of(file);
    auto edited = was;
    edited.weekly[6] = std::nullopt;  // Sundays closed
    edited.holidays.insert(day("2026-12-31"));
    edited.exceptions[day("2026-12-30")] = {9h, 13h};
    edited.holidays.insert(day("2026-01-01"));  // past: nothing to do
    auto changes = calendar_changes(was, edited, today);
    EXPECT_EQ((std::vector<std::string>{"set the weekly hours", "set exception 2026-12-30 09:00-13:00", "add holiday 2026-12-31"}),
              actions(changes));
    for (auto const& c : changes) EXPECT_EQ("ok", run(c, at(9h)));
    edited.holidays.erase(day("2026-01-01"));
    EXPECT_EQ(edited, centre.appointments().config().calendar) << "the log holds what the file says";

    // Taken back, and a date changing its say from an exception to a holiday.
    auto again = was;
    again.holidays.insert(day("2026-12-30"));
    EXPECT_EQ((std::vector<std::string>{"set the weekly hours", "add holiday 2026-12-30", "remove holiday 2026-12-31"}),
              actions(calendar_changes(edited, again, today)));
    EXPECT_EQ((std::vector<std::string>{"remove holiday 2026-12-30"}), actions(calendar_changes(again, was, today)));
    EXPECT_TRUE(calendar_changes(was, was, today).empty()) << "an untouched calendar is no command";
}

TEST_F(calendar_seed, at_start_the_log_calendar_wins_in_a_line_and_sighup_applies_the_edits_instead) {
    EXPECT_FALSE(calendar_kept(calendar_of(file), centre)) << "no admin set one: the file's is in use";
    EXPECT_EQ("ok", run(core::set_holiday{day("2026-12-31"), true, "root"}, at(9h)));
    auto kept = calendar_kept(calendar_of(file), centre);
    ASSERT_TRUE(kept);
    EXPECT_EQ("calendar: the log's hours and holidays (set at runtime), not the file's [booking] hours, holidays and "
              "exceptions; the log wins (config export writes what it holds)",
              *kept);
    auto const start = plan_file(file, centre);
    EXPECT_EQ(1, std::count(start.kept.begin(), start.kept.end(), *kept)) << "start logs it, check-config --data prints it";

    auto edited = file;
    edited.booking->calendar.exceptions[day("2026-12-29")] = {10h, 12h};
    auto const sighup = plan_file(edited, centre, file_reread{calendar_of(file), at(9h)});
    EXPECT_EQ(0, std::count(sighup.kept.begin(), sighup.kept.end(), *kept));
    std::vector<core::command> calendar;  // the demo's devices are to seed too: this centre was never started
    std::copy_if(sighup.commands.begin(), sighup.commands.end(), std::back_inserter(calendar), [](auto const& c) {
        return std::holds_alternative<core::set_exception>(c) || std::holds_alternative<core::set_holiday>(c) ||
               std::holds_alternative<core::set_weekly_hours>(c);
    });
    EXPECT_EQ((std::vector<std::string>{"set exception 2026-12-29 10:00-12:00"}), actions(calendar))
        << "only the edit: the admin's holiday stays";
    EXPECT_TRUE(std::holds_alternative<core::set_exception>(sighup.commands.back())) << "the calendar comes last";

    auto same = calendar_of(file);
    same.holidays.insert(day("2026-12-31"));
    EXPECT_FALSE(calendar_kept(same, centre)) << "a file that says what the log holds needs no line";
}

TEST_F(calendar_seed, a_start_after_closing_time_is_judged_by_the_logs_calendar) {
    EXPECT_TRUE(starts_after_closing(centre, at(21h))) << "the file's 20:00";
    EXPECT_FALSE(starts_after_closing(centre, at(11h)));
    EXPECT_EQ("ok", run(core::set_exception{today, core::day_hours{8h, 10h}, "root"}, at(9h)));
    EXPECT_TRUE(starts_after_closing(centre, at(11h))) << "today closes at 10:00 in the log";
    EXPECT_EQ("ok", run(core::set_exception{today, core::day_hours{8h, 23h}, "root"}, at(9h)));
    EXPECT_FALSE(starts_after_closing(centre, at(21h))) << "open until 23:00 today in the log, whatever the file says";
}

}  // namespace
}  // namespace novbe::app
