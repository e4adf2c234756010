#pragma once
// What subscribers are told: each command's events in wire form with their log sequence, and
// the queue lines they changed, taken from the state right after the command (so that nothing
// later, and nothing not yet durable, leaks into them). Boards get a stripped copy.
#include "core/centre.hpp"
#include "net/protocol.hpp"

#include <google/protobuf/arena.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace novbe::net {

// One is built per command and kept for subscribers that resume, so its messages live on one
// arena that starts inside it: built with a few allocations and freed in one, by then long cold
// in the cache (freeing each message on its own showed in the event loop: bench/README.md).
struct publication {
    publication() = default;
    publication(publication const&) = delete;
    publication& operator=(publication const&) = delete;
    ~publication() {
        if (on_arena) return;
        for (auto const* e : events) delete e;
        for (auto const* l : lines) delete l;
    }

    std::uint64_t first_sequence = 0;         // of events[0]
    std::vector<v1::Event const*> events;     // full detail, as dashboards see them
    std::vector<v1::QueueLine const*> lines;  // the lines these events changed, after them

    alignas(8) char first_block[512];  // an issue's event and line fit; more spills to the heap
    google::protobuf::Arena arena{first_block, sizeof first_block};

    // Debian's libprotobuf 3.21 crashes under gcc's ThreadSanitizer on any map field held by an
    // arena (a bare map<string, string> message shows it, without our code), so a TSan build
    // keeps the messages on the heap; every other build uses the arena.
#if defined(__SANITIZE_THREAD__)
    static constexpr bool on_arena = false;
#else
    static constexpr bool on_arena = true;
#endif
    google::protobuf::Arena* messages_arena() { return on_arena ? &arena : nullptr; }
};

// `by` sent the command: each event carries its actor (core::actor_of), for dashboards only.
std::shared_ptr<publication const> publish(core::centre const& c, std::vector<core::event> const& events,
                                           std::uint64_t first_sequence, core::time_point now,
                                           core::actor const& by = {});

// What a public view (a board, a phone's line) may see of an event, copied field by field from
// an allow-list: a field or an event added later stays private until it is added here. Nothing
// when a board must not see the event at all.
std::optional<v1::Event> board_copy(v1::Event const& e);
// A counter as boards see it: its number, name, services and whether it is open; not who sits
// there, why it paused or whom it serves.
v1::CounterView board_counter(v1::CounterView const& in);

// The centre as the public devices show it (kiosks, boards, phones, rating pads: their Welcome,
// GetCentre and a board view's snapshot), copied from an allow-list: what their menus, rows and
// headers show (names, prefixes, agencies, which counter serves what, hours, the public
// address), not targets, policies, the rules' numbers or the staff's reasons.
v1::CentreInfo public_centre(v1::CentreInfo const& in);
// Whether a role sees the centre as public_centre gives it.
bool sees_public_centre(role r);

// Whether a zone (services, counters; empty: all) shows an event or a line. Both lists are
// sorted and without repeats (`tidy`), so a look-up costs log n whatever a client sent.
struct zone_filter {
    void tidy();
    std::vector<std::string> services;
    std::vector<std::uint32_t> counters;
    bool shows(v1::Event const& e) const;
    bool shows(v1::QueueLine const& l) const;
    bool shows_service(std::string const& id) const;
    bool shows_counter(std::uint32_t n) const;
};

// A service's line as boards show it (waiting, longest and estimated wait, open counters).
void fill_queue_line(v1::QueueLine& line, core::centre const& c, core::service_index s, core::time_point now);

}  // namespace novbe::net
