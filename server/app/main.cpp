// novbe-server: one process per centre. Sub-commands: run, check-config, user, device, service
// and counter administration (docs/SETUP.md), backup.
#include "app/admin_cli.hpp"
#include "app/config_file.hpp"
#include "app/export_cli.hpp"
#include "app/server.hpp"
#include "app/setup_cli.hpp"
#include "app/sub_commands.hpp"
#include "core/roster.hpp"
#include "store/backup.hpp"
#include "store/schema.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using novbe::app::sub_command;
using novbe::app::sub_commands;

// The administration commands' other way in, said once rather than on every line.
constexpr char const* stopped_note =
    "  user, device, service and counter commands take --config FILE --data DIR in place of --server:\n"
    "      on a stopped server's data folder, under its lock, as 'data folder (LOGIN)' (docs/SETUP.md).\n";

std::string usage() {
    std::string text = "usage:\n";
    for (auto const& c : sub_commands()) text += c.usage;
    return text + stopped_note + "  novbe-server [SUB-COMMAND] --help\n      This text, or one sub-command's.\n";
}

// A command line that is not one: said in one line, then the usage; exit code 2.
struct usage_error : std::runtime_error {
    usage_error(std::string const& why, std::string text) : std::runtime_error(why), usage(std::move(text)) {}
    std::string usage;
};

// --help anywhere after the sub-command's words: its usage on standard output, exit code 0.
struct help_wanted {
    std::string usage;
};

// "--name value" pairs after the sub-command words, each one the sub-command takes.
std::map<std::string, std::string> options(std::vector<std::string> const& args, sub_command const& c) {
    auto from = static_cast<std::size_t>(std::count(c.words.begin(), c.words.end(), ' ') + 1);
    auto const text = "usage:\n" + c.usage;
    for (auto i = from; i < args.size(); ++i)
        if (args[i] == "--help" || args[i] == "-h") throw help_wanted{text};
    std::map<std::string, std::string> out;
    for (auto i = from; i < args.size(); i += 2) {
        if (args[i].rfind("--", 0) != 0) throw usage_error("expected --option value, got '" + args[i] + "'", text);
        auto name = args[i].substr(2);
        if (std::find(c.options.begin(), c.options.end(), name) == c.options.end())
            throw usage_error(c.words + ": unknown option " + args[i], text);
        if (i + 1 >= args.size()) throw usage_error(args[i] + " needs a value", text);
        out[name] = args[i + 1];
    }
    for (auto const& name : c.required)
        if (!out.contains(name)) throw usage_error(c.words + ": --" + name + " is required", text);
    return out;
}

// The sub-command that the arguments start with; a usage error if none does.
sub_command const& which(std::vector<std::string> const& args) {
    for (auto const& c : sub_commands()) {
        auto words = c.words.find(' ') == std::string::npos ? 1u : 2u;
        if (args.size() >= words && args[0] + (words == 2 ? " " + args[1] : "") == c.words) return c;
    }
    if (args[0] == "user" || args[0] == "device" || args[0] == "service" || args[0] == "counter" || args[0] == "config") {
        std::string text = "usage:\n";
        for (auto const& c : sub_commands())
            if (c.words.rfind(args[0] + " ", 0) == 0) text += c.usage;
        if (args[0] != "config") text += stopped_note;
        if (args.size() > 1 && (args[1] == "--help" || args[1] == "-h")) throw help_wanted{text};
        throw usage_error(args[0] + ": " + (args.size() > 1 ? "no sub-command '" + args[1] + "'" : "a sub-command is needed"), text);
    }
    if (args[0].rfind("-", 0) == 0) throw usage_error("unknown option " + args[0], usage());
    throw usage_error("unknown command '" + args[0] + "'", usage());
}

int main_checked(std::vector<std::string> const& args) {
    using namespace novbe;
    if (args.empty()) throw usage_error("a sub-command is needed", usage());
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        if (args.size() > 1 && args[0] == "help") return main_checked({args[1], "--help"});
        std::fputs(usage().c_str(), stdout);
        return 0;
    }
    auto const& command = which(args);
    auto o = options(args, command);
    if (command.words == "run") {
        app::server_options s{.config_path = o["config"]};
        if (o.contains("listen")) s.listen = o["listen"];
        if (o.contains("data-dir")) s.data_dir = o["data-dir"];
        if (o.contains("web-root")) s.web_root = o["web-root"];
        return app::run_server(s);
    }
    // Refused before the file is read: nothing ("good" or a problem) is said of an invocation that
    // is wrong (docs/SETUP.md#check-config-against-the-running-server).
    if ((command.words == "check-config" || command.words == "config export") && o.contains("data") && o.contains("server"))
        throw usage_error(command.words + ": --data and --server are not taken together (--data DIR: a stopped server's "
                                          "folder; --server HOST:PORT: the running server)",
                          "usage:\n" + command.usage);
    if (command.words == "check-config") return app::run_check(o);
    if (command.words == "config export") return app::run_export(o);
    if (o.contains("data") && (o.contains("server") || o.contains("admin")))
        throw usage_error(command.words + ": --data DIR (a stopped server's folder) is not taken with --server or --admin",
                          "usage:\n" + command.usage + stopped_note);
    if (o.contains("data") != o.contains("config") && command.words != "user add")
        throw usage_error(command.words + ": --config FILE and --data DIR go together (a stopped server's file and folder)",
                          "usage:\n" + command.usage + stopped_note);
    if (o.contains("data") && !o.contains("config"))
        throw usage_error(command.words + ": --data DIR needs --config FILE, the centre's file", "usage:\n" + command.usage + stopped_note);
    if (command.words.rfind("service ", 0) == 0 || command.words.rfind("counter ", 0) == 0) return app::run_setup(command.words, o);
    // The words a person may mistype, refused here (exit 2) rather than sent as "no change".
    if (o.contains("role")) {
        bool const device = command.words.rfind("device ", 0) == 0;
        auto const& r = o["role"];
        bool const known = device ? (r == "kiosk" || r == "board" || r == "rating_device") : (r == "clerk" || r == "manager" || r == "admin");
        if (!known)
            throw usage_error(command.words + ": --role is " + (device ? "kiosk, board or rating_device" : "clerk, manager or admin") +
                                  ", not '" + app::printable(r) + "'",
                              "usage:\n" + command.usage);
    }
    if (o.contains("counter")) {
        auto const& v = o["counter"];
        if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) == 0)
            throw usage_error(command.words + ": --counter takes a counter's number, 1 to 9999, not '" + app::printable(v) + "'",
                              "usage:\n" + command.usage);
    }
    if (command.words == "device add" && (o["role"] == "rating_device") != o.contains("counter"))
        throw usage_error(o.contains("counter") ? "device add: only a rating_device stands at a counter (--counter)"
                                                : "device add: a rating_device needs --counter N, the counter it rates",
                          "usage:\n" + command.usage);
    bool const reads_secret = command.words == "user add" || command.words == "user reset";
    if ((command.words.rfind("user ", 0) == 0 || command.words.rfind("device ", 0) == 0) && (!o.contains("config") || o.contains("data"))) {
        std::string secret;
        if (reads_secret) {
            std::getline(std::cin, secret);
            if (secret.size() < 8) throw app::config_error("the secret needs at least 8 characters (read from standard input)");
        }
        return app::run_admin(command.words, o, secret);
    }
    if (command.words == "user add") {
        auto role_name = o["role"];
        // --role was checked above; the name too, before the secret is asked for: the file is a
        // seed its next start applies, and a name the log would refuse is refused now.
        auto kind = role_name == "clerk" ? net::role::clerk : role_name == "manager" ? net::role::manager : net::role::admin;
        if (!core::is_setup_name(o["name"]) || o["name"].starts_with(core::stopped_folder_actor))
            throw usage_error("user add: --name takes 1 to 64 bytes, one line of text, not beginning 'data folder ('", "usage:\n" + command.usage);
        std::string secret;
        std::getline(std::cin, secret);
        if (secret.size() < 8) throw app::config_error("the secret needs at least 8 characters (read from standard input)");
        app::add_user(o["config"], o["name"], kind, secret);
        // Not "done" as the other paths say: the server has not got it yet.
        std::printf("added %s %s to %s: the server's next start or SIGHUP adds it to the log\n", role_name.c_str(),
                    o["name"].c_str(), o["config"].c_str());
        return 0;
    }
    store::backup(o["data-dir"] + "/centre.db", o["to"]);
    std::printf("backed up to %s\n", o["to"].c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return main_checked({argv + 1, argv + argc});
    } catch (help_wanted const& help) {
        std::fputs(help.usage.c_str(), stdout);
        return 0;
    } catch (usage_error const& e) {
        std::fprintf(stderr, "novbe-server: %s\n%s", e.what(), e.usage.c_str());
        return 2;
    } catch (std::exception const& e) {  // config_error, store_error, bind failures: one clear line
        std::fprintf(stderr, "novbe-server: %s\n", e.what());
        return 1;
    }
}
