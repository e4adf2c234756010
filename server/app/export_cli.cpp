#include "export_cli.hpp"

#include "app/admin_cli.hpp"
#include "app/config_file.hpp"
#include "app/data_dir_lock.hpp"
#include "net/protocol.hpp"
#include "net/setup_handlers.hpp"
#include "store/event_log.hpp"

#include <cstdio>
#include <filesystem>

namespace novbe::app {

namespace {

// The log of a stopped server, recovered as `run` recovers it; the lock refuses a live one.
centre_set_up from_data(std::string const& data_dir, std::string const& config_path) {
    data_dir_lock only_reader(data_dir);
    auto db = (std::filesystem::path(data_dir) / "centre.db").string();
    if (!std::filesystem::exists(db)) throw config_error(db + ": no centre.db in this data folder");
    auto settings = load_config(config_path);
    auto opened = store::event_log::open({.path = db, .retention_days = settings.retention_days, .booking = settings.booking},
                                         settings.centre);
    centre_set_up out;
    out.centre = net::centre_info(settings, opened.centre);
    for (auto const& u : opened.centre.roster().users) *out.users.add_users() = net::user_info(u);
    for (auto const& d : opened.centre.roster().devices) *out.devices.add_devices() = net::device_info(d);
    opened.log->close();
    return out;
}

v1::ClientMessage ask(void (*what)(v1::ClientMessage&)) {
    v1::ClientMessage m;
    what(m);
    return m;
}

}  // namespace

std::optional<centre_set_up> read_set_up(std::map<std::string, std::string> const& o, std::string const& words) {
    if (o.contains("data")) return from_data(o.at("data"), o.at("config"));
    centre_set_up out;
    auto got = ask_admin(words, o,
                         {ask([](v1::ClientMessage& m) { m.mutable_get_centre(); }), ask([](v1::ClientMessage& m) { m.mutable_list_users(); }),
                          ask([](v1::ClientMessage& m) { m.mutable_list_devices(); })},
                         [&](std::vector<v1::Reply> const& r) {
                             out.centre = r[0].centre();
                             out.users = r[1].users();
                             out.devices = r[2].devices();
                         });
    if (got != 0) return std::nullopt;
    return out;
}

int run_export(std::map<std::string, std::string> const& o) {
    (void)load_config(o.at("config"));  // the file's own problems first, FILE:LINE:COLUMN
    auto now = read_set_up(o, "config export");
    if (!now) return 1;
    std::fputs(export_toml(o.at("config"), *now).c_str(), stdout);
    return 0;
}

}  // namespace novbe::app
