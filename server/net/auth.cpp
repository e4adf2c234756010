#include "auth.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace novbe::net {

namespace {

void ensure_sodium() {
    static bool const ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot initialise");
}

}  // namespace

std::string_view name(role r) {
    switch (r) {
    case role::kiosk: return "kiosk";
    case role::clerk: return "clerk";
    case role::board: return "board";
    case role::manager: return "manager";
    case role::admin: return "admin";
    case role::ticket_holder: return "ticket_holder";
    case role::rating_device: return "rating_device";
    }
    return "?";
}

std::string device_token_hash(std::string_view token) {
    ensure_sodium();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<unsigned char const*>(token.data()), token.size(), nullptr, 0);
    static char const digits[] = "0123456789abcdef";
    std::string hex;
    for (auto b : out) {
        hex.push_back(digits[b >> 4]);
        hex.push_back(digits[b & 15]);
    }
    return hex;
}

std::optional<std::size_t> find_device(core::roster const& r, std::string_view token) {
    if (token.empty()) return std::nullopt;
    auto const hash = device_token_hash(token);
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < r.devices.size(); ++i) {  // every device is compared, so timing tells nothing
        auto const& d = r.devices[i];
        if (d.token_hash.size() == hash.size() && sodium_memcmp(d.token_hash.data(), hash.data(), hash.size()) == 0 &&
            !d.revoked)
            found = i;
    }
    return found;
}

std::string new_device_token() { return to_hex(random_token()); }

// Drawn 256 at a time: a getrandom call per token was a measurable share of the event loop
// (bench/README.md, novbe_server_bench). The bytes are as unpredictable; some wait in memory longer.
core::ticket_token random_token() {
    ensure_sodium();
    thread_local std::array<core::ticket_token, 256> pool;
    thread_local std::size_t left = 0;
    for (;;) {
        if (left == 0) {
            randombytes_buf(pool.data(), sizeof pool);
            left = pool.size();
        }
        auto const t = pool[--left];
        if (!t.empty()) return t;
    }
}

namespace {

std::uint32_t stamp(std::string const& key, std::uint64_t hi, std::uint32_t lo_high, core::day_number day) {
    unsigned char in[16];
    for (int i = 0; i < 8; ++i) in[i] = static_cast<unsigned char>(hi >> (8 * i));
    for (int i = 0; i < 4; ++i) in[8 + i] = static_cast<unsigned char>(lo_high >> (8 * i));
    for (int i = 0; i < 4; ++i) in[12 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(day) >> (8 * i));
    unsigned char out[4];
    crypto_generichash(out, sizeof out, in, sizeof in, reinterpret_cast<unsigned char const*>(key.data()), key.size());
    return std::uint32_t{out[0]} | std::uint32_t{out[1]} << 8 | std::uint32_t{out[2]} << 16 | std::uint32_t{out[3]} << 24;
}

}  // namespace

core::ticket_token day_stamped_token(std::string const& key, core::day_number day) {
    for (;;) {
        auto t = random_token();
        if (key.empty()) return t;
        auto lo_high = static_cast<std::uint32_t>(t.lo >> 32);
        t.lo = std::uint64_t{lo_high} << 32 | stamp(key, t.hi, lo_high, day);
        if (!t.empty()) return t;
    }
}

std::optional<core::day_number> stamped_day(std::string const& key, core::ticket_token const& token, core::day_number today,
                                            int days) {
    if (key.empty()) return std::nullopt;
    auto lo_high = static_cast<std::uint32_t>(token.lo >> 32);
    for (int back = 1; back <= days; ++back)
        if (stamp(key, token.hi, lo_high, today - back) == static_cast<std::uint32_t>(token.lo)) return today - back;
    return std::nullopt;
}

std::string random_key() {
    ensure_sodium();
    std::string key(crypto_generichash_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
    return key;
}

// By hand, as from_hex below: snprintf's format parsing showed in the event loop's profile
// (every issue's reply carries the token; bench/README.md, novbe_server_bench).
std::string to_hex(core::ticket_token const& token) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text(32, '0');
    for (std::size_t i = 0; i < 16; ++i) {
        text[15 - i] = digits[(token.hi >> (4 * i)) & 0xf];
        text[31 - i] = digits[(token.lo >> (4 * i)) & 0xf];
    }
    return text;
}

std::optional<core::ticket_token> from_hex(std::string_view text) {
    if (text.size() != 32) return std::nullopt;
    core::ticket_token t;
    for (std::size_t i = 0; i < 32; ++i) {
        char c = text[i];
        // Either case: a token typed from a printed ticket, or upper-cased by a QR reader.
        int v = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (v < 0) return std::nullopt;
        auto& half = i < 16 ? t.hi : t.lo;
        half = half << 4 | static_cast<std::uint64_t>(v);
    }
    return t;
}

}  // namespace novbe::net
