// The schema as an independent client sees it: messages round-trip, the conventions hold, and
// every refusal the engine can give has an error code on the wire.
#include "novbe.pb.h"

#include "core/errc.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace {

TEST(schema, an_issue_request_survives_the_wire) {
    novbe::v1::ClientMessage sent;
    sent.set_request_id(42);
    sent.set_idempotency_key("kiosk-1/000017");
    auto* issue = sent.mutable_issue_ticket();
    issue->set_service_id("passport");
    issue->set_priority(novbe::v1::PRIORITY_CLASS_PRIORITY);
    issue->set_language("az");

    novbe::v1::ClientMessage received;
    ASSERT_TRUE(received.ParseFromString(sent.SerializeAsString()));
    EXPECT_EQ(42u, received.request_id());
    EXPECT_EQ("kiosk-1/000017", received.idempotency_key());
    ASSERT_EQ(novbe::v1::ClientMessage::kIssueTicket, received.command_case());
    EXPECT_EQ("passport", received.issue_ticket().service_id());
    EXPECT_EQ(novbe::v1::PRIORITY_CLASS_PRIORITY, received.issue_ticket().priority());
}

TEST(schema, garbage_is_not_a_client_message) {
    novbe::v1::ClientMessage received;
    EXPECT_FALSE(received.ParseFromString(std::string("\xff\xff\xff\xff\x0f", 5)));
}

TEST(schema, every_engine_refusal_has_a_wire_code) {
    for (int value = 1;; ++value) {
        auto e = static_cast<novbe::core::errc>(value);
        auto name = std::string(novbe::core::name(e));
        if (name == "unknown_error") break;
        std::string wire = "ERROR_CODE_";
        std::transform(name.begin(), name.end(), std::back_inserter(wire),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        novbe::v1::ErrorCode code{};
        EXPECT_TRUE(novbe::v1::ErrorCode_Parse(wire, &code)) << wire << " is missing from novbe.proto";
    }
}

TEST(schema, every_enum_starts_with_an_unspecified_zero) {
    auto const* file = novbe::v1::ClientMessage::descriptor()->file();
    ASSERT_GT(file->enum_type_count(), 5);
    for (int i = 0; i < file->enum_type_count(); ++i) {
        auto const* e = file->enum_type(i);
        auto const* zero = e->FindValueByNumber(0);
        ASSERT_NE(nullptr, zero) << e->name();
        EXPECT_TRUE(zero->name().ends_with("_UNSPECIFIED")) << e->name() << " starts with " << zero->name();
    }
}

TEST(schema, every_client_command_has_a_message_of_its_own) {
    auto const* command = novbe::v1::ClientMessage::descriptor()->FindOneofByName("command");
    ASSERT_NE(nullptr, command);
    EXPECT_GE(command->field_count(), 20);
    for (int i = 0; i < command->field_count(); ++i)
        EXPECT_EQ(google::protobuf::FieldDescriptor::TYPE_MESSAGE, command->field(i)->type()) << command->field(i)->name();
}

}  // namespace
