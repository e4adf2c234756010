// `novbe-server service ...` and `counter ...` on a real server, as a script types them
// (docs/SETUP.md#from-the-command-line): what they add is at once in the list and takes
// tickets; the server's refusals come back in words with exit code 1; a wrong option is refused
// with exit code 2 before anything is sent.
#include "messages.hpp"
#include "program.hpp"
#include "admin_server.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace novbe::testing {
namespace {

constexpr char const* five = "az=Vergi;en=Tax;ru=Налоги;rw=Imisoro;fr=Impôts";

class setup_cli_test : public admin_server_test {
protected:
    program_result cli(std::vector<std::string> args) {
        args.insert(args.begin(), NOVBE_SERVER_BINARY);
        args.insert(args.end(), {"--server", "127.0.0.1:" + std::to_string(process.port())});
        return run_program(args, {{"NOVBE_ADMIN", admin}, {"NOVBE_SECRET", admin_secret}});
    }
};

TEST_F(setup_cli_test, a_service_and_a_counter_added_from_the_command_line_serve_at_once) {
    process.start();
    auto added = cli({"service", "add", "--id", "tax", "--prefix", "T", "--names", five, "--target-minutes", "10", "--max-minutes", "30"});
    ASSERT_EQ(0, added.exit_code) << added.err;
    EXPECT_EQ("done: service add tax\n", added.out);
    auto counter = cli({"counter", "add", "--number", "9", "--name", "Tax desk", "--services", "tax,passport", "--policy",
                        "strict_service_order"});
    ASSERT_EQ(0, counter.exit_code) << counter.err;

    auto services = cli({"service", "list"});
    ASSERT_EQ(0, services.exit_code) << services.err;
    EXPECT_NE(std::string::npos, services.out.find("\ntax\tT\taz=Vergi;en=Tax;fr=Impôts;ru=Налоги;rw=Imisoro\t10/30 min\t\n"))
        << services.out;
    EXPECT_EQ(0u, services.out.rfind("passport\tA\t", 0)) << "the file's first, in its order";
    auto counters = cli({"counter", "list"});
    EXPECT_NE(std::string::npos, counters.out.find("\n9\tTax desk\ttax,passport\tstrict_service_order\n")) << counters.out;

    ws_client kiosk(process.port());
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply());
    EXPECT_EQ("T001", kiosk.request(issue("tax")).reply().issued_ticket().number()) << "it takes tickets at once";

    // The server's refusals, in its words, exit 1.
    auto waiting = cli({"service", "retire", "--id", "tax"});
    EXPECT_EQ(1, waiting.exit_code);
    EXPECT_NE(std::string::npos, waiting.err.find("ERROR_CODE_SERVICE_HAS_WAITING")) << waiting.err;
    auto twice = cli({"counter", "add", "--number", "9", "--services", "tax"});
    EXPECT_EQ(1, twice.exit_code);
    EXPECT_NE(std::string::npos, twice.err.find("ERROR_CODE_DUPLICATE_NAME")) << twice.err;
    auto unknown = cli({"counter", "change", "--number", "9", "--services", "ghost"});
    EXPECT_EQ(1, unknown.exit_code) << unknown.err;
    EXPECT_NE(std::string::npos, unknown.err.find("There is no service 'ghost' in this centre")) << unknown.err;
    // A new counter naming an unknown service is refused naming it, with its own code.
    auto nope = cli({"counter", "add", "--number", "10", "--services", "passport,nope"});
    EXPECT_EQ(1, nope.exit_code);
    EXPECT_EQ("novbe-server: refused: There is no service 'nope' in this centre (services are named by id). "
              "(ERROR_CODE_UNKNOWN_SERVICE)\n",
              nope.err);
    // A prefix taken is refused naming whose it is; an id the file would not take, naming it.
    auto prefix = cli({"service", "add", "--id", "visa", "--prefix", "A", "--names", five});
    EXPECT_NE(std::string::npos, prefix.err.find("Prefix A is taken by service passport. (ERROR_CODE_PREFIX_TAKEN)")) << prefix.err;
    auto odd = cli({"service", "add", "--id", "<script>", "--prefix", "V", "--names", five});
    EXPECT_NE(std::string::npos, odd.err.find("Service id '<script>' is not 1 to 64 letters, digits, '_' or '-'")) << odd.err;

    // What changes, changes; retiring the counter leaves it listed as retired.
    EXPECT_EQ(0, cli({"service", "change", "--id", "tax", "--max-minutes", "40"}).exit_code);
    EXPECT_NE(std::string::npos, cli({"service", "list"}).out.find("\ntax\tT\t")) << "still there";
    EXPECT_NE(std::string::npos, cli({"service", "list"}).out.find("\t10/40 min\t\n"));
    auto retired = cli({"counter", "retire", "--number", "9"});
    EXPECT_EQ(0, retired.exit_code) << retired.err;
    EXPECT_NE(std::string::npos, cli({"counter", "list"}).out.find("\n9\tTax desk\ttax,passport\tstrict_service_order\tretired\n"));
    // The start-up line counts what is in use, the retired counter apart.
    ASSERT_EQ(0, process.stop());
    process.start();
    EXPECT_TRUE(process.logs_soon(" counters (and 1 retired), ")) << process.log();
}

TEST_F(setup_cli_test, a_wrong_option_is_refused_before_anything_is_sent) {
    process.start();
    auto const before = cli({"service", "list"}).out;
    struct wrong {
        std::vector<std::string> args;
        std::string says;
    };
    std::vector<wrong> const cases{
        {{"service", "add", "--id", "tax", "--prefix", "t1", "--names", five}, "--prefix takes 1 to 3 capital letters"},
        {{"service", "add", "--id", "tax", "--prefix", "ABCD", "--names", five}, "--prefix takes 1 to 3 capital letters"},
        {{"service", "add", "--id", std::string(65, 'x'), "--prefix", "T", "--names", five}, "--id takes 1 to 64 bytes"},
        {{"service", "add", "--id", "tax", "--prefix", "T", "--names", "en"}, "--names takes LANG=NAME"},
        {{"service", "add", "--id", "tax", "--prefix", "T", "--names", "en=" + std::string(129, 'x')}, "--names takes LANG=NAME"},
        {{"service", "add", "--id", "tax", "--prefix", "T", "--names", five, "--target-minutes", "50", "--max-minutes", "30"},
         "--target-minutes is at most --max-minutes"},
        {{"service", "add", "--id", "tax", "--prefix", "T", "--names", five, "--target-minutes", "1", "--max-minutes", "2000"}, "from 1 to 1440"},
        {{"service", "add", "--id", "tax", "--prefix", "T", "--names", five, "--max-minutes", "50"}, "go together"},
        {{"service", "change", "--id", "passport", "--target-minutes", "ten"}, "takes a whole number"},
        {{"counter", "add", "--number", "0", "--services", "passport"}, "--number takes a whole number from 1"},
        {{"counter", "add", "--number", "9", "--services", "passport,passport"}, "passport twice"},
        {{"counter", "add", "--number", "9", "--services", "passport", "--policy", "random"}, "--policy is longest_wait_first"},
        {{"counter", "retire", "--number", "-1"}, "--number takes a whole number"},
        {{"counter", "add", "--number", "9", "--services", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q"}, "--services takes at most 16 services"},
    };
    for (auto const& c : cases) {
        auto r = cli(c.args);
        EXPECT_EQ(2, r.exit_code) << c.args[3] << " " << c.args.back();
        EXPECT_NE(std::string::npos, r.err.find(c.says)) << r.err;
    }
    EXPECT_EQ(2, cli({"service", "add", "--id", "tax", "--prefix", "T"}).exit_code) << "--names is required";
    EXPECT_EQ(2, cli({"counter", "frobnicate"}).exit_code);
    EXPECT_EQ(before, cli({"service", "list"}).out) << "nothing reached the server";
    auto help = run_program({NOVBE_SERVER_BINARY, "counter", "--help"});
    EXPECT_EQ(0, help.exit_code);
    EXPECT_NE(std::string::npos, help.out.find("novbe-server counter retire")) << help.out;
}

// Two real processes on one data folder: the second is refused before it opens centre.db; a
// crash of the first (SIGKILL) leaves no lock behind.
TEST(data_dir_lock_test, a_second_server_on_the_same_data_folder_is_refused_at_once) {
    server_process first;
    first.start();
    auto const began = std::chrono::steady_clock::now();
    auto second = run_program({NOVBE_SERVER_BINARY, "run", "--config", first.folder() + "/centre.toml", "--listen", "127.0.0.1:0",
                               "--data-dir", first.folder()});
    EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(10)) << "at once, not after a wait";
    EXPECT_EQ(1, second.exit_code) << second.err;
    EXPECT_NE(std::string::npos, second.err.find("another novbe-server (pid " + std::to_string(first.pid()) +
                                                 ") is running on this data folder")) << second.err;
    EXPECT_EQ(std::string::npos, second.err.find("recovered")) << "it never opened the log: " << second.err;
    ws_client kiosk(first.port());
    EXPECT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply()) << "the first serves on";
    first.kill();
    first.start();  // the kernel let the lock go with the killed process
    EXPECT_EQ(0, first.stop());
}

}  // namespace
}  // namespace novbe::testing
