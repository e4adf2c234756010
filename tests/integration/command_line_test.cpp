// The three programs as an administrator types them: --help on each program and sub-command
// prints the usage and exits 0; an unknown option is one line of reason, the usage, a non-zero
// exit; check-config and run refuse a bad configuration file alike, naming its line.
#include "net/auth.hpp"
#include "program.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace novbe::testing {
namespace {

std::string const server = NOVBE_SERVER_BINARY;
std::string const kiosk = NOVBE_KIOSK_BINARY;
std::string const counter = NOVBE_COUNTER_BINARY;

std::string first_line(std::string const& text) { return text.substr(0, text.find('\n')); }

// `words` then --help: the usage on standard output (naming each of `lines`), nothing else.
void expect_help(std::string const& program, std::vector<std::string> words, std::vector<std::string> const& lines) {
    words.insert(words.begin(), program);
    words.push_back("--help");
    auto r = run_program(words);
    std::string said = words[0].substr(words[0].rfind('/') + 1);
    for (auto i = 1u; i < words.size(); ++i) said += " " + words[i];
    EXPECT_EQ(0, r.exit_code) << said << "\n" << r.err;
    EXPECT_EQ("", r.err) << said;
    EXPECT_TRUE(r.out.starts_with("usage:")) << said << "\n" << r.out;
    for (auto const& line : lines) EXPECT_NE(std::string::npos, r.out.find(line)) << said << " lacks " << line << "\n" << r.out;
}

// A command line with a wrong option: "PROGRAM: reason" alone on the first line, then the usage.
void expect_refused(std::vector<std::string> const& argv, std::string const& reason) {
    auto r = run_program(argv);
    EXPECT_EQ(2, r.exit_code) << argv.back() << "\n" << r.err;
    EXPECT_EQ("", r.out);
    EXPECT_EQ(reason, first_line(r.err));
    EXPECT_TRUE(r.err.substr(r.err.find('\n') + 1).starts_with("usage:")) << r.err;
}

TEST(command_line, help_on_the_server_and_each_sub_command_prints_its_usage_and_exits_0) {
    expect_help(server, {}, {"novbe-server run --config FILE", "novbe-server check-config", "novbe-server user add",
                             "novbe-server backup"});
    expect_help(server, {"run"}, {"--listen HOST:PORT", "--data-dir DIR", "--web-root DIR"});
    expect_help(server, {"check-config"}, {"novbe-server check-config --config FILE"});
    expect_help(server, {"user", "add"}, {"--role clerk|manager|admin", "standard input"});
    expect_help(server, {"user"}, {"novbe-server user add"});
    expect_help(server, {"backup"}, {"--data-dir DIR --to FILE"});
    auto help = run_program({server, "help", "backup"});
    EXPECT_EQ(0, help.exit_code);
    EXPECT_EQ("usage:\n  novbe-server backup --data-dir DIR --to FILE", help.out.substr(0, help.out.find('\n', 7)));
}

TEST(command_line, the_server_refuses_an_unknown_option_or_command_in_one_line_and_shows_the_usage) {
    expect_refused({server, "--bogus"}, "novbe-server: unknown option --bogus");
    expect_refused({server, "serve"}, "novbe-server: unknown command 'serve'");
    expect_refused({server, "run", "--config", "x.toml", "--lisen", "127.0.0.1:0"}, "novbe-server: run: unknown option --lisen");
    expect_refused({server, "check-config", "--conifg", "x.toml"}, "novbe-server: check-config: unknown option --conifg");
    expect_refused({server, "check-config"}, "novbe-server: check-config: --config is required");
    // Refused before the file is read: no "good" first, though the file is good.
    expect_refused({server, "check-config", "--config", NOVBE_DEMO_CONFIG, "--data", "d", "--server", "127.0.0.1:1"},
                   "novbe-server: check-config: --data and --server are not taken together (--data DIR: a stopped "
                   "server's folder; --server HOST:PORT: the running server)");
    expect_refused({server, "user", "add", "--config", "x", "--name", "a", "--role", "boss"},
                   "novbe-server: user add: --role is clerk, manager or admin, not 'boss'");
    expect_refused({server, "backup", "--to"}, "novbe-server: --to needs a value");
    expect_refused({server}, "novbe-server: a sub-command is needed");
}

TEST(command_line, help_on_the_kiosk_and_the_counter_and_their_commands_prints_the_usage_and_exits_0) {
    expect_help(kiosk, {}, {"novbe-kiosk issue --service ID", "novbe-kiosk run"});
    expect_help(kiosk, {"issue"}, {"--printer", "--token"});
    expect_help(kiosk, {"run"}, {"novbe-kiosk run [COMMON]"});
    expect_help(counter, {}, {"ACTION COUNTER", "run COUNTER", "figures"});
    expect_help(counter, {"--user", "anna", "next", "3"}, {"ACTION: open close next"});
    expect_help(counter, {"--user", "anna", "run", "3"}, {"the one-key screen"});
}

TEST(command_line, the_kiosk_and_the_counter_refuse_an_unknown_option_in_one_line_and_show_the_usage) {
    expect_refused({kiosk, "issue", "--service", "passport", "--colour", "red"}, "novbe-kiosk: unknown option --colour");
    expect_refused({kiosk, "--colour"}, "novbe-kiosk: unknown option --colour");
    expect_refused({kiosk, "print"}, "novbe-kiosk: unknown command print");
    expect_refused({kiosk}, "novbe-kiosk: a command is needed: issue or run");
    expect_refused({counter, "--user", "anna", "--colour", "next", "3"}, "novbe-counter: unknown option --colour");
    expect_refused({counter, "--user", "anna"}, "novbe-counter: an ACTION is needed");
}

// The demo configuration with one change, in a file of its own.
class check_config : public ::testing::Test {
protected:
    std::string const folder_ = ::testing::TempDir() + "novbe_cli_" + std::to_string(::getpid());
    std::string const path_ = folder_ + "/centre.toml";
    void SetUp() override { std::filesystem::create_directories(folder_); }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    void write(std::string const& from, std::string const& to) {
        std::ifstream in(NOVBE_DEMO_CONFIG);
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        auto at = text.find(from);
        ASSERT_NE(std::string::npos, at) << from;
        text_ = text.replace(at, from.size(), to);
        std::ofstream(path_, std::ios::trunc) << text_;
    }

    // The line of the n-th `needle` in the file as written (the demo file may grow above it).
    std::string line(std::string const& needle, int n = 1) const {
        auto at = std::string::npos;
        for (int i = 0; i < n; ++i) at = text_.find(needle, at + 1);
        EXPECT_NE(std::string::npos, at) << needle;
        return std::to_string(1 + std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }

    // check-config's one line of refusal, having checked that run says the same and starts nothing.
    std::string refusal() {
        auto check = run_program({server, "check-config", "--config", path_});
        EXPECT_EQ(1, check.exit_code) << check.out << check.err;
        EXPECT_EQ("", check.out);
        EXPECT_EQ(1, std::count(check.err.begin(), check.err.end(), '\n')) << check.err;
        auto run = run_program({server, "run", "--config", path_, "--listen", "127.0.0.1:0", "--data-dir", folder_},
                               {}, "", std::chrono::seconds(20));
        EXPECT_EQ(1, run.exit_code) << run.err;
        EXPECT_NE(std::string::npos, run.err.find(first_line(check.err))) << run.err;
        EXPECT_EQ(std::string::npos, run.err.find("listening on")) << run.err;
        EXPECT_FALSE(std::filesystem::exists(folder_ + "/centre.db"));
        // "novbe-server: FILE:LINE:COLUMN: problem" read as "LINE: problem".
        auto said = first_line(check.err);
        std::string const head = "novbe-server: " + path_ + ":";
        if (!said.starts_with(head)) return "not FILE:LINE:COLUMN: " + said;
        said = said.substr(head.size());
        auto colon = said.find(':'), second = said.find(':', colon + 1);
        return said.substr(0, colon) + ":" + said.substr(second + 1);
    }

    std::string text_;
};

TEST_F(check_config, the_demo_file_is_good) {
    write("max_recalls = 2", "max_recalls = 2");
    auto r = run_program({server, "check-config", "--config", path_});
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_EQ(path_ + ": good: 7 services, 8 counters, 3 devices, 0 users\n", r.out);
}

TEST_F(check_config, a_misspelt_key_is_refused_at_its_line_with_the_key_meant) {
    write("max_recalls = 2", "max_recals = 2");
    EXPECT_EQ(line("max_recals") + ": unknown key 'max_recals' in [rules] (did you mean 'max_recalls'?)", refusal());
}

TEST_F(check_config, an_unknown_table_is_refused) {
    write("[rules]", "[rulez]");
    EXPECT_EQ(line("[rulez]") + ": unknown table [rulez] (did you mean [rules]?)", refusal());
}

TEST_F(check_config, a_closing_time_after_the_next_day_begins_is_refused_at_its_line) {
    write("closing = \"20:00\"", "closing = \"25:00\"");
    auto said = refusal();
    EXPECT_TRUE(said.starts_with(line("closing = ") + ": opening \"08:00\", closing \"25:00\": closing time must come "
                                                     "before the next day starts"))
        << said;
}

TEST_F(check_config, a_device_token_given_twice_is_refused_without_showing_it) {
    write("demo-kiosk-upstairs-91c2", "demo-kiosk-entrance-7f3a");
    auto said = refusal();
    EXPECT_EQ(line("demo-kiosk-entrance-7f3a", 2) + ": device 'kiosk hall upstairs' has the token of device 'kiosk hall "
                                                    "entrance' (first at line " +
                  line("demo-kiosk-entrance-7f3a") + ")",
              said);
    EXPECT_EQ(std::string::npos, said.find("demo-kiosk-entrance-7f3a"));
}

TEST_F(check_config, a_counter_number_or_service_id_given_twice_is_refused_at_the_second) {
    write("number = 3\n", "number = 2\n");
    EXPECT_EQ(line("number = 2\n", 2) + ": counter 2 is listed twice (first at line " + line("number = 2\n") + ")", refusal());
    write("id = \"notary\"", "id = \"passport\"");
    EXPECT_EQ(line("id = \"passport\"", 2) + ": service id 'passport' is used twice (first at line " +
                  line("id = \"passport\"") + ")",
              refusal());
}

TEST_F(check_config, an_impossible_clock_time_is_refused_at_its_line) {
    write("opening = \"08:00\"", "opening = \"24:30\"");
    EXPECT_EQ(line("opening = ") + ": opening \"24:30\", closing \"20:00\": opening hours need 00:00 <= opening < "
                                   "24:00 and opening < closing <= opening + 24:00",
              refusal());
    write("closing = \"20:00\"", "closing = \"20:75\"");
    EXPECT_EQ(line("closing = ") + ": 'closing' is a time HH:MM, not '20:75'", refusal());
}

TEST_F(check_config, a_user_name_given_twice_is_refused_at_the_second) {
    std::string users;
    for (auto role : {"clerk", "manager"})
        users += "\n[[users]]\nname = \"aysel\"\nrole = \"" + std::string(role) + "\"\nsecret = \"" +
                 net::hash_secret("a-good-secret") + "\"\n";
    write("# Clerks and managers are added", users + "# Clerks and managers are added");
    EXPECT_EQ(line("name = \"aysel\"", 2) + ": user 'aysel' is listed twice (first at line " + line("name = \"aysel\"") +
                  ")",
              refusal());
}

}  // namespace
}  // namespace novbe::testing
