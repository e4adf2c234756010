#pragma once
// Fans durable events out to subscribers (boards, dashboards). No sockets in here: a
// subscriber is a sender. Each published batch is serialized once per view and zone; each
// subscriber's frame is that body behind its own request id (a few bytes of envelope). Keeps
// the recent publications so that a reconnecting board gets what it missed.
// Sending to thousands of subscribers takes milliseconds of the event loop, so it goes in
// rounds of slices (fan_out): the caller runs a slice per turn of the loop, and replies and
// new requests are served between slices. Batches made durable during a round wait and go out
// together in the next, so a subscriber gets fewer, larger frames when the hall is busy, never
// a queue that grows (docs/PROTOCOL.md#sequences-and-views).
// Not thread-safe: the core's executor calls everything.
#include "net/publication.hpp"

#include <deque>
#include <functional>
#include <optional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace novbe::net {

class hub {
public:
    using frame_sender = std::function<void(std::shared_ptr<std::string const>)>;
    struct subscriber {
        std::uint64_t id = 0;               // the Subscribe's request id, echoed in every message
        v1::View view = v1::VIEW_BOARD;
        zone_filter zone;
        std::uint64_t after = 0;            // the last sequence it has (snapshot or resume point)
        bool live = false;                  // set once its snapshot or catch-up is on its way
        std::uint64_t told = 0;             // the end of the last range it was sent: the next starts after (set by add)
        frame_sender send;
        std::string group;                  // view and zone as text: subscribers alike share frames (set by add)
        bool gone = false;                  // removed, perhaps while a round still holds it
    };

    explicit hub(std::size_t keep = 20'000) : keep_(keep) {}

    // Recorded as applied (not yet durable): the source of catch-ups. Sequences must follow on.
    void record(std::shared_ptr<publication const> p);
    // Durable now: queued for every live subscriber, one frame per view and zone; fan_out sends.
    void enqueue(std::vector<std::shared_ptr<publication const>> const& batch);
    // Sends the round in progress (starting one from what is queued) to at most `slice`
    // subscribers; true while some are still to be sent to.
    bool fan_out(std::size_t slice);
    // Both at once, the whole round: for callers with no loop to share.
    void publish(std::vector<std::shared_ptr<publication const>> const& batch);

    // Registers a subscriber; `session` identifies its connection for remove_all. One with the
    // same request id on that connection is replaced.
    void add(void const* session, std::shared_ptr<subscriber> s);
    std::size_t count(void const* session) const { return subscribers_.count(session); }
    bool has(void const* session, std::uint64_t id) const;
    void remove(void const* session, std::uint64_t id);
    void remove_all(void const* session);
    std::size_t size() const { return subscribers_.size(); }
    std::size_t keep() const { return keep_; }               // events kept for catch-ups
    std::size_t recorded() const { return recent_events_; }  // events kept now

    // The recorded events in (after, up_to], or nothing if some of them are no longer kept.
    std::optional<std::vector<std::shared_ptr<publication const>>> since(std::uint64_t after, std::uint64_t up_to) const;

    // The serialized EventBatch for a subscriber's view and zone, covering the log from after
    // `s.told` to the batch's end (`s.after` if empty); nothing if none of it is shown, unless
    // `even_if_empty` (a resume answers with its range whatever it holds).
    static std::optional<std::string> body(subscriber const& s,
                                           std::vector<std::shared_ptr<publication const>> const& batch,
                                           bool even_if_empty = false);
    // A ServerMessage { request_id, events = body } around an already serialized EventBatch.
    static std::shared_ptr<std::string const> envelope(std::uint64_t request_id, std::string const& body);

private:
    // Subscribers alike (view and zone, and what they have seen) share one serialization; those
    // that also share a request id (boards mostly do) share the very frame.
    struct shared_body {
        std::optional<std::string> body;
        std::map<std::uint64_t, std::shared_ptr<std::string const>> frames;  // by request id
    };
    // No default member initializers: clang 14 cannot default-construct a nested struct with
    // them in std::optional::emplace; value-initialization zeroes the numbers.
    struct round {
        std::vector<std::shared_ptr<publication const>> batch;
        std::uint64_t last;  // the batch's last sequence
        std::vector<std::shared_ptr<subscriber>> to;  // everyone subscribed when it started
        std::size_t next;
        std::map<std::tuple<std::string_view, std::uint64_t, std::uint64_t>, shared_body> alike;
    };
    void send_round(subscriber& s);

    std::size_t keep_;
    std::vector<std::shared_ptr<publication const>> queued_;  // durable, for the next round
    std::optional<round> round_;
    std::deque<std::shared_ptr<publication const>> recent_;
    std::size_t recent_events_ = 0;
    std::multimap<void const*, std::shared_ptr<subscriber>> subscribers_;
};

}  // namespace novbe::net
