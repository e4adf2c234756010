#include "room.hpp"

#include "central/live_session.hpp"

#include <algorithm>
#include <cstdio>

namespace novbe::central {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string json_quoted(std::string const& text) {
    std::string out = "\"";
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

void room::update(centre_figures f) {
    auto id = f.centre_id;
    auto& kept = centres_[id] = std::move(f);
    std::shared_ptr<std::string const> summary, detail;
    std::erase_if(sessions_, [](auto const& w) { return w.expired(); });
    for (auto const& weak : sessions_) {
        auto s = weak.lock();
        if (!s || !s->user() || !s->user()->sees(id)) continue;
        if (!summary) summary = std::make_shared<std::string const>(centre_message(kept));
        s->send(summary);  // one payload shared by every receiver
        if (s->following() == id) {
            if (!detail) detail = std::make_shared<std::string const>(detail_message(kept.detail));
            s->send(detail);
        }
    }
}

void room::database(bool connected) {
    if (connected == connected_) return;
    connected_ = connected;
    auto message = std::make_shared<std::string const>(status_message());
    std::erase_if(sessions_, [](auto const& w) { return w.expired(); });
    for (auto const& weak : sessions_)
        if (auto s = weak.lock(); s && s->user()) s->send(message);
}

std::string room::status_message() const {
    return std::string(R"({"type":"status","database":)") + (connected_ ? "true" : "false") +
           ",\"now_ms\":" + std::to_string(now_ms()) + "}";
}

std::string room::welcome(central_user const& u) const {
    std::string centres;
    for (auto const& [id, f] : centres_)
        if (u.sees(id)) centres += (centres.empty() ? "" : ",") + f.summary;
    std::string allowed;
    for (auto const& id : u.centres) allowed += (allowed.empty() ? "" : ",") + json_quoted(id);
    return R"({"type":"welcome","user":)" + json_quoted(u.name) + R"(,"role":")" +
           (u.role == scope::national ? "national" : "regional") + R"(","allowed":[)" + allowed + R"(],"database":)" +
           (connected_ ? "true" : "false") + ",\"now_ms\":" + std::to_string(now_ms()) +
           ",\"silent_after_ms\":" + std::to_string(settings_.silent_after.count() * 1000) + ",\"centres\":[" +
           centres + "]}";
}

std::string room::centre_message(centre_figures const& f) const {
    return R"({"type":"centre","now_ms":)" + std::to_string(now_ms()) + ",\"summary\":" + f.summary + "}";
}

std::string const* room::detail(std::string const& centre_id) const {
    auto it = centres_.find(centre_id);
    return it == centres_.end() ? nullptr : &it->second.detail;
}

std::string room::detail_message(std::string const& detail) const {
    return R"({"type":"detail","now_ms":)" + std::to_string(now_ms()) + ",\"detail\":" + detail + "}";
}

}  // namespace novbe::central
