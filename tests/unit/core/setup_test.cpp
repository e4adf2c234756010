// Users and devices at runtime (docs/SETUP.md): each change one event with who made it, kept
// across days and in the image; the refusals an admin can meet.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class setup : public centre_test {
protected:
    // "anna:clerk leyla:admin- " (- disabled) and "kiosk-1:kiosk pad:pad@1 old:kiosk!" (! revoked).
    std::string users() const {
        std::string out;
        for (auto const& u : c.roster().users)
            out += (out.empty() ? "" : " ") + u.name + ":" + role_word(u.role) + (u.disabled ? "-" : "");
        return out;
    }
    std::string devices() const {
        std::string out;
        for (auto const& d : c.roster().devices)
            out += (out.empty() ? "" : " ") + d.name + ":" +
                   (d.kind == device_kind::kiosk ? "kiosk" : d.kind == device_kind::board ? "board" : "pad@" + std::to_string(d.stands_at)) +
                   (d.revoked ? "!" : "");
        return out;
    }
    static std::string role_word(staff_role r) {
        return r == staff_role::clerk ? "clerk" : r == staff_role::manager ? "manager" : "admin";
    }
    void seed() {
        ASSERT_EQ("ok", run(add_user{"root", staff_role::admin, "$argon2id$root", "config"}));
        ASSERT_EQ("ok", run(add_user{"anna", staff_role::clerk, "$argon2id$anna", "root"}));
    }
};

TEST_F(setup, users_are_added_disabled_enabled_and_changed_with_who_did_it) {
    seed();
    EXPECT_EQ("root:admin anna:clerk", users());
    EXPECT_EQ("ok", run(change_user{.name = "anna", .disabled = true, .by = "root"}));
    EXPECT_EQ("root:admin anna:clerk-", users());
    auto const& set = std::get<user_set>(log.back());
    EXPECT_EQ("root", set.by);
    EXPECT_EQ("ok", run(change_user{.name = "anna", .role = staff_role::manager, .disabled = false, .by = "root"}));
    EXPECT_EQ("root:admin anna:manager", users());
    EXPECT_EQ("ok", run(change_user{.name = "anna", .secret_hash = "$argon2id$new", .by = "root"}));
    EXPECT_EQ("$argon2id$new", c.roster().find_user("anna")->secret_hash);
    auto events = log.size();
    EXPECT_EQ("ok", run(change_user{.name = "anna", .disabled = false, .by = "root"}));
    EXPECT_EQ(events, log.size()) << "a change that changes nothing logs nothing";
}

TEST_F(setup, the_last_admin_cannot_be_disabled_or_demoted) {
    seed();
    EXPECT_EQ("last_admin", run(change_user{.name = "root", .disabled = true, .by = "root"}));
    EXPECT_EQ("last_admin", run(change_user{.name = "root", .role = staff_role::manager, .by = "root"}));
    EXPECT_EQ("ok", run(add_user{"second", staff_role::admin, "$argon2id$2", "root"}));
    EXPECT_EQ("ok", run(change_user{.name = "root", .disabled = true, .by = "second"}));
    EXPECT_EQ("last_admin", run(change_user{.name = "second", .role = staff_role::clerk, .by = "second"}));
    EXPECT_EQ("root:admin- anna:clerk second:admin", users());
}

TEST_F(setup, names_are_unique_and_bounded) {
    seed();
    EXPECT_EQ("duplicate_name", run(add_user{"anna", staff_role::manager, "$argon2id$x", "root"}));
    EXPECT_EQ("invalid_argument", run(add_user{"", staff_role::clerk, "$argon2id$x", "root"}));
    EXPECT_EQ("invalid_argument", run(add_user{std::string(max_setup_name + 1, 'a'), staff_role::clerk, "$argon2id$x", "root"}));
    EXPECT_EQ("invalid_argument", run(add_user{"data folder (root)", staff_role::admin, "$argon2id$x", "root"}))
        << "nobody passes for a change made on a stopped server's folder";
    EXPECT_EQ("invalid_argument: A user's name has 1 to 64 bytes, one line of text.",
              said(add_user{"two\nlines", staff_role::clerk, "$argon2id$x", "root"}));
    EXPECT_EQ("invalid_argument", run(add_user{"nohash", staff_role::clerk, "", "root"}));
    EXPECT_EQ("invalid_argument", run(add_user{"nobody", staff_role::clerk, "$argon2id$x", ""}));
    EXPECT_EQ("ok", run(add_user{std::string(max_setup_name, 'a'), staff_role::clerk, "$argon2id$x", "root"}));
    EXPECT_EQ("unknown_user", run(change_user{.name = "ghost", .disabled = true, .by = "root"}));
}

TEST_F(setup, devices_are_added_renamed_and_revoked_for_good) {
    EXPECT_EQ("ok", run(add_device{"kiosk-1", device_kind::kiosk, "h1", 0, "root"}));
    EXPECT_EQ("ok", run(add_device{"pad", device_kind::rating_pad, "h2", 1, "root"}));
    EXPECT_EQ("unknown_counter: There is no counter 9 in this centre for the rating device.",
              said(add_device{"pad-9", device_kind::rating_pad, "h3", 9, "root"}));
    EXPECT_EQ("unknown_counter: A rating device needs the counter it stands at.",
              said(add_device{"pad-0", device_kind::rating_pad, "h3", 0, "root"}));
    EXPECT_EQ("invalid_argument", run(add_device{"kiosk-9", device_kind::kiosk, "h3", 1, "root"})) << "never dropped";
    EXPECT_EQ("duplicate_name", run(add_device{"kiosk-1", device_kind::board, "h3", 0, "root"}));
    EXPECT_EQ("duplicate_token", run(add_device{"kiosk-2", device_kind::kiosk, "h1", 0, "root"}));
    EXPECT_EQ("invalid_argument: A device's name has 1 to 64 bytes, one line of text.",
              said(add_device{std::string(65, 'k'), device_kind::kiosk, "h9", 0, "root"}));
    EXPECT_EQ("ok", run(change_device{.name = "kiosk-1", .rename = "entrance", .by = "root"}));
    EXPECT_EQ("ok", run(change_device{.name = "entrance", .revoke = true, .by = "root"}));
    EXPECT_EQ("unknown_device", run(change_device{.name = "entrance", .revoke = true, .by = "root"}));
    EXPECT_EQ("ok", run(add_device{"entrance", device_kind::kiosk, "h4", 0, "root"})) << "a revoked device's name is free again";
    EXPECT_EQ("entrance:kiosk! pad:pad@1 entrance:kiosk", devices());
    EXPECT_EQ(2u, std::get<device_set>(log.back()).index);
}

TEST_F(setup, outlives_the_day_and_is_kept_in_the_image) {
    seed();
    EXPECT_EQ("ok", run(add_device{"pad", device_kind::rating_pad, "h2", 1, "root"}));
    EXPECT_EQ("ok", run(change_user{.name = "anna", .disabled = true, .by = "root"}));
    now += std::chrono::hours(24);
    issue("passport");  // the next day's first command rolls the day over
    EXPECT_EQ("root:admin anna:clerk-", users());
    auto rebuilt = centre::from_image(c.config(), c.image());
    ASSERT_TRUE(rebuilt);
    EXPECT_EQ(c.roster(), rebuilt->roster());
}

TEST_F(setup, replaying_the_log_gives_the_same_roster) {
    seed();
    EXPECT_EQ("ok", run(add_device{"k", device_kind::kiosk, "h1", 0, "root"}));
    EXPECT_EQ("ok", run(change_device{.name = "k", .revoke = true, .by = "root"}));
    centre replayed(c.config());
    for (auto const& ev : log) {
        ASSERT_TRUE(replayed.can_apply(ev));
        replayed.apply(ev);
    }
    EXPECT_EQ(c.roster(), replayed.roster());
}

}  // namespace
}  // namespace novbe::core::testing
