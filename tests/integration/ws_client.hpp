#pragma once
// A WebSocket client for tests, as an independent client would be: Beast, the novbe.v1
// subprotocol, one protobuf message per binary frame. Every operation gives up after 5 s.
#include "novbe.pb.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace novbe::testing {

// How a test client presents itself; the defaults are a native client on 127.0.0.1.
struct ws_options {
    std::string origin;              // a browser's page sends one
    std::string host;                // the Host header; empty: 127.0.0.1:PORT
    std::string from = "127.0.0.1";  // the local address it connects from: 127.0.0.2 is another client
    std::vector<std::pair<std::string, std::string>> headers;  // more, e.g. X-Forwarded-For
};

class ws_client {
public:
    // Connects and upgrades /ws; throws on failure. A browser would send an Origin header.
    explicit ws_client(unsigned short port, std::string const& origin = "");
    ws_client(unsigned short port, ws_options const& options);
    ~ws_client();
    ws_client(ws_client&&) noexcept;
    ws_client& operator=(ws_client&&) noexcept;

    void send(v1::ClientMessage const& m);
    void send_raw(std::string const& bytes, bool binary = true);
    // Only the header of a binary frame announcing `length` bytes: what a sender of a huge
    // message says first.
    void send_frame_header(std::uint64_t length);
    // The whole message as one frame, however large (Beast would fragment it otherwise).
    void send_one_frame(std::string const& bytes);
    // Many messages in one write, as a client that pipelines without reading would.
    void send_pipelined(v1::ClientMessage const& m, int times);
    void send_pipelined(std::vector<v1::ClientMessage> const& messages);
    // The next message; nullopt if the server closed the connection (see close_code()).
    std::optional<v1::ServerMessage> receive();
    // Sends with the next request id and returns the message that answers it.
    v1::ServerMessage request(v1::ClientMessage m);
    // Reads until the server closes; the close code it sent (0 if none in time).
    int wait_for_close();
    int close_code() const;

    v1::ServerMessage hello(v1::Role role, std::string const& user_or_token = "", std::string const& secret = "");

private:
    struct impl;
    std::unique_ptr<impl> impl_;
    std::uint64_t next_id_ = 1;
};

// GET path over HTTP/1.1 (Host 127.0.0.1:PORT): the status code and body.
std::pair<int, std::string> http_get(unsigned short port, std::string const& path);

struct http_answer {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // by lower-case name
};
// Sends `request`, exact bytes, from the address `from`, and reads one response; throws if the
// connection is reset or closed before a whole response (or after 5 s).
http_answer http_exchange(unsigned short port, std::string const& request, std::string const& from = "127.0.0.1");
// GET `path` with `headers` (and Host 127.0.0.1:PORT unless they name one), Connection: close.
http_answer http_get(unsigned short port, std::string const& path, std::vector<std::pair<std::string, std::string>> const& headers,
                     std::string const& from = "127.0.0.1");

// A plain TCP connection, for holding descriptors or places, or speaking raw bytes: POSIX
// sockets, so that hundreds cost the test one descriptor each.
class tcp_connection {
public:
    explicit tcp_connection(unsigned short port, std::string const& from = "127.0.0.1");  // throws
    ~tcp_connection();
    tcp_connection(tcp_connection const&) = delete;
    tcp_connection& operator=(tcp_connection const&) = delete;

    void send(std::string const& bytes);
    // What arrives within `wait` (until the server closes, or `until` is seen).
    std::string receive(std::chrono::milliseconds wait, std::string const& until = "");
    // True if the server closed or reset it within `wait`, false if it is still open.
    bool closed_within(std::chrono::milliseconds wait);

private:
    int fd_ = -1;
};

}  // namespace novbe::testing
