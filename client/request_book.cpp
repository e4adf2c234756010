#include "client/request_book.hpp"

#include "command_table.hpp"

namespace novbe::client {

namespace {

bool transient(v1::ErrorCode c) { return c == v1::ERROR_CODE_UNAVAILABLE || c == v1::ERROR_CODE_INTERNAL; }

std::string fresh_key(std::mt19937_64& rng) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string key;
    for (int half = 0; half < 2; ++half)
        for (auto bits = rng(), i = std::uint64_t{0}; i < 16; ++i, bits >>= 4) key.push_back(hex[bits & 15]);
    return key;
}

}  // namespace

v1::ServerMessage local_error(std::uint64_t request_id, v1::ErrorCode code, std::string message) {
    v1::ServerMessage m;
    m.set_request_id(request_id);
    m.mutable_error()->set_code(code);
    m.mutable_error()->set_message(std::move(message));
    return m;
}

bool fits_in_a_frame(v1::ClientMessage const& m) { return m.ByteSizeLong() <= max_frame_bytes; }

std::uint64_t request_book::add(v1::ClientMessage m, clock::time_point deadline, reply_handler done) {
    auto id = next_id();
    m.set_request_id(id);
    if (commands::is_mutating(m.command_case()) && m.idempotency_key().empty()) m.set_idempotency_key(fresh_key(rng_));
    if (!fits_in_a_frame(m)) {
        done(local_error(id, v1::ERROR_CODE_INVALID_ARGUMENT, too_large));
        return id;
    }
    pending_.emplace(id, pending_request{std::move(m), std::move(done), deadline});
    return id;
}

std::uint64_t request_book::follow(v1::Subscribe s, subscription_handler on_message) {
    auto id = next_id();
    subscriptions_.emplace(id, subscription{std::move(s), std::move(on_message)});
    return id;
}

std::vector<std::string> request_book::due(clock::time_point now) {
    std::vector<std::string> frames;
    for (auto& [id, p] : pending_) {
        if (p.sent || now < p.not_before) continue;
        p.sent = true;
        frames.push_back(p.message.SerializeAsString());
    }
    for (auto& [id, s] : subscriptions_) {
        if (s.sent) continue;
        s.sent = true;
        v1::ClientMessage m;
        m.set_request_id(id);
        *m.mutable_subscribe() = s.subscribe;
        frames.push_back(m.SerializeAsString());
    }
    return frames;
}

bool request_book::receive(v1::ServerMessage const& m, clock::time_point now) {
    if (auto s = subscriptions_.find(m.request_id()); s != subscriptions_.end()) {
        if (m.has_snapshot()) s->second.subscribe.set_after_sequence(m.snapshot().sequence());
        // The range a batch covers, not its last event: a zone may see nothing for a long while.
        if (m.has_events()) s->second.subscribe.set_after_sequence(m.events().last_sequence());
        s->second.on_message(m);
        return true;
    }
    auto p = pending_.find(m.request_id());
    if (p == pending_.end()) return false;
    if (m.has_error() && transient(m.error().code())) {
        p->second.sent = false;
        p->second.not_before = now + retry_pause;
        return true;
    }
    auto done = std::move(p->second.done);
    pending_.erase(p);
    done(m);
    return true;
}

void request_book::link_lost() {
    for (auto& [id, p] : pending_) p.sent = false;
    for (auto& [id, s] : subscriptions_) s.sent = false;
}

void request_book::expire(clock::time_point now, std::string const& why) {
    std::vector<std::pair<std::uint64_t, reply_handler>> late;
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->second.deadline > now) {
            ++it;
            continue;
        }
        late.emplace_back(it->first, std::move(it->second.done));
        it = pending_.erase(it);
    }
    for (auto& [id, done] : late) done(local_error(id, v1::ERROR_CODE_UNAVAILABLE, why));
}

void request_book::fail_all(v1::ErrorCode code, std::string const& why) {
    auto all = std::exchange(pending_, {});
    for (auto& [id, p] : all) p.done(local_error(id, code, why));
}

}  // namespace novbe::client
