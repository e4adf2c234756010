#include "export_cli.hpp"

#include "app/admin_cli.hpp"
#include "app/config_file.hpp"
#include "app/data_dir_lock.hpp"
#include "app/setup_seed.hpp"
#include "app/stopped_admin.hpp"
#include "net/hub.hpp"
#include "net/protocol.hpp"
#include "net/setup_handlers.hpp"
#include "net/service_handlers.hpp"
#include "store/event_log.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace novbe::app {

namespace {

centre_set_up from_data(std::string const& data_dir, std::string const& config_path) {
    auto settings = load_config(config_path);
    centre_set_up out;
    with_stopped_centre(data_dir, settings, [&](core::centre const& c) {
        out.centre = net::centre_info(settings, c);
        for (auto const& u : c.roster().users) *out.users.add_users() = net::user_info(u);
        for (auto const& d : c.roster().devices) *out.devices.add_devices() = net::device_info(d);
    });
    return out;
}

void section(char const* title, google::protobuf::RepeatedPtrField<std::string> const& lines, char const* none) {
    std::printf("%s\n", title);
    if (lines.empty() && none) std::printf("  %s\n", none);
    for (auto const& line : lines) std::printf("  %s\n", line.c_str());
}

// `check-config --server`: the running server judges the file's text (CheckConfig) by its own
// settings and calendar, as its next SIGHUP would; the file was read above, so it is good here.
int check_with_server(std::string const& path, std::map<std::string, std::string> const& o) {
    std::ifstream in(path, std::ios::binary);
    v1::ClientMessage m;
    m.mutable_check_config()->set_toml(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    return ask_admin("check-config", o, m, [&](v1::Reply const& r) {
        auto const& c = r.config_check();
        if (!c.problems().empty()) return section("the server cannot read it:", c.problems(), nullptr);
        std::printf("against the running server at %s (a SIGHUP now would do so):\n", o.at("server").c_str());
        section("live on SIGHUP:", c.live(), "nothing");
        section("needs a restart:", c.restart(), "nothing");
        if (!c.refused().empty()) section("refused on SIGHUP:", c.refused(), nullptr);
        if (!c.kept().empty()) section("kept as the log has it:", c.kept(), nullptr);
    });
}

v1::ClientMessage ask(void (*what)(v1::ClientMessage&)) {
    v1::ClientMessage m;
    what(m);
    return m;
}

}  // namespace

// The log of a stopped server, recovered as `run` recovers it; the lock refuses a live one.
void with_stopped_centre(std::string const& data_dir, net::settings const& settings, std::function<void(core::centre const&)> const& use) {
    auto db = stopped_centre_db(data_dir, "");
    data_dir_lock only_reader(data_dir);
    // Nothing is written (no seeding): a log no start of this server has seeded is replayed over
    // the file's services and counters, as its next start does before seeding it
    // (docs/SETUP.md#one-source-of-truth). Another centre's file is refused, as its start would.
    auto opened = open_stopped_log(db, settings, {.id = settings.profile.id, .languages = settings.profile.languages,
                                                  .only_check = true});
    if (!opened.languages_before.empty())
        std::fprintf(stderr, "the file changes the centre's languages from %s to %s (a start applies that)\n",
                     net::listed(opened.languages_before).c_str(), net::listed(settings.profile.languages).c_str());
    use(opened.centre);
    opened.log->close();
}

int run_check(std::map<std::string, std::string> const& o) {
    auto const& path = o.at("config");  // main refused --data with --server already
    auto file = load_config(path);
    std::printf("%s: good: %zu services, %zu counters, %zu devices, %zu users\n", path.c_str(), file.centre.services.size(),
                file.centre.counters.size(), file.devices.size(), file.users.size());
    if (o.contains("server")) return check_with_server(path, o);
    if (!o.contains("data")) return 0;
    seed_plan plan;
    with_stopped_centre(o.at("data"), file, [&](core::centre const& c) { plan = plan_file(file, c); });
    std::printf("against %s's log (its next start, or a SIGHUP, applies the file so):\n", o.at("data").c_str());
    for (auto const& cmd : plan.commands) std::printf("  to apply: %s\n", action(cmd).c_str());
    for (auto const& line : plan.kept) std::printf("  kept: %s\n", line.c_str());
    std::printf("%zu to apply, %zu kept as the log has them\n", plan.commands.size(), plan.kept.size());
    return 0;
}

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
