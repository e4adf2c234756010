// Bad input gets the documented error or close code, and the server keeps serving others.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {

class abuse : public ::testing::Test {
protected:
    void SetUp() override {
        process.start();
        bystander = std::make_unique<ws_client>(process.port());
        ASSERT_TRUE(bystander->hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    }
    void TearDown() override {  // whatever the other client did, this one is still served
        auto reply = bystander->request(issue("utilities"));
        EXPECT_TRUE(reply.reply().has_issued_ticket()) << reply.DebugString();
    }
    server_process process;
    std::unique_ptr<ws_client> bystander;
};

TEST_F(abuse, an_undecodable_frame_closes_with_protocol_error) {
    ws_client c(process.port());
    c.send_raw(std::string("\xff\xff\xff\xff\xff\x01", 6));
    EXPECT_EQ(1002, c.wait_for_close());
}

TEST_F(abuse, a_truncated_message_closes_with_protocol_error) {
    ws_client c(process.port());
    auto bytes = issue("passport").SerializeAsString();
    c.send_raw(bytes.substr(0, bytes.size() - 3));
    EXPECT_EQ(1002, c.wait_for_close());
}

TEST_F(abuse, a_text_frame_closes_with_protocol_error) {
    ws_client c(process.port());
    c.send_raw("{\"hello\": true}", false);
    EXPECT_EQ(1002, c.wait_for_close());
}

TEST_F(abuse, an_oversize_frame_closes_with_message_too_big) {
    ws_client c(process.port());
    c.send_frame_header(100 * 1024);  // the limit is 64 KiB
    EXPECT_EQ(1009, c.wait_for_close());
}

TEST_F(abuse, a_16_mib_frame_sent_whole_gets_a_clean_1009_close_not_a_reset) {
    ws_client c(process.port());
    // The server answers 1009 after the frame's header and drains the rest: the write ends
    // and the close frame is there to read. (Beast's own teardown read once and closed.)
    c.send_one_frame(std::string(16 * 1024 * 1024, 'x'));
    EXPECT_EQ(1009, c.wait_for_close());
    EXPECT_TRUE(process.logs_soon("frame too big"));  // once the client has closed too
}

// Bytes of an HTTP request with a target of `target_bytes` and `fields` headers of `field_bytes`.
std::string request_of(unsigned short port, std::size_t target_bytes, int fields = 0, std::size_t field_bytes = 0) {
    std::string r = "GET /" + std::string(target_bytes, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n";
    for (int i = 0; i < fields; ++i) r += "X-Filler-" + std::to_string(i) + ": " + std::string(field_bytes, 'b') + "\r\n";
    return r + "\r\n";
}

TEST_F(abuse, an_over_long_address_gets_414_and_over_large_headers_431_then_a_close) {
    for (std::size_t length : {5 * 1024, 10 * 1024, 100 * 1024}) {  // within the 8 KiB of headers, past it, far past it
        auto answer = http_exchange(process.port(), request_of(process.port(), length));
        EXPECT_EQ(414, answer.status) << length;
        EXPECT_NE(std::string::npos, answer.body.find("The address is too long")) << answer.body;
        EXPECT_EQ("close", answer.headers["connection"]);
    }
    for (auto [fields, bytes] : {std::pair{40, 400}, std::pair{1, 20 * 1024}, std::pair{2000, 60}}) {
        auto answer = http_exchange(process.port(), request_of(process.port(), 10, fields, static_cast<std::size_t>(bytes)));
        EXPECT_EQ(431, answer.status) << fields << " x " << bytes;
        EXPECT_NE(std::string::npos, answer.body.find("headers are too large")) << answer.body;
    }
    auto garbage = http_exchange(process.port(), "HELLO THERE\r\n\r\n");
    EXPECT_EQ(400, garbage.status);
    EXPECT_NE(std::string::npos, garbage.body.find("could not be read as HTTP/1.1")) << garbage.body;
    EXPECT_EQ(200, http_get(process.port(), "/healthz").first);  // the next one is served
}

TEST_F(abuse, messages_without_a_command_get_errors_then_a_policy_close) {
    ws_client c(process.port());
    ASSERT_TRUE(c.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    v1::ClientMessage empty;
    empty.set_request_id(77);
    c.send(empty);
    auto reply = c.receive();
    ASSERT_TRUE(reply);
    EXPECT_EQ(77u, reply->request_id());
    EXPECT_EQ("ERROR_CODE_MALFORMED_MESSAGE", error_name(*reply));
    c.send(empty);
    c.send(empty);
    EXPECT_EQ(1008, c.wait_for_close());
}

TEST_F(abuse, a_newer_protocol_version_is_refused) {
    ws_client c(process.port());
    v1::ClientMessage m;
    m.mutable_hello()->set_protocol_version(2);
    m.mutable_hello()->set_role(v1::ROLE_KIOSK);
    m.mutable_hello()->set_device_token(server_process::kiosk_token);
    EXPECT_EQ("ERROR_CODE_UNSUPPORTED_VERSION", error_name(c.request(m)));
}

}  // namespace
}  // namespace novbe::testing
