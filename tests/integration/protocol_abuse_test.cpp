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
