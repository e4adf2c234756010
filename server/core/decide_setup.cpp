#include "decide_setup.hpp"

namespace novbe::core {

namespace {

outcome one(event ev) {
    std::vector<event> events;
    events.push_back(std::move(ev));
    return events;
}

bool is_hash(std::string const& h) { return !h.empty() && h.size() <= max_secret_hash; }

outcome bad_role() { return {errc::invalid_argument, "A user's role is clerk, manager or admin."}; }
outcome bad_device_name() { return {errc::invalid_argument, "A device's name has 1 to 64 bytes, one line of text."}; }

}  // namespace

outcome decide_setup(centre const& c, add_user const& cmd, time_point now) {
    if (cmd.by.empty() || !is_hash(cmd.secret_hash)) return errc::invalid_argument;  // the server's own doing
    if (!is_setup_name(cmd.name)) return {errc::invalid_argument, "A user's name has 1 to 64 bytes, one line of text."};
    // The audit trail's name for a change made on a stopped server's folder: nobody may pass for it.
    if (cmd.name.starts_with(stopped_folder_actor))
        return {errc::invalid_argument, "A user's name may not begin with '" + std::string(stopped_folder_actor) +
                                            "': the audit trail keeps it for changes made on a stopped server's folder."};
    if (cmd.role > staff_role::admin) return bad_role();
    if (c.roster().find_user(cmd.name)) return errc::duplicate_name;
    if (c.roster().users.size() >= max_roster)
        return {errc::invalid_argument, "The centre keeps at most " + std::to_string(max_roster) + " users, disabled ones included."};
    return one(user_set{{cmd.name, cmd.role, cmd.secret_hash, false}, cmd.by, now});
}

// The last enabled admin stays one: a centre nobody can administer is one a file edit must rescue.
outcome decide_setup(centre const& c, change_user const& cmd, time_point now) {
    if (cmd.by.empty() || (cmd.secret_hash && !is_hash(*cmd.secret_hash))) return errc::invalid_argument;
    if (cmd.role && *cmd.role > staff_role::admin) return bad_role();
    auto const* found = c.roster().find_user(cmd.name);
    if (!found) return errc::unknown_user;
    auto user = *found;
    if (cmd.role) user.role = *cmd.role;
    if (cmd.secret_hash) user.secret_hash = *cmd.secret_hash;
    if (cmd.disabled) user.disabled = *cmd.disabled;
    bool was_admin = found->role == staff_role::admin && !found->disabled;
    bool is_admin = user.role == staff_role::admin && !user.disabled;
    if (was_admin && !is_admin && c.roster().enabled_admins() == 1) return errc::last_admin;
    if (user == *found) return std::vector<event>{};  // nothing changes: nothing to log
    return one(user_set{std::move(user), cmd.by, now});
}

outcome decide_setup(centre const& c, add_device const& cmd, time_point now) {
    if (cmd.by.empty() || !is_hash(cmd.token_hash)) return errc::invalid_argument;
    if (!is_setup_name(cmd.name)) return bad_device_name();
    if (cmd.kind > device_kind::rating_pad) return {errc::invalid_argument, "A device is a kiosk, a board or a rating pad."};
    if (cmd.kind != device_kind::rating_pad && cmd.stands_at != 0) return errc::invalid_argument;  // net refuses it in words
    if (cmd.kind == device_kind::rating_pad && cmd.stands_at == 0)
        return {errc::unknown_counter, "A rating device needs the counter it stands at."};
    if (cmd.kind == device_kind::rating_pad && !c.find_counter(cmd.stands_at))
        return {errc::unknown_counter, "There is no counter " + std::to_string(cmd.stands_at) + " in this centre for the rating device."};
    if (cmd.kind == device_kind::rating_pad && c.config().find_counter(cmd.stands_at)->retired)
        return {errc::counter_retired, "Counter " + std::to_string(cmd.stands_at) + " is retired: it serves nobody to rate."};
    if (c.roster().find_device(cmd.name)) return errc::duplicate_name;
    auto const& devices = c.roster().devices;
    if (devices.size() >= max_roster)
        return {errc::invalid_argument, "The centre keeps at most " + std::to_string(max_roster) + " devices, revoked ones included."};
    for (auto const& d : devices)
        if (d.token_hash == cmd.token_hash) return errc::duplicate_token;  // a token signs in one device
    return one(device_set{devices.size(), {cmd.name, cmd.kind, cmd.token_hash, cmd.stands_at, false}, cmd.by, now});
}

outcome decide_setup(centre const& c, change_device const& cmd, time_point now) {
    if (cmd.by.empty()) return errc::invalid_argument;
    if (cmd.rename && !is_setup_name(*cmd.rename)) return bad_device_name();
    auto index = c.roster().find_device(cmd.name);
    if (!index) return errc::unknown_device;
    auto device = c.roster().devices[*index];
    if (cmd.rename && *cmd.rename != device.name) {
        if (c.roster().find_device(*cmd.rename)) return errc::duplicate_name;
        device.name = *cmd.rename;
    }
    if (cmd.revoke) device.revoked = true;
    if (device == c.roster().devices[*index]) return std::vector<event>{};
    return one(device_set{*index, std::move(device), cmd.by, now});
}

}  // namespace novbe::core
