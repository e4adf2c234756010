#include "roster_seed.hpp"

#include "net/auth.hpp"

#include <algorithm>

namespace novbe::app {

namespace {

std::string const by = "config";

core::staff_role staff_of(net::role r) {
    return r == net::role::admin ? core::staff_role::admin : r == net::role::manager ? core::staff_role::manager : core::staff_role::clerk;
}

core::device_kind kind_of(net::role r) {
    return r == net::role::board ? core::device_kind::board : r == net::role::rating_device ? core::device_kind::rating_pad
                                                                                          : core::device_kind::kiosk;
}

std::string word(core::staff_role r) {
    return r == core::staff_role::admin ? "admin" : r == core::staff_role::manager ? "manager" : "clerk";
}

// [booking] and each service's booking keys as the running server books by them. The calendar is
// not among them: SIGHUP applies its edits (calendar_seed.hpp). A service is found by id (a file
// exported after one was added at runtime lists it; the running settings do not, and it takes
// no bookings), and one that takes no bookings has no other keys worth comparing.
bool same_booking(net::settings const& running, net::settings const& file) {
    if (running.booking.has_value() != file.booking.has_value()) return false;
    if (!running.booking) return true;
    auto a = *running.booking;
    auto b = *file.booking;
    a.calendar = b.calendar = {};
    a.services.clear();
    b.services.clear();
    if (a != b) return false;
    auto rules = [](net::settings const& s, std::string const& id) {
        auto at = s.centre.find_service(id);
        auto r = at && *at < s.booking->services.size() ? s.booking->services[*at] : core::booking_service_rules{.bookable = false};
        return r.bookable ? r : core::booking_service_rules{.bookable = false};
    };
    return std::all_of(file.centre.services.begin(), file.centre.services.end(),
                       [&](auto const& s) { return rules(running, s.id) == rules(file, s.id); });
}

}  // namespace

seed_plan plan_seed(net::settings const& file, core::roster const& log) {
    seed_plan plan;
    for (auto const& u : file.users) {
        auto const* known = log.find_user(u.name);
        if (!known) {
            plan.commands.push_back(core::add_user{u.name, staff_of(u.kind), u.secret_hash, by});
            if (u.disabled) plan.commands.push_back(core::change_user{.name = u.name, .disabled = true, .by = by});
            continue;
        }
        if (u.disabled && !known->disabled) plan.commands.push_back(core::change_user{.name = u.name, .disabled = true, .by = by});
        if (staff_of(u.kind) != known->role)
            plan.kept.push_back("user " + u.name + ": the log's role " + word(known->role) + ", not the file's " +
                                word(staff_of(u.kind)) + "; the log wins");
        if (u.secret_hash != known->secret_hash)
            plan.kept.push_back("user " + u.name + ": the log's secret, not the file's; the log wins");
        if (!u.disabled && known->disabled)
            plan.kept.push_back("user " + u.name + ": disabled in the log; the file cannot enable them again");
    }
    for (auto const& d : file.devices) {
        auto const hash = net::device_token_hash(d.token);
        std::optional<std::size_t> known;
        for (std::size_t i = 0; i < log.devices.size(); ++i)
            if (log.devices[i].token_hash == hash) known = i;
        if (!known) {
            if (d.revoked) continue;  // revoked before it was ever known: nothing to seed
            plan.commands.push_back(core::add_device{d.name, kind_of(d.kind), hash, d.counter, by});
            continue;
        }
        auto const& entry = log.devices[*known];
        if (entry.revoked) continue;  // for good, whatever the file says
        if (d.revoked) {
            plan.commands.push_back(core::change_device{.name = entry.name, .revoke = true, .by = by});
            continue;
        }
        if (entry.name != d.name || entry.stands_at != d.counter || entry.kind != kind_of(d.kind))
            plan.kept.push_back("device " + d.name + ": the log has it as " + entry.name + "; the log wins");
    }
    return plan;
}

std::vector<std::string> needs_restart(net::settings const& running, net::settings const& file) {
    std::vector<std::string> out;
    auto const& a = running.centre;
    auto const& b = file.centre;
    // Services and counters are the log's now: new ones are added, the rest is plan_set_up's lines.
    if (a.rules != b.rules) out.push_back("[rules] or the centre's hours");
    if (running.profile.id != file.profile.id || running.profile.name != file.profile.name ||
        running.profile.languages != file.profile.languages || running.profile.public_url != file.profile.public_url ||
        running.public_boards != file.public_boards)
        out.push_back("[centre]");
    auto const& x = running.limit;
    auto const& y = file.limit;
    if (x.max_frame_bytes != y.max_frame_bytes || x.max_queued_bytes != y.max_queued_bytes || x.hello_timeout != y.hello_timeout ||
        x.idle_timeout != y.idle_timeout || x.max_subscriptions != y.max_subscriptions || x.allowed_origins != y.allowed_origins ||
        x.max_unauthenticated_per_address != y.max_unauthenticated_per_address || x.trusted_proxies != y.trusted_proxies ||
        x.public_names != y.public_names || x.metrics_token != y.metrics_token)
        out.push_back("[server]");
    if (running.retention_days != file.retention_days) out.push_back("[store]");
    if (running.central.has_value() != file.central.has_value() ||
        (running.central && (running.central->connection != file.central->connection ||
                             running.central->centre_id != file.central->centre_id)))
        out.push_back("[central]");
    if (!same_booking(running, file)) out.push_back("[booking] or a service's booking keys");
    if (running.portals != file.portals) out.push_back("[[portal]]");
    return out;
}

}  // namespace novbe::app
