// What the forwarder sends of one stored event (server/forward/local_reader.hpp's to_json):
// a booking's reference, phone and token, and a checked-in ticket's token, stay at the centre
// (docs/CENTRAL.md#events); what the central figures need (booking, service, slot) goes.
#include "forward/local_reader.hpp"
#include "stored.pb.h"

#include <gtest/gtest.h>

namespace novbe::forward {
namespace {

TEST(forward_json, booking_made_leaves_reference_phone_and_token_at_the_centre) {
    store::v1::StoredEvent ev;
    ev.set_at_ms(1'800'000'000'000);
    auto& b = *ev.mutable_booking_made();
    b.set_booking(7);
    b.set_service("passport");
    b.set_slot_ms(1'800'000'900'000);
    b.set_reference("AZ-2026/00123");
    b.set_phone("+994 50 123 45 67");
    b.set_portal("egov");
    b.set_token_hi(0x1234);
    b.set_token_lo(0x5678);
    auto j = to_json(ev.SerializeAsString());
    EXPECT_EQ("booking_made", j.kind);
    EXPECT_EQ(std::string::npos, j.fields.find("AZ-2026")) << j.fields;
    EXPECT_EQ(std::string::npos, j.fields.find("994")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"reference\":\"\"")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"token_hi\":\"0\"")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"service\":\"passport\"")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"booking\":7")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"slot_ms\":\"1800000900000\"")) << j.fields;
}

TEST(forward_json, booking_checked_in_leaves_the_ticket_token_at_the_centre) {
    store::v1::StoredEvent ev;
    ev.mutable_booking_checked_in()->set_booking(7);
    ev.mutable_booking_checked_in()->set_ticket_token_hi(0xabcdef);
    ev.mutable_booking_checked_in()->set_ticket_token_lo(0x123456);
    auto j = to_json(ev.SerializeAsString());
    EXPECT_EQ("booking_checked_in", j.kind);
    EXPECT_NE(std::string::npos, j.fields.find("\"ticket_token_hi\":\"0\"")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"ticket_token_lo\":\"0\"")) << j.fields;
    EXPECT_NE(std::string::npos, j.fields.find("\"booking\":7")) << j.fields;
}

TEST(forward_json, says_who_made_the_event_happen) {
    store::v1::StoredEvent ev;
    ev.set_actor_role(5);  // core::actor_role::manager
    ev.set_actor("leyla \"the\" manager");
    ev.mutable_ticket_cancelled()->set_ticket(3);
    ev.mutable_ticket_cancelled()->set_reason("wrong_service");
    auto j = to_json(ev.SerializeAsString());
    EXPECT_EQ("manager", j.actor_role);
    EXPECT_EQ("leyla \"the\" manager", j.actor);
    store::v1::StoredEvent old;  // logged before actors were recorded
    old.mutable_day_closed();
    auto o = to_json(old.SerializeAsString());
    EXPECT_EQ("", o.actor_role);
    EXPECT_EQ("", o.actor);
}

}  // namespace
}  // namespace novbe::forward
