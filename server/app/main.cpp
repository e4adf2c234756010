// novbe-server: one process per centre. Sub-commands: run, check-config, user add, backup.
#include "app/config_file.hpp"
#include "app/server.hpp"
#include "store/backup.hpp"
#include "store/schema.hpp"

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr char const* usage = R"(usage:
  novbe-server run --config FILE [--listen HOST:PORT] [--data-dir DIR] [--web-root DIR]
      Serve the centre: HTTP and WebSocket (/ws, subprotocol novbe.v1) on one port.
      --listen defaults to 127.0.0.1:8080 (port 0 picks a free port); --data-dir to the
      current folder, where centre.db lives. Stops cleanly on SIGTERM or SIGINT.
  novbe-server check-config --config FILE
      Read the configuration and say what is wrong with it, if anything.
  novbe-server user add --config FILE --name NAME --role clerk|manager|admin
      Add a person who signs in; the secret is read from standard input (one line) and
      stored only as a hash.
  novbe-server backup --data-dir DIR --to FILE
      Copy the live database to FILE while the server runs.
  novbe-server --help
)";

// "--name value" pairs after the sub-command words.
std::map<std::string, std::string> options(std::vector<std::string> const& args, std::size_t from) {
    std::map<std::string, std::string> out;
    for (auto i = from; i < args.size(); i += 2) {
        if (args[i].rfind("--", 0) != 0 || i + 1 >= args.size())
            throw novbe::app::config_error("expected --option value, got '" + args[i] + "'");
        out[args[i].substr(2)] = args[i + 1];
    }
    return out;
}

std::string required(std::map<std::string, std::string> const& o, std::string const& key) {
    auto it = o.find(key);
    if (it == o.end()) throw novbe::app::config_error("--" + key + " is required (see --help)");
    return it->second;
}

int main_checked(std::vector<std::string> const& args) {
    using namespace novbe;
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(usage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "run") {
        auto o = options(args, 1);
        app::server_options s{.config_path = required(o, "config")};
        if (o.contains("listen")) s.listen = o["listen"];
        if (o.contains("data-dir")) s.data_dir = o["data-dir"];
        if (o.contains("web-root")) s.web_root = o["web-root"];
        return app::run_server(s);
    }
    if (args[0] == "check-config") {
        auto path = required(options(args, 1), "config");
        auto s = app::load_config(path);
        std::printf("%s: good: %zu services, %zu counters, %zu devices, %zu users\n", path.c_str(),
                    s.centre.services.size(), s.centre.counters.size(), s.devices.size(), s.users.size());
        return 0;
    }
    if (args[0] == "user" && args.size() > 1 && args[1] == "add") {
        auto o = options(args, 2);
        auto role_name = required(o, "role");
        auto kind = role_name == "clerk" ? net::role::clerk : role_name == "manager" ? net::role::manager
                  : role_name == "admin" ? net::role::admin : throw app::config_error("--role is clerk, manager or admin");
        std::string secret;
        std::getline(std::cin, secret);
        if (secret.size() < 8) throw app::config_error("the secret needs at least 8 characters (read from standard input)");
        app::add_user(required(o, "config"), required(o, "name"), kind, secret);
        std::printf("added %s %s\n", role_name.c_str(), o["name"].c_str());
        return 0;
    }
    if (args[0] == "backup") {
        auto o = options(args, 1);
        store::backup(required(o, "data-dir") + "/centre.db", required(o, "to"));
        std::printf("backed up to %s\n", o["to"].c_str());
        return 0;
    }
    std::fprintf(stderr, "novbe-server: unknown command '%s'\n%s", args[0].c_str(), usage);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return main_checked({argv + 1, argv + argc});
    } catch (std::exception const& e) {  // config_error, store_error, bind failures: one clear line
        std::fprintf(stderr, "novbe-server: %s\n", e.what());
        return 1;
    }
}
