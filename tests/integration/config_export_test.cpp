// `novbe-server config export` (docs/SETUP.md#config-export) on real servers: what it writes
// from a running centre passes check-config and seeds a new centre whose GetCentre is the same;
// from the stopped data folder it writes the same text; beside a running server, --data is refused.
#include "program.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace novbe::testing {
namespace {

constexpr char const* admin = "root";
constexpr char const* admin_secret = "root-secret-1";

v1::CentreInfo centre_of(server_process const& p) {
    ws_client c(p.port());
    EXPECT_TRUE(c.hello(v1::ROLE_ADMIN, admin, admin_secret).has_reply());
    v1::ClientMessage m;
    m.mutable_get_centre();
    return c.request(m).reply().centre();
}

program_result novbe(std::vector<std::string> args) {
    args.insert(args.begin(), NOVBE_SERVER_BINARY);
    return run_program(args, {{"NOVBE_ADMIN", admin}, {"NOVBE_SECRET", admin_secret}});
}

TEST(config_export_test, the_export_seeds_the_same_centre_and_reads_alike_from_the_server_and_the_data_folder) {
    server_process first;
    auto const file = first.folder() + "/centre.toml";
    app::add_user(file, admin, net::role::admin, admin_secret);
    first.start();
    auto const server = "127.0.0.1:" + std::to_string(first.port());
    auto ok = [](std::vector<std::string> args) {
        auto r = novbe(std::move(args));
        EXPECT_EQ(0, r.exit_code) << r.err;
        return r.exit_code == 0;
    };
    ASSERT_TRUE(ok({"service", "add", "--server", server, "--id", "tax", "--prefix", "T", "--names",
                        "az=Vergi;en=Tax;ru=Налоги;rw=Imisoro;fr=Impôts", "--agency", "justice", "--agency-names",
                        "az=Ədliyyə Nazirliyi;en=Ministry of Justice;ru=Министерство юстиции;rw=Minisiteri y'Ubutabera;fr=Ministère de la Justice",
                        "--target-minutes", "20", "--max-minutes", "50"}));
    ASSERT_TRUE(ok({"counter", "add", "--server", server, "--number", "9", "--name", "Tax desk", "--services", "tax,notary"}));
    ASSERT_TRUE(ok({"counter", "change", "--server", server, "--number", "1", "--services", "id_card"}));
    ASSERT_TRUE(ok({"counter", "retire", "--server", server, "--number", "5"}));
    // What a file could not say is refused at the command: counter 6 would serve nothing.
    auto alone = novbe({"service", "retire", "--server", server, "--id", "property"});
    EXPECT_EQ(1, alone.exit_code);
    EXPECT_NE(std::string::npos, alone.err.find("ERROR_CODE_LAST_SERVICE")) << alone.err;
    // An agency's names given again rename it for all its services: the file's one table says them.
    ASSERT_TRUE(ok({"service", "change", "--server", server, "--id", "notary", "--agency", "justice", "--agency-names",
                    "az=Ədliyyə;en=Justice;ru=Юстиция;rw=Ubutabera;fr=Justice"}));

    auto exported = novbe({"config", "export", "--config", file, "--server", server});
    ASSERT_EQ(0, exported.exit_code) << exported.err;
    EXPECT_NE(std::string::npos, exported.out.find("#   counter 5\n")) << "the retired counter, named\n" << exported.out;
    EXPECT_NE(std::string::npos, exported.out.find("#   user root admin\n")) << exported.out;
    EXPECT_NE(std::string::npos, exported.out.find("[agencies.justice]\naz = 'Ədliyyə'\nen = 'Justice'\n")) << exported.out;
    EXPECT_EQ(std::string::npos, exported.out.find("$argon2")) << "never a secret";
    EXPECT_EQ(std::string::npos, exported.out.find(server_process::kiosk_token)) << "never a token";
    auto const path = first.folder() + "/exported.toml";
    std::ofstream(path) << exported.out;
    auto checked = novbe({"check-config", "--config", path});
    EXPECT_EQ(0, checked.exit_code) << checked.err << exported.out;
    // The running server finds nothing in its own export that a restart would apply: the service
    // added at runtime is written `bookable = false`, as it books (none), not as a change.
    auto against = novbe({"check-config", "--config", path, "--server", server});
    EXPECT_EQ(0, against.exit_code) << against.err;
    EXPECT_NE(std::string::npos, against.out.find("needs a restart:\n  nothing\n")) << against.out;

    auto refused = novbe({"config", "export", "--config", file, "--data", first.folder()});
    EXPECT_EQ(1, refused.exit_code);
    EXPECT_NE(std::string::npos, refused.err.find("another novbe-server")) << refused.err;

    // A new centre seeded from the export: the same services and counters, in the same order.
    auto was = centre_of(first);
    v1::CentreInfo expected = was;
    expected.clear_counters();
    for (auto const& c : was.counters())
        if (!c.retired()) *expected.add_counters() = c;
    server_process second;
    std::ofstream(second.folder() + "/centre.toml", std::ios::trunc) << exported.out;
    app::add_user(second.folder() + "/centre.toml", admin, net::role::admin, admin_secret);
    second.start();
    EXPECT_EQ(expected.DebugString(), centre_of(second).DebugString());
    EXPECT_NE(std::string::npos, centre_of(second).DebugString().find("Tax desk"));

    // The stopped folder gives the same text as the running server did.
    EXPECT_EQ(0, first.stop());
    auto offline = novbe({"config", "export", "--config", file, "--data", first.folder()});
    EXPECT_EQ(0, offline.exit_code) << offline.err;
    EXPECT_EQ(exported.out, offline.out);
}

// check-config against a stopped folder says what its next start applies, and the start then
// applies just that (the same planner); beside a running server it is refused.
TEST(config_export_test, check_config_against_a_data_folder_says_what_the_next_start_applies) {
    server_process p;
    auto const file = p.folder() + "/centre.toml";
    p.start();
    auto busy = novbe({"check-config", "--config", file, "--data", p.folder()});
    EXPECT_EQ(1, busy.exit_code);
    EXPECT_NE(std::string::npos, busy.err.find("another novbe-server")) << busy.err;
    ASSERT_EQ(0, p.stop());

    std::stringstream text;
    text << std::ifstream(file).rdbuf();
    auto edited = std::regex_replace(text.str(), std::regex("service_minutes = 8"), "service_minutes = 9");
    std::ofstream(file, std::ios::trunc) << edited << "\n[[services]]\nid = \"tax\"\nprefix = \"T\"\n"
                                         << "names = { az = \"Vergi\", en = \"Tax\", ru = \"Налоги\", rw = \"Imisoro\", fr = \"Impôts\" }\n";
    app::add_user(file, "rashad", net::role::clerk, "rashad-secret-1");
    auto checked = novbe({"check-config", "--config", file, "--data", p.folder()});
    EXPECT_EQ(0, checked.exit_code) << checked.err;
    // The first start wrote the file's services to the log (docs/SETUP.md#one-source-of-truth): the
    // new one is to be added, as the user is, and the edited one keeps the log's set-up.
    EXPECT_EQ(file + ": good: 8 services, 8 counters, 3 devices, 3 users\n"
              "against " + p.folder() + "'s log (its next start, or a SIGHUP, applies the file so):\n"
              "  to apply: add service tax\n"
              "  to apply: add user rashad\n"
              "  kept: service passport: the log's set-up of it, not the file's; the log wins\n"
              "2 to apply, 1 kept as the log has them\n",
              checked.out);
    p.start();
    EXPECT_TRUE(p.logs_soon("config (start): 2 set-up changes from the file applied; the log holds 8 services")) << p.log();
}

}  // namespace
}  // namespace novbe::testing
