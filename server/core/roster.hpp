#pragma once
// Who may sign in and which devices may connect: the centre's set-up that changes at runtime
// (docs/SETUP.md). Part of the engine's state, so it is in the log, replayed and kept in
// snapshots like tickets. Secrets and tokens arrive here already hashed (the network layer
// hashes them); nothing here reads or makes one.
#include "config.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::core {

enum class staff_role : std::uint8_t { clerk, manager, admin };
enum class device_kind : std::uint8_t { kiosk, board, rating_pad };

struct staff_user {
    std::string name;
    staff_role role = staff_role::clerk;
    std::string secret_hash;  // crypto_pwhash string
    bool disabled = false;
    bool operator==(staff_user const&) const = default;
};

// A device keeps its place (its index) for good: a revoked one stays, with its history.
struct device_entry {
    std::string name;
    device_kind kind = device_kind::kiosk;
    std::string token_hash;          // never the token
    counter_number stands_at = 0;    // rating pads: their counter
    bool revoked = false;
    bool operator==(device_entry const&) const = default;
};

inline constexpr std::size_t max_setup_name = 64;     // bytes
inline constexpr std::size_t max_secret_hash = 256;   // a crypto_pwhash string is ~100
inline constexpr std::size_t max_roster = 10'000;     // users, and devices, each
// Who the audit trail says changed a stopped server's folder ("data folder (root)"): no user's name.
inline constexpr std::string_view stopped_folder_actor = "data folder (";

struct roster {
    std::vector<staff_user> users;      // in the order they were added
    std::vector<device_entry> devices;  // by index, in the order they were added

    staff_user const* find_user(std::string_view name) const;
    // The device of that name that is not revoked, if any.
    std::optional<std::size_t> find_device(std::string_view name) const;
    std::size_t enabled_admins() const;
    bool operator==(roster const&) const = default;
};

// No control characters: names and the hall message reach boards, the file export and the
// kiosk's ticket printer, where ESC and GS bytes are commands (a reset, a paper cut).
bool is_plain_text(std::string_view text);
// A name for a person or device: 1 to max_setup_name bytes, plain text.
bool is_setup_name(std::string_view name);

}  // namespace novbe::core
