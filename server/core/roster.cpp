#include "roster.hpp"

#include <algorithm>

namespace novbe::core {

staff_user const* roster::find_user(std::string_view name) const {
    auto it = std::find_if(users.begin(), users.end(), [&](auto const& u) { return u.name == name; });
    return it == users.end() ? nullptr : &*it;
}

std::optional<std::size_t> roster::find_device(std::string_view name) const {
    for (std::size_t i = 0; i < devices.size(); ++i)
        if (!devices[i].revoked && devices[i].name == name) return i;
    return std::nullopt;
}

std::size_t roster::enabled_admins() const {
    return static_cast<std::size_t>(
        std::count_if(users.begin(), users.end(), [](auto const& u) { return u.role == staff_role::admin && !u.disabled; }));
}

bool is_plain_text(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
}

bool is_setup_name(std::string_view name) { return !name.empty() && name.size() <= max_setup_name && is_plain_text(name); }

}  // namespace novbe::core
