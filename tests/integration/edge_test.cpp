// The network edge: who the client is behind a proxy, which names the server answers to (DNS
// rebinding), who may read /metrics, and which files of the web root are served.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace novbe::testing {
namespace {

ws_options forwarded_for(std::string const& chain) { return ws_options{.headers = {{"X-Forwarded-For", chain}}}; }

// How long a made-up kiosk token takes to be refused: an address that keeps offering unknown
// credentials is answered later and later (docs/RELIABILITY.md#sign-in), which shows whom the
// server took the client for.
std::chrono::milliseconds refusal_time(unsigned short port, ws_options const& from) {
    ws_client guess(port, from);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ("ERROR_CODE_UNAUTHENTICATED", error_name(guess.hello(v1::ROLE_KIOSK, "made-up-kiosk-token")));
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

using std::chrono_literals::operator""ms;

TEST(edge, behind_a_trusted_proxy_the_client_is_the_right_most_address_it_did_not_add_itself) {
    server_process process;
    process.configure("[server]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.2\"]");
    process.start();
    for (int i = 0; i < 6; ++i) refusal_time(process.port(), forwarded_for("203.0.113.7"));  // slows 203.0.113.7
    // What a client writes itself stands on the left, and is not believed.
    EXPECT_GE(refusal_time(process.port(), forwarded_for("198.51.100.99, 203.0.113.7")), 1500ms);
    EXPECT_LT(refusal_time(process.port(), forwarded_for("203.0.113.7, 198.51.100.4")), 1000ms);  // another client
    EXPECT_LT(refusal_time(process.port(), forwarded_for("198.51.100.5, 10.0.0.2")), 1000ms);     // two trusted proxies
    ws_client other(process.port(), forwarded_for("203.0.113.7, 198.51.100.4"));
    EXPECT_TRUE(other.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).reply().has_welcome());
    ws_client chained(process.port(), forwarded_for("198.51.100.5, 10.0.0.2"));
    EXPECT_TRUE(chained.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret).reply().has_welcome());
    ws_client standard(process.port(), ws_options{.headers = {{"Forwarded", "for=\"[2001:db8::7]:4711\";proto=https"}}});
    EXPECT_TRUE(standard.hello(v1::ROLE_BOARD).reply().has_welcome());
    for (auto const* line : {"signed in 198.51.100.4 via 127.0.0.1:", "signed in 198.51.100.5 via 127.0.0.1:",
                             "signed in [2001:db8::7] via 127.0.0.1:"})
        EXPECT_TRUE(process.logs_soon(line)) << "missing: " << line << "\n" << process.log();  // just after the Welcome
}

TEST(edge, forwarding_headers_from_a_peer_that_is_not_a_trusted_proxy_are_ignored) {
    server_process process;
    process.start();
    for (int i = 0; i < 6; ++i)  // each claims another address; all are 127.0.0.1
        refusal_time(process.port(), forwarded_for("203.0.113." + std::to_string(i + 1)));
    EXPECT_GE(refusal_time(process.port(), ws_options{.headers = {{"Forwarded", "for=198.51.100.4"}}}), 1500ms);
    EXPECT_LT(refusal_time(process.port(), ws_options{.from = "127.0.0.2"}), 1000ms);  // a client that really is another
}

TEST(edge, behind_a_proxy_the_cap_on_connections_not_signed_in_counts_the_forwarded_address) {
    server_process process;
    process.configure("[server]\ntrusted_proxies = [\"127.0.0.1\"]\nmax_unauthenticated_per_address = 2");
    process.start();
    auto request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(process.port()) +
                   "\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n";
    std::vector<std::unique_ptr<tcp_connection>> open;  // two kept-alive connections of 203.0.113.9
    for (int i = 0; i < 2; ++i) {
        open.push_back(std::make_unique<tcp_connection>(process.port()));
        open.back()->send(request);
        EXPECT_NE(std::string::npos, open.back()->receive(std::chrono::seconds(5), "ok\n").find("200 OK"));
    }
    auto third = http_get(process.port(), "/healthz", {{"X-Forwarded-For", "203.0.113.9"}});
    EXPECT_EQ(503, third.status);
    EXPECT_NE(std::string::npos, third.body.find("not signed in")) << third.body;
    EXPECT_THROW(ws_client(process.port(), forwarded_for("203.0.113.9")), std::runtime_error);
    EXPECT_EQ(200, http_get(process.port(), "/healthz", {{"X-Forwarded-For", "203.0.113.10"}}).status);
    ws_client kiosk(process.port(), forwarded_for("203.0.113.11"));
    EXPECT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    EXPECT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
}

// Staff browsers behind one address keep connections alive after loading a page: idle, those
// give their places back within seconds, while a connection still in use keeps its own.
TEST(edge, a_kept_alive_connection_left_idle_gives_its_place_back) {
    server_process process;
    process.configure("[server]\nmax_unauthenticated_per_address = 2");
    process.start();
    auto request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(process.port()) + "\r\n\r\n";
    tcp_connection idle(process.port());
    idle.send(request);
    EXPECT_NE(std::string::npos, idle.receive(std::chrono::seconds(5), "ok\n").find("200 OK"));
    tcp_connection busy(process.port());
    EXPECT_ANY_THROW(http_get(process.port(), "/healthz")) << "both places are held: a third is closed at once";
    auto const asked = std::chrono::steady_clock::now();
    EXPECT_TRUE(idle.closed_within(std::chrono::seconds(15))) << "an idle keep-alive is closed";
    EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(12));
    EXPECT_EQ(200, http_get(process.port(), "/healthz").first) << "its place was given back";
    busy.send(request);  // a new connection's first request may take longer than the idle wait
    EXPECT_NE(std::string::npos, busy.receive(std::chrono::seconds(5), "ok\n").find("200 OK"));
}

TEST(edge, without_public_names_only_this_machines_names_are_answered) {
    server_process process;
    process.start();
    auto const port = std::to_string(process.port());
    auto get = [&](std::string const& host, std::string const& path = "/board") {
        return http_get(process.port(), path, {{"Host", host}});
    };
    for (auto const& host : {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LocalHost:" + port})
        EXPECT_EQ(200, get(host).status) << host;
    auto rebound = get("rebind.example:" + port);  // a page whose name now points here
    EXPECT_EQ(421, rebound.status);
    EXPECT_NE(std::string::npos, rebound.body.find("does not answer to the name")) << rebound.body;
    EXPECT_EQ(200, get("127.0.0.1:1").status);          // a relay's port (tcp_proxy, a container's mapping)
    EXPECT_EQ(200, get("localhost").status);
    EXPECT_EQ(421, get("10.1.2.3:" + port).status);     // not an address it listens on
    EXPECT_EQ(421, get("rebind.example:" + port, "/novbe.proto").status);
    EXPECT_EQ(200, get("rebind.example:" + port, "/healthz").status);  // probes come by address
    EXPECT_EQ(400, http_exchange(process.port(), "GET /board HTTP/1.0\r\n\r\n").status);  // no Host at all
    // Its WebSocket carries the page's own name and origin, which match each other.
    auto upgrade = http_exchange(process.port(), "GET /ws HTTP/1.1\r\nHost: rebind.example:" + port +
                                                     "\r\nOrigin: http://rebind.example:" + port +
                                                     "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                                     "Sec-WebSocket-Protocol: novbe.v1\r\n\r\n");
    EXPECT_EQ(421, upgrade.status);
    // The subprotocol is named back only when offered (RFC 6455 4.2.2); a client offering none
    // is served all the same.
    auto upgrade_to = [&](std::string const& offer) {
        return http_exchange(process.port(), "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port +
                                                 "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
                                                 offer + "\r\n");
    };
    auto offered = upgrade_to("Sec-WebSocket-Protocol: chat, novbe.v1\r\n");
    EXPECT_EQ(101, offered.status);
    EXPECT_EQ("novbe.v1", offered.headers["sec-websocket-protocol"]);
    auto none = upgrade_to("");
    EXPECT_EQ(101, none.status);
    EXPECT_FALSE(none.headers.contains("sec-websocket-protocol")) << none.headers["sec-websocket-protocol"];
    // The demo's pages as a browser opens them (http://127.0.0.1:PORT/board) still connect.
    ws_client page(process.port(), "http://127.0.0.1:" + port);
    EXPECT_TRUE(page.hello(v1::ROLE_BOARD).reply().has_welcome());
}

TEST(edge, with_public_names_only_those_are_answered) {
    server_process process;
    process.configure("[server]\npublic_names = [\"queue.example.az\", \"kiosks.example.az:8443\"]");
    process.start();
    auto get = [&](std::string const& host) { return http_get(process.port(), "/board", {{"Host", host}}).status; };
    EXPECT_EQ(200, get("queue.example.az"));
    EXPECT_EQ(200, get("queue.example.az:443"));  // a name without a port: any port (a proxy's, say)
    EXPECT_EQ(200, get("Queue.Example.AZ:8080"));
    EXPECT_EQ(200, get("kiosks.example.az:8443"));
    EXPECT_EQ(421, get("kiosks.example.az:9443"));
    EXPECT_EQ(421, get("127.0.0.1:" + std::to_string(process.port())));
    EXPECT_EQ(421, get("localhost:" + std::to_string(process.port())));
    EXPECT_THROW(ws_client{process.port()}, std::runtime_error);  // Host 127.0.0.1:PORT
    ws_client kiosk(process.port(), ws_options{.host = "queue.example.az"});
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    EXPECT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
}

TEST(edge, without_a_token_metrics_answer_only_this_machine) {
    server_process process;
    process.configure("[server]\ntrusted_proxies = [\"127.0.0.2\"]");
    process.start();
    EXPECT_EQ(200, http_get(process.port(), "/metrics").first);
    auto proxied = http_get(process.port(), "/metrics", {{"X-Forwarded-For", "203.0.113.5"}}, "127.0.0.2");
    EXPECT_EQ(403, proxied.status);
    EXPECT_NE(std::string::npos, proxied.body.find("metrics_token")) << proxied.body;
    auto forged = http_get(process.port(), "/metrics", {{"X-Forwarded-For", "127.0.0.1"}}, "127.0.0.2");
    EXPECT_EQ(403, forged.status);  // through a proxy is not from this machine, whatever it forwards
    EXPECT_EQ(200, http_get(process.port(), "/board", {{"X-Forwarded-For", "203.0.113.5"}}, "127.0.0.2").status);
}

TEST(edge, with_a_token_metrics_answer_only_the_token) {
    server_process process;
    process.configure("[server]\nmetrics_token = \"scrape-0123456789abcdef\"");
    process.start();
    auto refused = http_get(process.port(), "/metrics", {});
    EXPECT_EQ(401, refused.status);  // from this machine too
    EXPECT_EQ("Bearer realm=\"novbe metrics\"", refused.headers["www-authenticate"]);
    EXPECT_EQ(401, http_get(process.port(), "/metrics", {{"Authorization", "Bearer scrape-0123456789abcdeF"}}).status);
    EXPECT_EQ(401, http_get(process.port(), "/metrics", {{"Authorization", "Basic scrape-0123456789abcdef"}}).status);
    // A scraper comes by address: with the token, the Host it names does not matter.
    auto scraped = http_get(process.port(), "/metrics",
                            {{"Authorization", "Bearer scrape-0123456789abcdef"}, {"Host", "10.0.0.5:9100"}});
    EXPECT_EQ(200, scraped.status);
    EXPECT_NE(std::string::npos, scraped.body.find("# TYPE novbe_commit_seconds histogram"));
    ws_client kiosk(process.port());
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    EXPECT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
}

TEST(edge, only_the_pages_and_the_files_they_load_are_served_from_the_web_root) {
    server_process process;
    process.start();
    for (auto const* path : {"/", "/board", "/board.html", "/kiosk?token=x", "/t/0123456789abcdef", "/js/link.js",
                             "/css/common.css", "/i18n/en.json", "/novbe.proto"})
        EXPECT_EQ(200, http_get(process.port(), path).first) << path;
    for (auto const* path : {"/README.md", "/README", "/js/", "/js", "/js//link.js", "/css/../README.md",
                             "/js/../../CMakeLists.txt", "/.git/config", "/i18n/.en.json", "/js/link.js~", "/web/README.md",
                             "/index.html/", "/%2e%2e/README.md", "/i18n/../README.md"})
        EXPECT_EQ(404, http_get(process.port(), path).first) << path;
}

TEST(edge, a_bad_edge_setting_stops_the_server_at_start_and_says_where) {
    for (auto const* line : {"trusted_proxies = [\"proxy.example\"]", "trusted_proxies = [\"10.0.0.2:80\"]",
                             "public_names = [\"https://queue.example.az/\"]", "metrics_token = \"short\"",
                             "max_unauthenticated_per_address = -1"}) {
        server_process process;
        process.configure(std::string("[server]\n") + line);
        try {
            process.start();
            ADD_FAILURE() << "started with " << line;
        } catch (std::runtime_error const& e) {
            EXPECT_NE(std::string::npos, std::string(e.what()).find("centre.toml:")) << e.what();
        }
    }
}

}  // namespace
}  // namespace novbe::testing
