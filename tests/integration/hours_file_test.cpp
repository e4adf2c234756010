// The file's calendar on a running server (docs/SETUP.md#sighup): an admin edits [booking]'s
// holidays and exceptions and sends SIGHUP; the edit is applied as the admin's commands, what the
// centre refuses is named in the same one line, and the server goes on. At the next start the
// log's calendar wins over a file that says otherwise, in a line.
#include "messages.hpp"
#include "admin_server.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>

namespace novbe::testing {
namespace {

class hours_file_test : public admin_server_test {
protected:
    std::string path() const { return process.folder() + "/centre.toml"; }
    std::string text() const {
        std::stringstream out;
        out << std::ifstream(path()).rdbuf();
        return out.str();
    }
    // The file with `keys` as the first lines of its [booking] table and `tables` at its end.
    void write(std::string file, std::string const& keys, std::string const& tables) const {
        file.insert(file.find("\n[booking]\n") + 11, keys);
        std::ofstream(path(), std::ios::trunc) << file << "\n" << tables << "\n";
    }
    v1::Calendar calendar(ws_client& c) {
        v1::ClientMessage m;
        m.mutable_get_centre();
        auto r = c.request(m);
        EXPECT_TRUE(r.has_reply()) << r.DebugString();
        return r.reply().centre().calendar();
    }
};

TEST_F(hours_file_test, sighup_applies_the_files_holidays_and_exceptions_as_commands_and_names_what_it_refuses) {
    process.start();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto const original = text();
    auto const holiday = centre_today(2), short_day = centre_today(3), too_far = centre_today(400);
    write(original, "holidays = [\"" + holiday + "\"]\n",
          "[booking.exceptions]\n\"" + short_day + "\" = \"09:00-13:00\"\n\"" + too_far + "\" = \"10:00-11:00\"");
    ::kill(process.pid(), SIGHUP);
    ASSERT_TRUE(process.logs_soon("config (SIGHUP): calendar from the file: applied add holiday " + holiday + ", set exception " +
                                  short_day + " 09:00-13:00; refused set exception " + too_far + " 10:00-11:00 (date_out_of_range: " +
                                  too_far + " is more than 366 days ahead: a date is at most a year from today.)"))
        << process.log();
    EXPECT_EQ(std::string::npos, process.log().find("[booking] or a service's booking keys changed")) << "the calendar applies live";
    auto cal = calendar(root);
    ASSERT_EQ(1, cal.holidays_size());
    EXPECT_EQ(holiday, cal.holidays(0));
    ASSERT_EQ(1, cal.exceptions_size());
    EXPECT_EQ(short_day, cal.exceptions(0).date());
    EXPECT_EQ("13:00", cal.exceptions(0).hours().closing());

    // The holiday taken out of the file again: removed on the next SIGHUP; the rest stays.
    write(original, "", "[booking.exceptions]\n\"" + short_day + "\" = \"09:00-13:00\"");
    ::kill(process.pid(), SIGHUP);
    ASSERT_TRUE(process.logs_soon("config (SIGHUP): calendar from the file: applied remove holiday " + holiday + "\n")) << process.log();
    EXPECT_EQ(0, calendar(root).holidays_size());
    EXPECT_EQ(1, calendar(root).exceptions_size());

    // At the next start a file without the exception does not take it away: the log wins, said so.
    EXPECT_EQ(0, process.stop());
    std::ofstream(path(), std::ios::trunc) << original;
    process.start();
    EXPECT_TRUE(process.logs_soon("config (start): calendar: the log's hours and holidays (set at runtime), not the file's")) << process.log();
    auto later = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    EXPECT_EQ(1, calendar(later).exceptions_size());
}

}  // namespace
}  // namespace novbe::testing
