#pragma once
// The dispatch target's input, shared with the corpus generator so that seeds parse as the
// fuzzer reads them: one byte choosing the role, then records of
// [control byte][length, 2 bytes little-endian][a serialized ClientMessage].
// The control byte's bit 0 makes the log durable after the message; bits 1..7 advance the
// clock by that many minutes first (the day may close under the fuzzer's feet).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace novbe::fuzz {

struct record {
    bool durable_after = false;
    int advance_minutes = 0;
    std::string_view bytes;
};

// Reads records off the front of `in`; nothing once the input is used up or cut short.
inline std::optional<record> next_record(std::span<std::uint8_t const>& in) {
    if (in.size() < 3) return std::nullopt;
    std::size_t const length = in[1] | (std::size_t{in[2]} << 8);
    record r{.durable_after = (in[0] & 1) != 0, .advance_minutes = in[0] >> 1, .bytes = {}};
    in = in.subspan(3);
    auto const take = length < in.size() ? length : in.size();
    r.bytes = {reinterpret_cast<char const*>(in.data()), take};
    in = in.subspan(take);
    return r;
}

inline std::string encode_record(std::string const& message, bool durable_after, int advance_minutes = 0) {
    std::string out;
    out += static_cast<char>((advance_minutes << 1) | (durable_after ? 1 : 0));
    out += static_cast<char>(message.size() & 0xff);
    out += static_cast<char>((message.size() >> 8) & 0xff);
    return out + message;
}

}  // namespace novbe::fuzz
