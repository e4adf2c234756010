#pragma once
// A WebSocket client for tests, as an independent client would be: Beast, the novbe.v1
// subprotocol, one protobuf message per binary frame. Every operation gives up after 5 s.
#include "novbe.pb.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace novbe::testing {

class ws_client {
public:
    // Connects and upgrades /ws; throws on failure. A browser would send an Origin header.
    explicit ws_client(unsigned short port, std::string const& origin = "");
    ~ws_client();
    ws_client(ws_client&&) noexcept;
    ws_client& operator=(ws_client&&) noexcept;

    void send(v1::ClientMessage const& m);
    void send_raw(std::string const& bytes, bool binary = true);
    // Only the header of a binary frame announcing `length` bytes: what a sender of a huge
    // message says first. (Writing the whole of it races the server's close: Beast 1.81's
    // teardown stops draining after one read, so the rest of the write may meet a reset.)
    void send_frame_header(std::uint64_t length);
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

// GET path over HTTP/1.1: the status code and body.
std::pair<int, std::string> http_get(unsigned short port, std::string const& path);

}  // namespace novbe::testing
