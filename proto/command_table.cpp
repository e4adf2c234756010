#include "command_table.hpp"

namespace novbe::commands {

namespace {

std::string_view effect_name(effect e) {
    switch (e) {
    case effect::greeting: return "greeting";
    case effect::read: return "read";
    case effect::mutating: return "mutating";
    case effect::subscription: return "subscription";
    }
    return "read";
}

std::string_view own_name(own_rule o) {
    switch (o) {
    case own_rule::none: return "none";
    case own_rule::own_ticket: return "own_ticket";
    case own_rule::own_counter: return "own_counter";
    }
    return "none";
}

// "issue_ticket" -> "issueTicket", as protobufjs names the oneof's members.
std::string camel(std::string_view snake) {
    std::string out;
    bool upper = false;
    for (char c : snake) {
        if (c == '_') upper = true;
        else {
            out.push_back(upper ? static_cast<char>(c - 'a' + 'A') : c);
            upper = false;
        }
    }
    return out;
}

}  // namespace

row const* find(command_case c) {
    for (auto const& r : table)
        if (r.command == c) return &r;
    return nullptr;
}

std::string table_json() {
    std::string out = "[";
    for (auto const& r : table) {
        if (out.size() > 1) out += ",";
        out += "\n{\"command\":\"" + camel(r.name) + "\",\"effect\":\"" + std::string(effect_name(r.kind)) + "\",\"roles\":[";
        bool first = true;
        for (int role = v1::Role_MIN; role <= v1::Role_MAX; ++role) {
            if (!v1::Role_IsValid(role) || !r.roles.has(static_cast<v1::Role>(role))) continue;
            if (!first) out += ",";
            out += "\"" + v1::Role_Name(static_cast<v1::Role>(role)) + "\"";
            first = false;
        }
        out += "],\"own\":\"" + std::string(own_name(r.own)) + "\"}";
    }
    return out + "\n]\n";
}

}  // namespace novbe::commands
