#pragma once
// The on-disk form of engine events and snapshots (stored.proto). Services are written by id
// and read back through the configuration, so a decode fails loudly if one has disappeared.
#include "core/centre.hpp"
#include "core/event.hpp"

#include <memory>
#include <stdexcept>
#include <type_traits>
#include <variant>
#include <string>
#include <string_view>

namespace novbe::store {

namespace v1 {
class StoredEvent;
}

// Bytes that are not a stored event or snapshot, or that do not fit the configuration.
class codec_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string encode_event(core::event const& ev, core::centre_config const& config, core::actor const& by = {});
// What a set-up event (user_set, device_set, service_set, counter_set) changes from the centre as
// it is before it, as bytes to append to the event's (UserSet.change, DeviceSet.was, ...: merged
// by protobuf), for the audit trail; empty for the other kinds.
std::string encode_change(core::event const& ev, core::centre const& before);
core::event decode_event(std::string_view bytes, core::centre_config const& config);  // throws codec_error
core::actor decode_actor(std::string_view bytes);                                     // throws codec_error

// Decodes many events with one reusable message: recovery reads a million of them.
class event_decoder {
public:
    explicit event_decoder(core::centre_config const& config);
    ~event_decoder();
    core::event operator()(std::string_view bytes);  // throws codec_error
    core::actor actor() const;                        // who made the last decoded event happen

private:
    core::centre_config const& config_;
    std::unique_ptr<v1::StoredEvent> message_;
};

std::string encode_snapshot(core::centre_image const& image, core::centre_config const& config);
core::centre_image decode_snapshot(std::string_view bytes, core::centre_config const& config);  // throws codec_error

// The `kind` column: the event's alternative in core::event, e.g. kind_of<core::ticket_issued>.
template <class T, class Variant = core::event>
struct kind_index;
template <class T, class... Ts>
struct kind_index<T, std::variant<Ts...>> {
    static constexpr std::int64_t value = [] {
        std::int64_t i = 0;
        (void)((std::is_same_v<T, Ts> ? false : (++i, true)) && ...);
        return i;
    }();
};
template <class T>
inline constexpr std::int64_t kind_of = kind_index<T>::value;

// When an event happened, whatever its kind.
core::time_point event_time(core::event const& ev);

// Shared by both codecs.
namespace detail {
inline std::int64_t ms(core::time_point t) { return t.time_since_epoch().count(); }
inline core::time_point at_ms(std::int64_t ms) { return core::time_point{core::duration{ms}}; }
core::service_index service_of(std::string const& id, core::centre_config const& config);  // throws codec_error
template <class Enum>
Enum checked_enum(std::uint32_t value, Enum last) {
    if (value > static_cast<std::uint32_t>(last)) throw codec_error("an enumeration value is out of range");
    return static_cast<Enum>(value);
}
}  // namespace detail

}  // namespace novbe::store
