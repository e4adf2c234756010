// Users and devices at runtime over the wire (docs/SETUP.md): an admin revokes a kiosk and its
// open connection closes, its token is refused; a disabled clerk's session ends; a new secret
// ends the other sessions; all of it survives a SIGKILL; SIGHUP applies the file's new users and
// never stops the server.
#include "messages.hpp"
#include "program.hpp"
#include "admin_server.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>

namespace novbe::testing {
namespace {


v1::ClientMessage add_device(std::string const& name, v1::Role role) {
    v1::ClientMessage m;
    m.mutable_add_device()->set_name(name);
    m.mutable_add_device()->set_role(role);
    return m;
}

v1::ClientMessage change_device(std::string const& name, bool revoke) {
    v1::ClientMessage m;
    m.mutable_change_device()->set_name(name);
    m.mutable_change_device()->set_revoke(revoke);
    return m;
}

v1::ClientMessage change_user(std::string const& name) {
    v1::ClientMessage m;
    m.mutable_change_user()->set_name(name);
    return m;
}

std::string users_of(v1::ServerMessage const& m) {
    std::string out;
    for (auto const& u : m.reply().users().users())
        out += (out.empty() ? "" : " ") + u.name() + ":" + v1::Role_Name(u.role()).substr(5) + (u.disabled() ? "-" : "");
    return out;
}

class setup_test : public admin_server_test {};

TEST_F(setup_test, a_revoked_kiosk_is_closed_at_once_and_its_token_refused_also_after_a_crash) {
    process.start();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto added = root.request(add_device("kiosk hall 2", v1::ROLE_KIOSK));
    ASSERT_TRUE(added.reply().has_device_added()) << added.DebugString();
    auto token = added.reply().device_added().token();
    EXPECT_EQ(32u, token.size());

    ws_client kiosk(process.port());
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, token).has_reply()) << "the new token signs in at once";
    EXPECT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
    v1::ClientMessage ask;
    ask.mutable_list_devices();
    auto list = root.request(ask);
    EXPECT_EQ(std::string::npos, list.SerializeAsString().find(token)) << "a list never carries a token";
    EXPECT_EQ(4, list.reply().devices().devices_size()) << list.DebugString();

    EXPECT_TRUE(root.request(change_device("kiosk hall 2", true)).reply().has_devices());
    EXPECT_EQ(4003, kiosk.wait_for_close()) << "its open connection is closed";
    EXPECT_TRUE(process.logs_soon("4003: device revoked"));
    ws_client again(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(again.hello(v1::ROLE_KIOSK, token)));
    EXPECT_EQ("ERROR_CODE_UNKNOWN_DEVICE", error_name(root.request(change_device("kiosk hall 2", true))));

    process.kill();
    process.start();
    ws_client after(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(after.hello(v1::ROLE_KIOSK, token))) << "revoked for good";
    ws_client demo_kiosk(process.port());
    EXPECT_TRUE(demo_kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply()) << "the file's kiosk still signs in";

    // A clean stop writes a snapshot; the next start recovers the devices from it.
    EXPECT_EQ(0, process.stop());
    process.start();
    ws_client from_snapshot(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(from_snapshot.hello(v1::ROLE_KIOSK, token)));
    auto root2 = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto devices = root2.request(ask);
    ASSERT_EQ(4, devices.reply().devices().devices_size());
    EXPECT_TRUE(devices.reply().devices().devices(3).revoked()) << devices.DebugString();
    EXPECT_EQ("kiosk hall 2", devices.reply().devices().devices(3).name());
}

TEST_F(setup_test, a_disabled_clerks_session_ends_and_a_new_secret_ends_the_others_also_after_a_crash) {
    process.start();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto anna = signed_in(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    auto disable = change_user(server_process::clerk);
    disable.mutable_change_user()->set_disable(true);
    EXPECT_EQ("anna:CLERK- leyla:MANAGER root:ADMIN", users_of(root.request(disable)));
    EXPECT_EQ(4003, anna.wait_for_close());
    ws_client refused(process.port());
    auto no = refused.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(no));
    EXPECT_EQ("anna may not sign in: an admin disabled this user.", no.error().message());

    auto enable = change_user(server_process::clerk);
    enable.mutable_change_user()->set_enable(true);
    enable.mutable_change_user()->set_new_secret("anna-secret-2");
    EXPECT_EQ("anna:CLERK leyla:MANAGER root:ADMIN", users_of(root.request(enable)));
    ws_client old(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(old.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret)));
    auto anna2 = signed_in(v1::ROLE_CLERK, server_process::clerk, "anna-secret-2");

    // An admin's own new secret ends their other sessions, not the one that asked.
    auto root2 = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto mine = change_user(admin);
    mine.mutable_change_user()->set_new_secret("root-secret-2");
    EXPECT_TRUE(root.request(mine).reply().has_users());
    EXPECT_EQ(4003, root2.wait_for_close());
    EXPECT_TRUE(root.request(change_user(admin)).has_reply()) << "the asking connection stays";

    auto last = change_user(admin);
    last.mutable_change_user()->set_role(v1::ROLE_MANAGER);
    EXPECT_EQ("ERROR_CODE_LAST_ADMIN", error_name(root.request(last)));
    v1::ClientMessage dup;
    dup.mutable_add_user()->set_name("leyla");
    dup.mutable_add_user()->set_role(v1::ROLE_CLERK);
    dup.mutable_add_user()->set_secret("whatever-1");
    EXPECT_EQ("ERROR_CODE_DUPLICATE_NAME", error_name(root.request(dup)));
    auto manager = signed_in(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(manager.request(disable))) << "managers may list, not change";
    v1::ClientMessage list;
    list.mutable_list_users();
    auto listed = manager.request(list);
    EXPECT_EQ("anna:CLERK leyla:MANAGER root:ADMIN", users_of(listed));
    EXPECT_EQ(std::string::npos, listed.SerializeAsString().find("$argon2")) << "never a hash";

    process.kill();
    process.start();
    ws_client after(process.port());
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(after.hello(v1::ROLE_ADMIN, admin, admin_secret))) << "the new secret is the one";
    signed_in(v1::ROLE_ADMIN, admin, "root-secret-2");
    signed_in(v1::ROLE_CLERK, server_process::clerk, "anna-secret-2");
}

TEST_F(setup_test, sighup_applies_the_files_new_users_refuses_the_rest_and_never_stops_the_server) {
    process.start();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto path = process.folder() + "/centre.toml";
    app::add_user(path, "rashad", net::role::clerk, "rashad-secret-1");
    ::kill(process.pid(), SIGHUP);
    ASSERT_TRUE(process.logs_soon("config (SIGHUP): 1 set-up changes from the file applied")) << process.log();
    signed_in(v1::ROLE_CLERK, "rashad", "rashad-secret-1");
    EXPECT_TRUE(root.request(change_user(admin)).has_reply()) << "the admin's connection lived through it";

    // A file that does not load changes nothing; a service the log has keeps the log's set-up.
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    std::ofstream(path, std::ios::trunc) << text.str() << "\nthis is not TOML\n";
    ::kill(process.pid(), SIGHUP);
    EXPECT_TRUE(process.logs_soon("config (SIGHUP): not applied, the file does not load")) << process.log();
    std::ofstream(path, std::ios::trunc) << std::regex_replace(text.str(), std::regex("service_minutes = \\d+"), "service_minutes = 17", std::regex_constants::format_first_only);
    ::kill(process.pid(), SIGHUP);
    EXPECT_TRUE(process.logs_soon("the log's set-up of it, not the file's; the log wins")) << process.log();
    EXPECT_TRUE(root.request(change_user(admin)).has_reply()) << "still serving";
    EXPECT_EQ(0, process.stop()) << "and it stops cleanly";
}

// `novbe-server user|device ...` on the running server, as a script would type them.
TEST_F(setup_test, the_command_line_administers_the_running_server_with_exit_codes) {
    process.start();
    auto const server = "127.0.0.1:" + std::to_string(process.port());
    std::vector<std::pair<std::string, std::string>> const as_root{{"NOVBE_ADMIN", admin}, {"NOVBE_SECRET", admin_secret}};
    auto cli = [&](std::vector<std::string> args, std::string const& input = "") {
        args.insert(args.begin(), NOVBE_SERVER_BINARY);
        args.insert(args.end(), {"--server", server});
        return run_program(args, as_root, input);
    };
    auto added = cli({"user", "add", "--name", "rashad", "--role", "clerk"}, "rashad-secret-1\n");
    EXPECT_EQ(0, added.exit_code) << added.err;
    signed_in(v1::ROLE_CLERK, "rashad", "rashad-secret-1");
    auto list = cli({"user", "list"});
    EXPECT_EQ(0, list.exit_code) << list.err;
    EXPECT_EQ("anna\tclerk\nleyla\tmanager\nroot\tadmin\nrashad\tclerk\n", list.out);

    auto kiosk = cli({"device", "add", "--name", "kiosk 3", "--role", "kiosk"});
    ASSERT_EQ(0, kiosk.exit_code) << kiosk.err;
    auto at = kiosk.out.find("token ");
    ASSERT_NE(std::string::npos, at) << kiosk.out;
    auto token = kiosk.out.substr(at + 6, 32);
    ws_client k(process.port());
    ASSERT_TRUE(k.hello(v1::ROLE_KIOSK, token).has_reply());
    EXPECT_EQ(0, cli({"device", "revoke", "--name", "kiosk 3"}).exit_code);
    EXPECT_EQ(4003, k.wait_for_close());
    EXPECT_EQ(std::string::npos, cli({"device", "list"}).out.find(token)) << "a list never shows a token";

    auto disable = cli({"user", "disable", "--name", "rashad"});
    EXPECT_EQ(0, disable.exit_code) << disable.err;
    auto refused = cli({"user", "disable", "--name", "root"});
    EXPECT_EQ(1, refused.exit_code);
    EXPECT_NE(std::string::npos, refused.err.find("ERROR_CODE_LAST_ADMIN")) << refused.err;
    auto unknown = cli({"device", "revoke", "--name", "ghost"});
    EXPECT_EQ(1, unknown.exit_code);
    auto wrong = run_program({NOVBE_SERVER_BINARY, "user", "list", "--server", server}, {{"NOVBE_ADMIN", admin}, {"NOVBE_SECRET", "wrong-secret"}});
    EXPECT_EQ(1, wrong.exit_code) << "a refused sign-in is refused";
    EXPECT_EQ(2, cli({"user", "frobnicate"}).exit_code);
    auto janitor = cli({"user", "role", "--name", "rashad", "--role", "janitor"});
    EXPECT_EQ(2, janitor.exit_code) << "an unknown role is a wrong command line, not 'done' with nothing changed: " << janitor.out;
    EXPECT_EQ(2, cli({"device", "add", "--name", "pad 9", "--role", "rating_device", "--counter", "4294967297"}).exit_code);
    EXPECT_EQ(2, cli({"device", "add", "--name", "pad 9", "--role", "rating_device", "--counter", "2junk"}).exit_code);
    auto wrapped = run_program({NOVBE_SERVER_BINARY, "user", "list", "--server", "127.0.0.1:" + std::to_string(process.port() + 65536)},
                               as_root);
    EXPECT_EQ(2, wrapped.exit_code) << "a port past 65535 is refused, never wrapped onto another: " << wrapped.out;
    EXPECT_EQ(2, cli({"device", "add", "--name", "x"}).exit_code) << "--role is required";
    auto help = run_program({NOVBE_SERVER_BINARY, "device", "--help"});
    EXPECT_EQ(0, help.exit_code);
    EXPECT_NE(std::string::npos, help.out.find("novbe-server device revoke")) << help.out;
}

// The same commands on a stopped server's data folder (docs/SETUP.md#on-a-stopped-server): an
// admin who lost their secret gets a new one, a clerk and a kiosk are added, the same checks
// refuse the same things, and the next start has it all, in the audit trail by "data folder".
TEST_F(setup_test, the_command_line_administers_a_stopped_servers_data_folder_with_the_same_checks) {
    auto const file = process.folder() + "/centre.toml";
    auto offline = [&](std::vector<std::string> args, std::string const& input = "") {
        args.insert(args.begin(), NOVBE_SERVER_BINARY);
        args.insert(args.end(), {"--config", file, "--data", process.folder()});
        return run_program(args, {}, input);
    };
    auto never_started = offline({"user", "list"});
    EXPECT_EQ(1, never_started.exit_code);
    EXPECT_NE(std::string::npos, never_started.err.find("no centre.db in this data folder")) << never_started.err;

    process.start();
    auto beside = offline({"user", "list"});
    EXPECT_EQ(1, beside.exit_code) << "never a second writer beside the running server";
    EXPECT_NE(std::string::npos, beside.err.find("is running on this data folder")) << beside.err;
    ASSERT_EQ(0, process.stop());

    EXPECT_EQ(0, offline({"user", "reset", "--name", admin}, "root-secret-2\n").exit_code);
    auto added = offline({"user", "add", "--name", "rashad", "--role", "clerk"}, "rashad-secret-1\n");
    EXPECT_EQ(0, added.exit_code) << added.err;
    auto last = offline({"user", "disable", "--name", admin});
    EXPECT_EQ(1, last.exit_code) << "the last admin stays, as on the running server";
    EXPECT_NE(std::string::npos, last.err.find("ERROR_CODE_LAST_ADMIN")) << last.err;
    auto kiosk = offline({"device", "add", "--name", "kiosk 9", "--role", "kiosk"});
    ASSERT_EQ(0, kiosk.exit_code) << kiosk.err;
    auto at = kiosk.out.find("token ");
    ASSERT_NE(std::string::npos, at) << kiosk.out;
    auto token = kiosk.out.substr(at + 6, 32);
    auto list = offline({"user", "list"});
    EXPECT_EQ("anna\tclerk\nleyla\tmanager\nroot\tadmin\nrashad\tclerk\n", list.out) << list.err;
    auto services = offline({"service", "list"});
    EXPECT_EQ(0, services.exit_code) << services.err;
    EXPECT_NE(std::string::npos, services.out.find("passport")) << services.out;

    auto wrong = run_program({NOVBE_SERVER_BINARY, "user", "list", "--data", process.folder()});
    EXPECT_EQ(2, wrong.exit_code) << "--data needs --config";
    auto both = offline({"user", "list", "--server", "127.0.0.1:1"});
    EXPECT_EQ(2, both.exit_code) << "--data is not taken with --server";
    // Another centre's file, or one that lists other languages, is refused before it writes.
    std::stringstream text;
    text << std::ifstream(file).rdbuf();
    auto const good = text.str();
    auto with_file = [&](std::string const& edited, std::vector<std::string> args) {
        auto const other = process.folder() + "/other.toml";
        std::ofstream(other, std::ios::trunc) << edited;
        args.insert(args.begin(), NOVBE_SERVER_BINARY);
        args.insert(args.end(), {"--config", other, "--data", process.folder()});
        return run_program(args, {}, "");
    };
    auto another = with_file(std::regex_replace(good, std::regex("id = \"demo-baku-1\""), "id = \"ganja-2\""),
                             {"device", "add", "--name", "kiosk 10", "--role", "kiosk"});
    EXPECT_EQ(1, another.exit_code);
    EXPECT_NE(std::string::npos, another.err.find("the file's [centre] id is 'ganja-2'")) << another.err;
    auto checked = with_file(std::regex_replace(good, std::regex("id = \"demo-baku-1\""), "id = \"ganja-2\""), {"check-config"});
    EXPECT_EQ(1, checked.exit_code) << "check-config --data says what the next start would: it refuses that file";
    EXPECT_NE(std::string::npos, checked.err.find("belongs to centre 'demo-baku-1'")) << checked.err;
    auto english = with_file(std::regex_replace(good, std::regex("\nlanguages = \\[[^\n]*\\]"), "\nlanguages = [\"en\"]"),
                             {"service", "add", "--id", "visa", "--prefix", "V", "--names", "en=Visa"});
    EXPECT_EQ(1, english.exit_code);
    EXPECT_NE(std::string::npos, english.err.find("the file's [centre] languages are en")) << english.err;
    EXPECT_EQ(services.out, offline({"service", "list"}).out) << "nothing was added";

    process.start();
    ws_client old_secret(process.port());
    EXPECT_TRUE(old_secret.hello(v1::ROLE_ADMIN, admin, admin_secret).has_error()) << "the old secret is gone";
    auto root = signed_in(v1::ROLE_ADMIN, admin, "root-secret-2");
    signed_in(v1::ROLE_CLERK, "rashad", "rashad-secret-1");
    ws_client k(process.port());
    EXPECT_TRUE(k.hello(v1::ROLE_KIOSK, token).has_reply());
    v1::ClientMessage audit;
    audit.mutable_get_audit()->set_kind(v1::AUDIT_KIND_SETUP);
    auto trail = root.request(audit);
    ASSERT_TRUE(trail.has_reply()) << trail.DebugString();
    int by_folder = 0;
    for (auto const& row : trail.reply().audit().rows())
        if (row.actor().rfind("data folder (", 0) == 0 && row.actor_role() == v1::ROLE_ADMIN) ++by_folder;
    EXPECT_EQ(3, by_folder) << "the reset, the clerk and the kiosk: " << trail.DebugString();
    bool reset_said = false;
    for (auto const& row : trail.reply().audit().rows()) reset_said |= row.words() == std::string(admin) + ": secret reset";
    EXPECT_TRUE(reset_said) << "a reset reads as one: " << trail.DebugString();
}

}  // namespace
}  // namespace novbe::testing
