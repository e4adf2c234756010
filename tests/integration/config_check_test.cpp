// `check-config --server` (docs/SETUP.md#check-config-against-the-running-server) on a running
// server: it judges a file by its own start-time settings and the calendar it last read, as its
// next SIGHUP would, and applies nothing; only an admin may ask; a file it cannot read, or one
// too large, is said so.
#include "admin_server.hpp"
#include "program.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace novbe::testing {
namespace {

class config_check_test : public admin_server_test {
protected:
    config_check_test() {
        // Frames large enough for an oversize file to reach CheckConfig's own bound.
        process.configure("[server]\nmax_frame_kib = 2048");
    }
    std::string path() const { return process.folder() + "/centre.toml"; }
    std::string text() const {
        std::stringstream out;
        out << std::ifstream(path()).rdbuf();
        return out.str();
    }
    program_result novbe(std::vector<std::string> args) const {
        args.insert(args.begin(), NOVBE_SERVER_BINARY);
        return run_program(args, {{"NOVBE_ADMIN", admin}, {"NOVBE_SECRET", admin_secret}});
    }
    static v1::ClientMessage check(std::string toml) {
        v1::ClientMessage m;
        m.mutable_check_config()->set_toml(std::move(toml));
        return m;
    }
    v1::Calendar calendar(ws_client& c) {
        v1::ClientMessage m;
        m.mutable_get_centre();
        return c.request(m).reply().centre().calendar();
    }
};

TEST_F(config_check_test, the_running_server_names_what_applies_live_and_what_needs_a_restart_and_applies_nothing) {
    process.start();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto edited = text();
    auto const holiday = centre_today(2), too_far = centre_today(400);
    edited.insert(edited.find("\n[booking]\n") + 11, "holidays = [\"" + holiday + "\"]\n");
    edited.replace(edited.find("retention_days = 90"), 19, "retention_days = 30");
    edited += "\n[booking.exceptions]\n\"" + too_far + "\" = \"10:00-11:00\"\n";
    auto const other = process.folder() + "/edited.toml";
    std::ofstream(other) << edited;

    auto r = novbe({"check-config", "--config", other, "--server", "127.0.0.1:" + std::to_string(process.port())});
    ASSERT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("live on SIGHUP:\n  add holiday " + holiday + "\nneeds a restart:\n"
                                            "  [store] changed: needs a restart\n"))
        << r.out;
    EXPECT_NE(std::string::npos, r.out.find("refused on SIGHUP:\n  set exception " + too_far +
                                            " 10:00-11:00 (date_out_of_range: "))
        << r.out;
    EXPECT_EQ(std::string::npos, r.out.find("add service")) << "the file's services are the log's already\n" << r.out;
    EXPECT_EQ(0, calendar(root).holidays_size()) << "nothing applied";

    // The running file itself: nothing to apply, nothing that needs a restart.
    auto same = novbe({"check-config", "--config", path(), "--server", "127.0.0.1:" + std::to_string(process.port())});
    ASSERT_EQ(0, same.exit_code) << same.err;
    EXPECT_NE(std::string::npos, same.out.find("live on SIGHUP:\n  nothing\nneeds a restart:\n  nothing\n")) << same.out;

    // Over the wire: the same sentences in their lists.
    auto reply = root.request(check(edited));
    ASSERT_TRUE(reply.has_reply()) << reply.DebugString();
    auto const& c = reply.reply().config_check();
    ASSERT_EQ(1, c.live_size());
    EXPECT_EQ("add holiday " + holiday, c.live(0));
    ASSERT_EQ(1, c.restart_size());
    EXPECT_EQ("[store] changed: needs a restart", c.restart(0));
    EXPECT_EQ(1, c.refused_size());
    EXPECT_EQ(0, c.problems_size());
}

TEST_F(config_check_test, only_an_admin_may_ask_and_a_bad_or_oversize_file_is_said_so_and_changes_nothing) {
    process.start();
    auto manager = signed_in(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    auto denied = manager.request(check(text()));
    ASSERT_TRUE(denied.has_error()) << denied.DebugString();
    EXPECT_EQ(v1::ERROR_CODE_PERMISSION_DENIED, denied.error().code());

    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto malformed = root.request(check(text() + "\n[rules\n"));
    ASSERT_TRUE(malformed.has_reply()) << malformed.DebugString();
    auto const& c = malformed.reply().config_check();
    ASSERT_EQ(1, c.problems_size());
    EXPECT_EQ(0u, c.problems(0).rfind("file:", 0)) << c.problems(0);
    EXPECT_EQ(0, c.live_size() + c.restart_size() + c.kept_size() + c.refused_size());

    auto invalid = root.request(check(text() + "\n[[counters]]\nnumber = 1\nname = \"again\"\nservices = [\"id_card\"]\n"));
    ASSERT_TRUE(invalid.has_reply()) << invalid.DebugString();
    ASSERT_EQ(1, invalid.reply().config_check().problems_size());

    auto oversize = root.request(check(text() + "\n#" + std::string(1024 * 1024, 'x') + "\n"));
    ASSERT_TRUE(oversize.has_error()) << oversize.DebugString();
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, oversize.error().code());
    EXPECT_NE(std::string::npos, oversize.error().message().find("at most 1024 KiB")) << oversize.error().message();
    auto empty = root.request(check(""));
    ASSERT_TRUE(empty.has_error());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, empty.error().code());

    // A bad file given to the command line is refused there, naming its line; the server goes on.
    auto const bad = process.folder() + "/bad.toml";
    std::ofstream(bad) << text() << "\n[rules\n";
    auto r = novbe({"check-config", "--config", bad, "--server", "127.0.0.1:" + std::to_string(process.port())});
    EXPECT_NE(0, r.exit_code);
    EXPECT_NE(std::string::npos, r.err.find(bad + ":")) << r.err;
    auto after = root.request(check(text()));
    ASSERT_TRUE(after.has_reply()) << after.DebugString();
    EXPECT_EQ(0, after.reply().config_check().live_size());
}

}  // namespace
}  // namespace novbe::testing
