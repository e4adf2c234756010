#include "setup_handlers.hpp"

#include "net/auth.hpp"
#include "net/read_sources.hpp"

// Switches over protobuf enums default on purpose (see dispatcher.cpp).
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

namespace {

using M = v1::ClientMessage;
using made = std::variant<action, refusal>;

constexpr std::size_t min_secret = 8;
constexpr std::size_t max_secret = 256;

std::optional<core::staff_role> staff_role_of(v1::Role r) {
    switch (r) {
    case v1::ROLE_CLERK: return core::staff_role::clerk;
    case v1::ROLE_MANAGER: return core::staff_role::manager;
    case v1::ROLE_ADMIN: return core::staff_role::admin;
    default: return std::nullopt;
    }
}

std::optional<core::device_kind> device_kind_of(v1::Role r) {
    switch (r) {
    case v1::ROLE_KIOSK: return core::device_kind::kiosk;
    case v1::ROLE_BOARD: return core::device_kind::board;
    case v1::ROLE_RATING_DEVICE: return core::device_kind::rating_pad;
    default: return std::nullopt;
    }
}

std::optional<refusal> bad_secret(std::string const& secret) {
    if (secret.size() < min_secret || secret.size() > max_secret)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A secret has 8 to 256 bytes."};
    return std::nullopt;
}

void users_reply(core::centre const& c, v1::Reply& r) {
    auto& list = *r.mutable_users();
    for (auto const& u : c.roster().users) *list.add_users() = user_info(u);
}

void devices_reply(core::centre const& c, v1::Reply& r) {
    auto& list = *r.mutable_devices();
    for (auto const& d : c.roster().devices) *list.add_devices() = device_info(d);
}

}  // namespace

role role_of(core::staff_role r) {
    switch (r) {
    case core::staff_role::clerk: return role::clerk;
    case core::staff_role::manager: return role::manager;
    case core::staff_role::admin: return role::admin;
    }
    return role::clerk;
}

role role_of(core::device_kind k) {
    switch (k) {
    case core::device_kind::kiosk: return role::kiosk;
    case core::device_kind::board: return role::board;
    case core::device_kind::rating_pad: return role::rating_device;
    }
    return role::kiosk;
}

v1::UserInfo user_info(core::staff_user const& u) {
    v1::UserInfo m;
    m.set_name(u.name);
    m.set_role(wire_role(role_of(u.role)));
    m.set_disabled(u.disabled);
    return m;
}

v1::DeviceInfo device_info(core::device_entry const& d) {
    v1::DeviceInfo m;
    m.set_name(d.name);
    m.set_role(wire_role(role_of(d.kind)));
    m.set_counter(d.stands_at);
    m.set_revoked(d.revoked);
    return m;
}

made setup_add_user(command_context const& x, M const& m) {
    auto const& in = m.add_user();
    auto r = staff_role_of(in.role());
    if (!r) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A user's role is clerk, manager or admin."};
    if (auto no = bad_secret(in.secret())) return *no;
    if (!core::is_setup_name(in.name()))  // before the slow hash
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A name has 1 to 64 bytes and no control characters."};
    if (x.state.roster().find_user(in.name())) return refusal{v1::ERROR_CODE_DUPLICATE_NAME, "There is a user " + in.name() + " already."};
    return action{core::add_user{in.name(), *r, hash_secret(in.secret()), x.who.user}, users_reply};
}

made setup_change_user(command_context const& x, M const& m) {
    auto const& in = m.change_user();
    core::change_user cmd{.name = in.name(), .by = x.who.user};
    if (in.role() != v1::ROLE_UNSPECIFIED) {
        cmd.role = staff_role_of(in.role());
        if (!cmd.role) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A user's role is clerk, manager or admin."};
    }
    if (in.disable() && in.enable()) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "Disable or enable, not both."};
    if (in.disable() || in.enable()) cmd.disabled = in.disable();
    if (!x.state.roster().find_user(in.name())) return refusal{v1::ERROR_CODE_UNKNOWN_USER, "There is no user " + in.name().substr(0, 64) + "."};
    if (!in.new_secret().empty()) {
        if (auto no = bad_secret(in.new_secret())) return *no;
        cmd.secret_hash = hash_secret(in.new_secret());
    }
    return action{std::move(cmd), users_reply};
}

made setup_add_device(command_context const& x, M const& m) {
    auto const& in = m.add_device();
    auto kind = device_kind_of(in.role());
    if (!kind) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A device's role is kiosk, board or rating device."};
    // A counter given to a kiosk or board is refused, never dropped: the admin meant something.
    if (*kind != core::device_kind::rating_pad && in.counter() != 0)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "Only a rating device stands at a counter; a kiosk or board takes no counter."};
    auto token = new_device_token();
    return action{core::add_device{in.name(), *kind, device_token_hash(token), in.counter(), x.who.user},
                  [token](core::centre const& c, v1::Reply& r) {
                      *r.mutable_device_added()->mutable_device() = device_info(c.roster().devices.back());
                      r.mutable_device_added()->set_token(token);
                  }};
}

made setup_change_device(command_context const& x, M const& m) {
    auto const& in = m.change_device();
    core::change_device cmd{.name = in.name(), .revoke = in.revoke(), .by = x.who.user};
    if (!in.new_name().empty()) cmd.rename = in.new_name();
    return action{std::move(cmd), devices_reply};
}

void setup_list_users(command_context const& x, M const&, v1::ServerMessage& out) { users_reply(x.state, *out.mutable_reply()); }
void setup_list_devices(command_context const& x, M const&, v1::ServerMessage& out) { devices_reply(x.state, *out.mutable_reply()); }

void setup_check_config(command_context const& x, M const& m, v1::ServerMessage& out) {
    auto const& toml = m.check_config().toml();
    if (toml.empty())
        out = error_reply(out.request_id(), v1::ERROR_CODE_INVALID_ARGUMENT, "CheckConfig needs the file's text (toml).");
    else if (toml.size() > max_config_bytes)
        out = error_reply(out.request_id(), v1::ERROR_CODE_INVALID_ARGUMENT,
                          "A configuration file has at most " + std::to_string(max_config_bytes / 1024) + " KiB; this one has " +
                              std::to_string(toml.size() / 1024) + " KiB.");
    else if (!x.sources || !x.sources->check_config)
        out = error_reply(out.request_id(), v1::ERROR_CODE_UNAVAILABLE, "This server cannot check a configuration file.");
    else *out.mutable_reply()->mutable_config_check() = x.sources->check_config(toml);
}

}  // namespace novbe::net
