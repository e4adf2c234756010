#include "hub.hpp"

#include <algorithm>
#include <tuple>

namespace novbe::net {

void hub::record(std::shared_ptr<publication const> p) {
    if (p->events.empty()) return;
    recent_events_ += p->events.size();
    recent_.push_back(std::move(p));
    while (recent_events_ > keep_ && recent_.size() > 1) {
        recent_events_ -= recent_.front()->events.size();
        recent_.pop_front();
    }
}

std::optional<std::vector<std::shared_ptr<publication const>>> hub::since(std::uint64_t after, std::uint64_t up_to) const {
    std::vector<std::shared_ptr<publication const>> out;
    if (after >= up_to) return out;
    if (recent_.empty() || recent_.front()->first_sequence > after + 1) return std::nullopt;
    for (auto const& p : recent_) {
        auto last = p->first_sequence + p->events.size() - 1;
        if (last > after && p->first_sequence <= up_to) out.push_back(p);
    }
    return out;
}

std::optional<std::string> hub::body(subscriber const& s,
                                     std::vector<std::shared_ptr<publication const>> const& batch, bool even_if_empty) {
    v1::EventBatch out;
    std::map<std::string, v1::QueueLine> lines;  // the newest line per service
    bool board = s.view != v1::VIEW_DASHBOARD;  // boards and phones: nothing personal
    for (auto const& p : batch) {
        for (auto const* e : p->events) {
            if (e->sequence() <= s.after) continue;
            if (!s.zone.shows(*e)) continue;
            if (!board) {
                *out.add_events() = *e;
                continue;
            }
            if (auto copy = board_copy(*e)) *out.add_events() = std::move(*copy);
        }
        if (p->first_sequence + p->events.size() - 1 <= s.after) continue;  // its snapshot has newer lines
        for (auto const* l : p->lines)
            if (s.zone.shows(*l)) lines[l->service_id()] = *l;
    }
    if (out.events_size() == 0 && lines.empty() && !even_if_empty) return std::nullopt;
    for (auto& [id, line] : lines) *out.add_lines() = std::move(line);
    // The log range covered, filtered events included, so that ranges join up (docs/PROTOCOL.md).
    out.set_first_sequence(s.told + 1);
    out.set_last_sequence(batch.empty() ? s.after : batch.back()->first_sequence + batch.back()->events.size() - 1);
    return out.SerializeAsString();
}

namespace {

void varint(std::string& out, std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>(v | 0x80));
    out.push_back(static_cast<char>(v));
}

}  // namespace

std::shared_ptr<std::string const> hub::envelope(std::uint64_t request_id, std::string const& body) {
    std::string out;
    out.reserve(body.size() + 16);
    // The field numbers come from the generated code, so a renumbered schema cannot leave these
    // behind; the wire types are protobuf's: 0 varint, 2 length-delimited.
    out.push_back(static_cast<char>(v1::ServerMessage::kRequestIdFieldNumber << 3 | 0));
    varint(out, request_id);
    out.push_back(static_cast<char>(v1::ServerMessage::kEventsFieldNumber << 3 | 2));
    varint(out, body.size());
    out += body;
    return std::make_shared<std::string const>(std::move(out));
}

void hub::enqueue(std::vector<std::shared_ptr<publication const>> const& batch) {
    if (subscribers_.empty() && !round_) return;
    queued_.insert(queued_.end(), batch.begin(), batch.end());
}

bool hub::fan_out(std::size_t slice) {
    if (!round_) {
        if (queued_.empty()) return false;
        round_.emplace();
        round_->batch = std::exchange(queued_, {});
        auto const& tail = *round_->batch.back();
        round_->last = tail.first_sequence + tail.events.size() - 1;
        round_->to.reserve(subscribers_.size());
        for (auto const& [session, s] : subscribers_) round_->to.push_back(s);
    }
    auto& r = *round_;
    for (auto end = std::min(r.to.size(), r.next + slice); r.next < end; ++r.next) send_round(*r.to[r.next]);
    if (r.next < r.to.size()) return true;
    round_.reset();
    return !queued_.empty();
}

void hub::send_round(subscriber& s) {
    auto& r = *round_;
    // Not yet live: its snapshot or catch-up covers this. Gone: unsubscribed since the round began.
    if (s.gone || !s.live || s.after >= r.last) return;
    auto [it, fresh] = r.alike.try_emplace({s.group, s.after, s.told});
    if (fresh) it->second.body = body(s, r.batch);
    s.after = r.last;
    if (!it->second.body) return;
    s.told = r.last;  // the next range starts after this one, however much of the log it skips
    auto& frame = it->second.frames[s.id];
    if (!frame) frame = envelope(s.id, *it->second.body);
    s.send(frame);
}

void hub::publish(std::vector<std::shared_ptr<publication const>> const& batch) {
    enqueue(batch);
    while (fan_out(subscribers_.size() + 1)) {
    }
}

void hub::add(void const* session, std::shared_ptr<subscriber> s) {
    remove(session, s->id);
    s->group = std::to_string(s->view) + "|";
    for (auto const& id : s->zone.services) s->group += id + ",";
    s->group += "|";
    for (auto n : s->zone.counters) s->group += std::to_string(n) + ",";
    s->told = s->after;  // its snapshot or catch-up covers the log up to there
    subscribers_.emplace(session, std::move(s));
}

void hub::remove(void const* session, std::uint64_t id) {
    auto [from, to] = subscribers_.equal_range(session);
    for (auto it = from; it != to;) {
        if (it->second->id != id) {
            ++it;
            continue;
        }
        it->second->gone = true;
        it = subscribers_.erase(it);
    }
}

bool hub::has(void const* session, std::uint64_t id) const {
    auto [from, to] = subscribers_.equal_range(session);
    return std::any_of(from, to, [id](auto const& entry) { return entry.second->id == id; });
}

void hub::remove_all(void const* session) {
    auto [from, to] = subscribers_.equal_range(session);
    for (auto it = from; it != to; ++it) it->second->gone = true;
    subscribers_.erase(from, to);
}

}  // namespace novbe::net
