#include "sub_commands.hpp"

namespace novbe::app {

std::vector<sub_command> const& sub_commands() {
    static std::vector<sub_command> const all{
        {"run", {"config", "listen", "data-dir", "web-root"}, {"config"},
         "  novbe-server run --config FILE [--listen HOST:PORT] [--data-dir DIR] [--web-root DIR]\n"
         "      Serve the centre: HTTP and WebSocket (/ws, subprotocol novbe.v1) on one port.\n"
         "      --listen defaults to 127.0.0.1:8080 (port 0 picks a free port); --data-dir to the\n"
         "      current folder, where centre.db lives. Stops cleanly on SIGTERM or SIGINT.\n"},
        {"check-config", {"config", "data", "server", "admin"}, {"config"},
         "  novbe-server check-config --config FILE [--data DIR]\n"
         "  novbe-server check-config --config FILE --server HOST:PORT [--admin NAME]\n"
         "      Read the configuration and say what is wrong with it, if anything (FILE:LINE:COLUMN).\n"
         "      With --data, a stopped server's folder: what of the file its next start (or a SIGHUP) applies,\n"
         "      and what the log keeps as it has it, a line each. With --server, the running server (as an\n"
         "      admin) says what a SIGHUP would apply live and what needs a restart; nothing is applied.\n"},
        {"config export", {"config", "server", "admin", "data"}, {"config"},
         "  novbe-server config export --config FILE [--server HOST:PORT] [--admin NAME]\n"
         "  novbe-server config export --config FILE --data DIR\n"
         "      The centre's set-up as TOML on standard output: the log's services and counters over the\n"
         "      file's other tables, users and devices as comments (docs/SETUP.md). From the running server\n"
         "      (as an admin), or from a stopped server's data folder.\n"},
        {"user add", {"config", "name", "role", "server", "admin", "data"}, {"name", "role"},
         "  novbe-server user add --config FILE --name NAME --role clerk|manager|admin\n"
         "  novbe-server user add [--server HOST:PORT] [--admin NAME] --name NAME --role clerk|manager|admin\n"
         "      Add a person who signs in; the secret is read from standard input (one line) and\n"
         "      stored only as a hash. With --config alone, to the file (a seed: docs/SETUP.md); with --data\n"
         "      too, to that stopped server's log; else on the running server, signed in as an admin\n"
         "      (--admin or NOVBE_ADMIN, the secret in NOVBE_SECRET).\n"},
        {"user list", {"server", "admin", "config", "data"}, {},
         "  novbe-server user list [--server HOST:PORT] [--admin NAME]\n"
         "      The running server's users: name, role, and whether disabled.\n"},
        {"user disable", {"server", "admin", "name", "config", "data"}, {"name"},
         "  novbe-server user disable [--server HOST:PORT] [--admin NAME] --name NAME\n"
         "      Ends the user's connections and refuses their sign-in until enabled again.\n"},
        {"user enable", {"server", "admin", "name", "config", "data"}, {"name"},
         "  novbe-server user enable [--server HOST:PORT] [--admin NAME] --name NAME\n"},
        {"user reset", {"server", "admin", "name", "config", "data"}, {"name"},
         "  novbe-server user reset [--server HOST:PORT] [--admin NAME] --name NAME\n"
         "      A new secret (from standard input) for the user; their connections end.\n"},
        {"user role", {"server", "admin", "name", "role", "config", "data"}, {"name", "role"},
         "  novbe-server user role [--server HOST:PORT] [--admin NAME] --name NAME --role clerk|manager|admin\n"},
        {"device list", {"server", "admin", "config", "data"}, {},
         "  novbe-server device list [--server HOST:PORT] [--admin NAME]\n"
         "      The running server's devices, revoked ones too; never a token.\n"},
        {"device add", {"server", "admin", "name", "role", "counter", "config", "data"}, {"name", "role"},
         "  novbe-server device add [--server HOST:PORT] [--admin NAME] --name NAME --role kiosk|board|rating_device [--counter N]\n"
         "      A new device; its token is printed once (the server keeps only a hash).\n"},
        {"device revoke", {"server", "admin", "name", "config", "data"}, {"name"},
         "  novbe-server device revoke [--server HOST:PORT] [--admin NAME] --name NAME\n"
         "      For good: its connection is closed and its token refused.\n"},
        {"service list", {"server", "admin", "config", "data"}, {},
         "  novbe-server service list [--server HOST:PORT] [--admin NAME]\n"
         "      The running server's services, retired ones too: id, prefix, names, target/max wait, agency.\n"},
        {"service add",
         {"server", "admin", "id", "prefix", "names", "target-minutes", "max-minutes", "agency", "agency-names", "config", "data"},
         {"id", "prefix", "names"},
         "  novbe-server service add [--server HOST:PORT] [--admin NAME] --id ID --prefix ABC --names 'en=NAME;az=NAME'\n"
         "                           [--target-minutes N] [--max-minutes N] [--agency ID --agency-names 'en=NAME;...']\n"
         "      A new service (docs/SETUP.md): a name in each of the centre's languages; 15 and 45 minutes unless said.\n"},
        {"service change",
         {"server", "admin", "id", "names", "target-minutes", "max-minutes", "agency", "agency-names", "config", "data"},
         {"id"},
         "  novbe-server service change [--server HOST:PORT] [--admin NAME] --id ID [--names ...] [--target-minutes N]\n"
         "                              [--max-minutes N] [--agency ID --agency-names ...]\n"
         "      What is given changes; the rest stays. The id and prefix never change.\n"},
        {"service retire", {"server", "admin", "id", "config", "data"}, {"id"},
         "  novbe-server service retire [--server HOST:PORT] [--admin NAME] --id ID\n"
         "      For good; refused while anyone waits in its line.\n"},
        {"counter list", {"server", "admin", "config", "data"}, {},
         "  novbe-server counter list [--server HOST:PORT] [--admin NAME]\n"
         "      The running server's counters, retired ones too: number, name, services in order, policy.\n"},
        {"counter add", {"server", "admin", "number", "name", "services", "policy", "config", "data"}, {"number", "services"},
         "  novbe-server counter add [--server HOST:PORT] [--admin NAME] --number N --services ID,ID [--name NAME]\n"
         "                           [--policy longest_wait_first|strict_service_order]\n"},
        {"counter change", {"server", "admin", "number", "name", "services", "policy", "config", "data"}, {"number"},
         "  novbe-server counter change [--server HOST:PORT] [--admin NAME] --number N [--name NAME] [--services ID,ID]\n"
         "                              [--policy longest_wait_first|strict_service_order]\n"},
        {"counter retire", {"server", "admin", "number", "config", "data"}, {"number"},
         "  novbe-server counter retire [--server HOST:PORT] [--admin NAME] --number N\n"
         "      For good; refused while it is open or a ticket is at it.\n"},
        {"backup", {"data-dir", "to"}, {"data-dir", "to"},
         "  novbe-server backup --data-dir DIR --to FILE\n"
         "      Copy the live database to FILE while the server runs.\n"},
    };
    return all;
}

}  // namespace novbe::app
