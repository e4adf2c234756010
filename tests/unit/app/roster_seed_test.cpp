// The file against the log (docs/SETUP.md#when-the-file-and-the-log-disagree): the file adds what
// the log lacks, may disable and revoke, and loses every other difference, said in a line.
#include "app/roster_seed.hpp"
#include "net/auth.hpp"

#include <gtest/gtest.h>

namespace novbe::app {
namespace {

net::settings file() {
    net::settings s;
    s.users.push_back({.name = "anna", .kind = net::role::clerk, .secret_hash = "$argon2id$a"});
    s.users.push_back({.name = "leyla", .kind = net::role::manager, .secret_hash = "$argon2id$l"});
    s.devices.push_back({.name = "entrance", .kind = net::role::kiosk, .token = "kiosk-token-0001"});
    return s;
}

template <class T>
std::size_t count(seed_plan const& p) {
    return static_cast<std::size_t>(std::count_if(p.commands.begin(), p.commands.end(), [](auto const& c) { return std::holds_alternative<T>(c); }));
}

TEST(roster_seed, a_new_centre_is_seeded_from_the_file) {
    auto plan = plan_seed(file(), {});
    EXPECT_EQ(2u, count<core::add_user>(plan));
    ASSERT_EQ(1u, count<core::add_device>(plan));
    auto const& d = std::get<core::add_device>(plan.commands.back());
    EXPECT_EQ(net::device_token_hash("kiosk-token-0001"), d.token_hash) << "the log gets the hash, never the token";
    EXPECT_EQ("config", d.by);
    EXPECT_TRUE(plan.kept.empty());
}

TEST(roster_seed, the_log_wins_what_it_holds_and_the_file_may_only_disable_and_revoke) {
    core::roster log;
    log.users.push_back({"anna", core::staff_role::manager, "$argon2id$other", false});
    log.users.push_back({"leyla", core::staff_role::manager, "$argon2id$l", true});
    log.devices.push_back({"hall kiosk", core::device_kind::kiosk, net::device_token_hash("kiosk-token-0001"), 0, false});
    auto plan = plan_seed(file(), log);
    EXPECT_TRUE(plan.commands.empty()) << "nothing to add; leyla stays disabled";
    ASSERT_EQ(4u, plan.kept.size());
    EXPECT_EQ("user anna: the log's role manager, not the file's clerk; the log wins", plan.kept[0]);
    EXPECT_EQ("user anna: the log's secret, not the file's; the log wins", plan.kept[1]);
    EXPECT_EQ("user leyla: disabled in the log; the file cannot enable them again", plan.kept[2]);
    EXPECT_EQ("device entrance: the log has it as hall kiosk; the log wins", plan.kept[3]);

    auto changed = file();
    changed.users[0].disabled = true;
    changed.devices[0].revoked = true;
    plan = plan_seed(changed, log);
    ASSERT_EQ(2u, plan.commands.size());
    EXPECT_EQ(true, std::get<core::change_user>(plan.commands[0]).disabled);
    EXPECT_TRUE(std::get<core::change_device>(plan.commands[1]).revoke);
    EXPECT_EQ("hall kiosk", std::get<core::change_device>(plan.commands[1]).name) << "by its name in the log";
}

TEST(roster_seed, a_reload_names_what_only_a_restart_applies) {
    auto a = file();
    auto b = file();
    EXPECT_TRUE(needs_restart(a, b).empty());
    b.centre.services.push_back({.id = "visa", .prefix = "V"});
    b.limit.max_subscriptions = 9;
    // A new service is the set-up's (plan_set_up adds it, docs/SETUP.md): no restart.
    EXPECT_EQ((std::vector<std::string>{"[server]"}), needs_restart(a, b));
}

// check-config --server on the server's own export (docs/SETUP.md#config-export): a service added
// at runtime is in the file, `bookable = false`, and the running settings have no rules for it.
TEST(roster_seed, a_service_added_at_runtime_and_exported_unbookable_needs_no_restart) {
    auto a = file();
    a.centre.services.push_back({.id = "passport", .prefix = "A"});
    a.booking = core::booking_config{.services = {core::booking_service_rules{}}};
    auto b = a;
    b.centre.services.push_back({.id = "visa", .prefix = "V"});
    b.booking->services.push_back({.bookable = false, .max_overbook_percent = 10});
    EXPECT_TRUE(needs_restart(a, b).empty()) << "the new service takes no bookings either way";
    b.booking->services.back().bookable = true;
    EXPECT_EQ((std::vector<std::string>{"[booking] or a service's booking keys"}), needs_restart(a, b)) << "booking it is a restart's";
    b.booking->services.back().bookable = false;
    b.booking->services.front().slot_length = std::chrono::minutes(20);
    EXPECT_EQ(1u, needs_restart(a, b).size()) << "a bookable service's slot length is a restart's";
}

}  // namespace
}  // namespace novbe::app
