#include "setup_cli.hpp"

#include "app/admin_cli.hpp"
#include "core/config.hpp"
#include "core/roster.hpp"

#include <charconv>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <vector>

namespace novbe::app {

// A value as it may be shown back on a terminal: control bytes as \xNN.
std::string printable(std::string const& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x20 && c != 0x7f) {
            out.push_back(static_cast<char>(c));
            continue;
        }
        char hex[5];
        std::snprintf(hex, sizeof hex, "\\x%02x", c);
        out += hex;
    }
    return out;
}

namespace {

// A wrong option: said in one line, exit code 2, nothing sent.
struct bad_option : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// 1 to `most` bytes, no control characters (docs/SETUP.md#services-and-counters-at-runtime).
std::string text(std::map<std::string, std::string> const& o, std::string const& key, std::size_t most) {
    auto const& v = o.at(key);
    if (v.empty() || v.size() > most || !core::is_plain_text(v))
        throw bad_option("--" + key + " takes 1 to " + std::to_string(most) + " bytes without control characters");
    return v;
}

std::int64_t whole(std::map<std::string, std::string> const& o, std::string const& key, std::int64_t least, std::int64_t most) {
    auto const& v = o.at(key);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < least || n > most)
        throw bad_option("--" + key + " takes a whole number from " + std::to_string(least) + " to " + std::to_string(most) +
                         ", not '" + printable(v) + "'");
    return n;
}

std::vector<std::string> split(std::string const& v, char sep) {
    std::vector<std::string> out;
    for (std::size_t from = 0;;) {
        auto at = v.find(sep, from);
        out.push_back(v.substr(from, at - from));
        if (at == std::string::npos) return out;
        from = at + 1;
    }
}

// "en=Passport;az=Pasport": a name per language, 1 to 16 languages, each name 1 to 128 bytes.
google::protobuf::Map<std::string, std::string> names(std::map<std::string, std::string> const& o, std::string const& key) {
    google::protobuf::Map<std::string, std::string> out;
    auto parts = split(o.at(key), ';');
    if (parts.size() > 16) throw bad_option("--" + key + " takes at most 16 languages");
    for (auto const& part : parts) {
        auto eq = part.find('=');
        auto lang = part.substr(0, eq);
        auto name = eq == std::string::npos ? std::string() : part.substr(eq + 1);
        if (!core::is_plain_text(part))  // said, not echoed: a BEL or an escape sequence would reach the terminal
            throw bad_option("--" + key + ": the name in '" + printable(lang) + "' holds a control character (a name is one line of text)");
        if (lang.empty() || lang.size() > 16 || name.empty() || name.size() > 128)
            throw bad_option("--" + key + " takes LANG=NAME;LANG=NAME (a language of 1 to 16 bytes, a name of 1 to 128), not '" +
                             (part.size() > 160 ? part.substr(0, 160) + "…" : part) + "'");
        if (!out.emplace(lang, name).second) throw bad_option("--" + key + ": " + lang + " twice");
    }
    return out;
}

void service_fields(std::map<std::string, std::string> const& o, v1::ServiceInfo& s) {
    if (o.contains("names")) *s.mutable_names() = names(o, "names");
    constexpr std::int64_t day = 24 * 60;
    if (o.contains("target-minutes")) s.set_target_wait_s(whole(o, "target-minutes", 1, day) * 60);
    if (o.contains("max-minutes")) s.set_max_wait_s(whole(o, "max-minutes", 1, day) * 60);
    if (s.target_wait_s() && s.max_wait_s() && s.target_wait_s() > s.max_wait_s())
        throw bad_option("--target-minutes is at most --max-minutes");
    if (o.contains("agency")) s.set_agency(text(o, "agency", 64));
    if (o.contains("agency-names")) *s.mutable_agency_names() = names(o, "agency-names");
    if (s.agency_names_size() && s.agency().empty()) throw bad_option("--agency-names needs --agency");
}

v1::RoutingPolicy policy(std::string const& v) {
    if (v == "longest_wait_first") return v1::ROUTING_POLICY_LONGEST_WAIT_FIRST;
    if (v == "strict_service_order") return v1::ROUTING_POLICY_STRICT_SERVICE_ORDER;
    throw bad_option("--policy is longest_wait_first or strict_service_order, not '" + v + "'");
}

void counter_fields(std::map<std::string, std::string> const& o, v1::CounterInfo& c) {
    c.set_number(static_cast<std::uint32_t>(whole(o, "number", 1, 9999)));
    if (o.contains("name")) c.set_name(text(o, "name", 128));
    if (o.contains("services")) {
        std::set<std::string> seen;
        auto ids = split(o.at("services"), ',');
        // The engine's cap, said before anything is sent (docs/SETUP.md#services-and-counters-at-runtime).
        if (ids.size() > core::max_counter_services)
            throw bad_option("--services takes at most " + std::to_string(core::max_counter_services) + " services (a counter serves at most that many)");
        for (auto const& id : ids) {
            if (id.empty() || id.size() > 64 || !core::is_plain_text(id)) throw bad_option("--services takes ID,ID,... (each 1 to 64 bytes)");
            if (!seen.insert(id).second) throw bad_option("--services: " + id + " twice");
            c.add_service_ids(id);
        }
    }
    if (o.contains("policy")) c.set_policy(policy(o.at("policy")));
}

v1::ClientMessage message_for(std::string const& words, std::map<std::string, std::string> const& o) {
    v1::ClientMessage m;
    if (words == "service list" || words == "counter list") m.mutable_get_centre();
    else if (words == "service add") {
        auto& s = *m.mutable_add_service()->mutable_service();
        s.set_id(text(o, "id", 64));
        auto const& prefix = o.at("prefix");
        if (prefix.empty() || prefix.size() > 3 || prefix.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
            throw bad_option("--prefix takes 1 to 3 capital letters, not '" + prefix + "'");
        s.set_prefix(prefix);
        if (o.contains("target-minutes") != o.contains("max-minutes"))
            throw bad_option("--target-minutes and --max-minutes go together (neither: 15 and 45)");
        service_fields(o, s);
    } else if (words == "service change") {
        v1::ServiceInfo s;
        service_fields(o, s);
        auto& c = *m.mutable_change_service();
        c.set_id(text(o, "id", 64));
        *c.mutable_names() = s.names();
        c.set_target_wait_s(s.target_wait_s());
        c.set_max_wait_s(s.max_wait_s());
        c.set_agency(s.agency());
        *c.mutable_agency_names() = s.agency_names();
    } else if (words == "service retire") m.mutable_retire_service()->set_id(text(o, "id", 64));
    else if (words == "counter add") counter_fields(o, *m.mutable_add_counter()->mutable_counter());
    else if (words == "counter change") {
        v1::CounterInfo c;
        counter_fields(o, c);
        auto& change = *m.mutable_change_counter();
        change.set_number(c.number());
        change.set_name(c.name());
        *change.mutable_service_ids() = c.service_ids();
        change.set_policy(c.policy());
    } else m.mutable_retire_counter()->set_number(static_cast<std::uint32_t>(whole(o, "number", 1, 9999)));
    return m;
}

std::string joined(google::protobuf::Map<std::string, std::string> const& names) {
    std::map<std::string, std::string> sorted(names.begin(), names.end());  // the same order every time
    std::string out;
    for (auto const& [lang, name] : sorted) out += (out.empty() ? "" : ";") + lang + "=" + name;
    return out;
}

std::string word(v1::RoutingPolicy p) {
    return p == v1::ROUTING_POLICY_STRICT_SERVICE_ORDER ? "strict_service_order" : "longest_wait_first";
}

// One line each, tab-separated, so that scripts can cut them.
void print(std::string const& words, v1::CentreInfo const& centre) {
    if (words == "service list")
        for (auto const& s : centre.services())
            std::printf("%s\t%s\t%s\t%lld/%lld min\t%s%s\n", s.id().c_str(), s.prefix().c_str(), joined(s.names()).c_str(),
                        static_cast<long long>(s.target_wait_s() / 60), static_cast<long long>(s.max_wait_s() / 60),
                        s.agency().c_str(), s.retired() ? "\tretired" : "");
    else
        for (auto const& c : centre.counters()) {
            std::string ids;
            for (auto const& id : c.service_ids()) ids += (ids.empty() ? "" : ",") + id;
            std::printf("%u\t%s\t%s\t%s%s\n", c.number(), c.name().c_str(), ids.c_str(), word(c.policy()).c_str(),
                        c.retired() ? "\tretired" : "");
        }
}

}  // namespace

int run_setup(std::string const& words, std::map<std::string, std::string> const& o) {
    v1::ClientMessage m;
    try {
        m = message_for(words, o);
    } catch (bad_option const& e) {
        std::fprintf(stderr, "novbe-server: %s: %s\n", words.c_str(), e.what());
        return 2;
    }
    return ask_admin(words, o, m, [&](v1::Reply const& reply) {
        if (words.ends_with(" list")) return print(words, reply.centre());
        std::printf("done: %s %s\n", words.c_str(), o.contains("id") ? o.at("id").c_str() : o.at("number").c_str());
    });
}

}  // namespace novbe::app
