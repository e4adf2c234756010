#pragma once
// The network edge's decisions as plain functions of an address or a request: who the client
// is (the TCP peer, or behind a trusted proxy the address it forwarded), whether a request's
// Host names this server (DNS rebinding), and which files of the web root are served.
#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/fields.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::net {

using ip_address = boost::asio::ip::address;

// An IPv4 address mapped into IPv6 (::ffff:a.b.c.d, as a dual-stack socket reports it) as the
// IPv4 address it is; others unchanged.
ip_address plain(ip_address const& a);

// "192.0.2.1", "2001:db8::1", "[2001:db8::1]", "192.0.2.1:80", "[2001:db8::1]:80" (the port is
// dropped); nothing for anything else.
std::optional<ip_address> parse_address(std::string_view text);

// The client's address. When `peer` is one of `proxies`, it is the right-most entry of
// X-Forwarded-For (or, without one, of Forwarded's for=) that is not itself a trusted proxy; an
// entry that is not an address ends the search at the proxy. Otherwise it is `peer`: a
// forwarding header from anyone else is ignored.
ip_address client_address(ip_address const& peer, std::vector<ip_address> const& proxies,
                          boost::beast::http::fields const& headers);

// A Host header's parts: "example.org:8080" -> {"example.org", "8080"}, "[::1]" -> {"[::1]", ""}.
// Lower-case; nothing if it is not a host with an optional numeric port.
struct host_and_port {
    std::string host;
    std::string port;  // empty: none given
};
std::optional<host_and_port> parse_host(std::string_view text);

// The names a request's Host may carry. With `names` configured, only those ("host" with any
// port, or exactly "host:port"). Without, localhost, 127.0.0.1, [::1] or the listen address,
// and any IP literal if it listens on all addresses (0.0.0.0 or ::): a rebinding page carries
// its own DNS name, never an address. Any port: a relay or a container's port mapping puts its
// own port in Host, and a port says nothing about who named the server.
struct host_policy {
    std::vector<host_and_port> names;
    ip_address listen_address;
};
bool host_allowed(host_policy const& policy, std::string_view host_header);

// The file under the web root that a path names, or nothing: the pages by name (/ is
// index.html, /board or /board.html is board.html, /t/TOKEN is ticket.html), and scripts,
// styles, translations and images in js/, css/, i18n/ and vendor/. Nothing else is served.
std::optional<std::string> served_file(std::string_view path);

// Equal texts, in a time that does not depend on where they differ.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace novbe::net
