#include "edge.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace novbe::net {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool digits(std::string_view s) {
    return !s.empty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Calls `each` with every comma-separated, trimmed, non-empty item of every value of `name`.
template <class Each>
void list_items(boost::beast::http::fields const& headers, std::string_view name, Each each) {
    auto [from, to] = headers.equal_range(name);
    for (auto it = from; it != to; ++it) {
        std::string_view value = it->value();
        while (!value.empty()) {
            auto comma = value.find(',');
            auto item = trim(value.substr(0, comma));
            if (!item.empty()) each(item);
            value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
        }
    }
}

// Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::17]:4711" (RFC 7239): the for= value.
std::string_view forwarded_for(std::string_view element) {
    while (!element.empty()) {
        auto semicolon = element.find(';');
        auto pair = trim(element.substr(0, semicolon));
        if (pair.size() > 4 && (pair[0] == 'f' || pair[0] == 'F') && (pair[1] == 'o' || pair[1] == 'O') &&
            (pair[2] == 'r' || pair[2] == 'R') && pair[3] == '=') {
            auto value = trim(pair.substr(4));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
            return value;
        }
        element = semicolon == std::string_view::npos ? std::string_view() : element.substr(semicolon + 1);
    }
    return "unknown";  // an element without for=: not an address
}

bool page_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

bool file_name(std::string_view s) {
    return !s.empty() && s.front() != '.' && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

}  // namespace

ip_address plain(ip_address const& a) {
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
    return a;
}

std::optional<ip_address> parse_address(std::string_view text) {
    text = trim(text);
    std::string_view bare = text;
    if (!text.empty() && text.front() == '[') {
        auto close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        auto rest = text.substr(close + 1);
        if (!rest.empty() && (rest.front() != ':' || !digits(rest.substr(1)))) return std::nullopt;
        bare = text.substr(1, close - 1);
    } else if (std::count(text.begin(), text.end(), ':') == 1) {
        auto colon = text.find(':');
        if (!digits(text.substr(colon + 1))) return std::nullopt;
        bare = text.substr(0, colon);
    }
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(std::string(bare), ec);
    if (ec) return std::nullopt;
    return plain(address);
}

ip_address client_address(ip_address const& peer, std::vector<ip_address> const& proxies,
                          boost::beast::http::fields const& headers) {
    auto trusted = [&](ip_address const& a) { return std::find(proxies.begin(), proxies.end(), a) != proxies.end(); };
    if (!trusted(peer)) return peer;
    std::vector<std::string_view> hops;  // the client first, the last proxy's peer last
    list_items(headers, "X-Forwarded-For", [&](std::string_view item) { hops.push_back(item); });
    if (hops.empty())
        list_items(headers, "Forwarded", [&](std::string_view item) { hops.push_back(forwarded_for(item)); });
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        auto address = parse_address(*hop);
        if (!address) return peer;  // "unknown", or garbage: nothing before it can be believed
        if (!trusted(*address) || std::next(hop) == hops.rend()) return *address;
    }
    return peer;  // no forwarding header: the proxy itself
}

std::optional<host_and_port> parse_host(std::string_view text) {
    std::string s(trim(text));
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (s.empty()) return std::nullopt;
    host_and_port out;
    std::string rest;
    if (s.front() == '[') {
        auto close = s.find(']');
        if (close == std::string::npos) return std::nullopt;
        out.host = s.substr(0, close + 1);
        rest = s.substr(close + 1);
        if (!parse_address(out.host)) return std::nullopt;
    } else {
        auto colon = s.find(':');
        out.host = s.substr(0, colon);
        rest = colon == std::string::npos ? "" : s.substr(colon);
        if (out.host.empty() || !std::all_of(out.host.begin(), out.host.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
            }))
            return std::nullopt;
    }
    if (!rest.empty()) {
        if (rest.front() != ':' || !digits(std::string_view(rest).substr(1))) return std::nullopt;
        out.port = rest.substr(1);
    }
    return out;
}

bool host_allowed(host_policy const& policy, std::string_view host_header) {
    auto h = parse_host(host_header);
    if (!h) return false;
    if (!policy.names.empty())
        return std::any_of(policy.names.begin(), policy.names.end(), [&](host_and_port const& name) {
            return name.host == h->host && (name.port.empty() || name.port == h->port);
        });
    if (h->host == "localhost" || h->host == "127.0.0.1" || h->host == "[::1]") return true;
    auto literal = parse_address(h->host);
    if (!literal) return false;  // a DNS name: only configured ones are answered
    return policy.listen_address.is_unspecified() || *literal == plain(policy.listen_address);
}

std::optional<std::string> served_file(std::string_view path) {
    if (path == "/") return "/index.html";
    if (path.starts_with("/t/")) return "/ticket.html";
    if (path.empty() || path.front() != '/') return std::nullopt;
    auto name = path.substr(1);
    if (page_name(name)) return std::string(path) + ".html";
    if (name.ends_with(".html") && page_name(name.substr(0, name.size() - 5))) return std::string(path);
    static constexpr std::array<std::string_view, 4> folders{"js/", "css/", "i18n/", "vendor/"};
    static constexpr std::array<std::string_view, 6> types{".js", ".mjs", ".css", ".json", ".svg", ".png"};
    if (std::none_of(folders.begin(), folders.end(), [&](std::string_view f) { return name.starts_with(f); })) return std::nullopt;
    if (std::none_of(types.begin(), types.end(), [&](std::string_view t) { return name.ends_with(t); })) return std::nullopt;
    for (auto rest = name; !rest.empty();) {
        auto slash = rest.find('/');
        if (!file_name(rest.substr(0, slash))) return std::nullopt;  // empty, hidden, "..", odd characters
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (slash != std::string_view::npos && rest.empty()) return std::nullopt;
    }
    return std::string(path);
}

bool same_secret(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    volatile unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference = static_cast<unsigned char>(difference | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
    return difference == 0;
}

}  // namespace novbe::net
