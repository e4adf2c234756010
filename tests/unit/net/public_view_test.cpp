// What a board or a phone's line may see of the log, found by filling every field of every event
// and reading back what the public copy kept: a field not on the list below fails the test, so a
// field or an event added later stays off the boards until someone decides otherwise.
#include "net/publication.hpp"

#include <gtest/gtest.h>

#include <set>

namespace novbe::net {
namespace {

namespace pb = google::protobuf;

std::set<std::string> const allowed = {
    "novbe.v1.Event.sequence", "novbe.v1.Event.at_ms",
    "novbe.v1.Event.day_started", "novbe.v1.DayStarted.day", "novbe.v1.DayStarted.counters",
    "novbe.v1.Event.day_closed",
    "novbe.v1.Event.ticket_issued", "novbe.v1.TicketIssued.number", "novbe.v1.TicketIssued.service_id",
    "novbe.v1.Event.ticket_called", "novbe.v1.TicketCalled.number", "novbe.v1.TicketCalled.counter",
    "novbe.v1.TicketCalled.service_id", "novbe.v1.TicketCalled.recall",
    "novbe.v1.Event.service_completed", "novbe.v1.ServiceCompleted.number", "novbe.v1.ServiceCompleted.counter",
    "novbe.v1.Event.ticket_no_show", "novbe.v1.TicketNoShow.number", "novbe.v1.TicketNoShow.counter",
    "novbe.v1.Event.ticket_transferred", "novbe.v1.TicketTransferred.number", "novbe.v1.TicketTransferred.counter",
    "novbe.v1.TicketTransferred.from_service_id", "novbe.v1.TicketTransferred.to_service_id",
    "novbe.v1.Event.ticket_cancelled", "novbe.v1.TicketCancelled.number",
    "novbe.v1.Event.ticket_moved", "novbe.v1.TicketMoved.number", "novbe.v1.TicketMoved.from_service_id",
    "novbe.v1.TicketMoved.to_service_id",
    "novbe.v1.Event.hall_message_set", "novbe.v1.HallMessageSet.text",
    "novbe.v1.Event.counter_changed", "novbe.v1.CounterChanged.counter", "novbe.v1.CounterView.number",
    "novbe.v1.CounterView.name", "novbe.v1.CounterView.status", "novbe.v1.CounterView.since_ms",
    "novbe.v1.CounterView.service_ids", "novbe.v1.CounterView.current", "novbe.v1.TicketAtCounter.number",
    // docs/SETUP.md#services-and-counters-at-runtime: a kiosk's and a board's names, not targets nor who.
    "novbe.v1.Event.service_changed", "novbe.v1.ServiceChanged.service", "novbe.v1.ServiceInfo.id",
    "novbe.v1.ServiceInfo.prefix", "novbe.v1.ServiceInfo.names", "novbe.v1.ServiceInfo.NamesEntry.key",
    "novbe.v1.ServiceInfo.NamesEntry.value", "novbe.v1.ServiceInfo.agency", "novbe.v1.ServiceInfo.agency_names",
    "novbe.v1.ServiceInfo.AgencyNamesEntry.key", "novbe.v1.ServiceInfo.AgencyNamesEntry.value", "novbe.v1.ServiceInfo.retired",
    "novbe.v1.Event.counter_set_up", "novbe.v1.CounterSetUp.counter", "novbe.v1.CounterInfo.number",
    "novbe.v1.CounterInfo.name", "novbe.v1.CounterInfo.service_ids", "novbe.v1.CounterInfo.retired",
    // docs/SETUP.md#hours-and-holidays: the hours, not who set them.
    "novbe.v1.Event.calendar_changed", "novbe.v1.CalendarChanged.calendar", "novbe.v1.Calendar.weekly", "novbe.v1.Calendar.holidays", "novbe.v1.Calendar.exceptions",
    "novbe.v1.DayHours.opening", "novbe.v1.DayHours.closing", "novbe.v1.DayHours.closed", "novbe.v1.DatedHours.date",
    "novbe.v1.DatedHours.hours",
};

// Gives every field of `m` (and of its messages) a value that is not the default.
void fill(pb::Message& m, int depth = 0) {
    auto const* d = m.GetDescriptor();
    auto const* r = m.GetReflection();
    for (int i = 0; i < d->field_count(); ++i) {
        auto const* f = d->field(i);
        if (f->real_containing_oneof()) continue;  // the caller picks one case
        bool const many = f->is_repeated();
        switch (f->cpp_type()) {
        case pb::FieldDescriptor::CPPTYPE_INT32: many ? r->AddInt32(&m, f, 7) : r->SetInt32(&m, f, 7); break;
        case pb::FieldDescriptor::CPPTYPE_INT64: many ? r->AddInt64(&m, f, 7) : r->SetInt64(&m, f, 7); break;
        case pb::FieldDescriptor::CPPTYPE_UINT32: many ? r->AddUInt32(&m, f, 7) : r->SetUInt32(&m, f, 7); break;
        case pb::FieldDescriptor::CPPTYPE_UINT64: many ? r->AddUInt64(&m, f, 7) : r->SetUInt64(&m, f, 7); break;
        case pb::FieldDescriptor::CPPTYPE_DOUBLE: many ? r->AddDouble(&m, f, 0.5) : r->SetDouble(&m, f, 0.5); break;
        case pb::FieldDescriptor::CPPTYPE_FLOAT: many ? r->AddFloat(&m, f, 0.5f) : r->SetFloat(&m, f, 0.5f); break;
        case pb::FieldDescriptor::CPPTYPE_BOOL: many ? r->AddBool(&m, f, true) : r->SetBool(&m, f, true); break;
        case pb::FieldDescriptor::CPPTYPE_STRING: many ? r->AddString(&m, f, "x") : r->SetString(&m, f, "x"); break;
        case pb::FieldDescriptor::CPPTYPE_ENUM: {
            auto const* value = f->enum_type()->value(f->enum_type()->value_count() - 1);
            many ? r->AddEnum(&m, f, value) : r->SetEnum(&m, f, value);
            break;
        }
        case pb::FieldDescriptor::CPPTYPE_MESSAGE:
            if (depth < 4) fill(many ? *r->AddMessage(&m, f) : *r->MutableMessage(&m, f), depth + 1);
            break;
        }
    }
}

// Every field set in `m`, by full name, its messages' too.
void set_fields(pb::Message const& m, std::set<std::string>& out) {
    std::vector<pb::FieldDescriptor const*> fields;
    m.GetReflection()->ListFields(m, &fields);
    for (auto const* f : fields) {
        out.insert(f->full_name());
        if (f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
        if (f->is_repeated())
            for (int i = 0; i < m.GetReflection()->FieldSize(m, f); ++i) set_fields(m.GetReflection()->GetRepeatedMessage(m, f, i), out);
        else set_fields(m.GetReflection()->GetMessage(m, f), out);
    }
}

TEST(public_view, a_board_sees_only_the_allowed_fields_of_every_event) {
    auto const* kinds = v1::Event::descriptor()->FindOneofByName("kind");
    ASSERT_NE(nullptr, kinds);
    std::set<std::string> seen;
    for (int i = 0; i < kinds->field_count(); ++i) {
        v1::Event e;
        fill(e);
        fill(*e.GetReflection()->MutableMessage(&e, kinds->field(i)));
        if (auto copy = board_copy(e)) set_fields(*copy, seen);
    }
    for (auto const& field : seen) EXPECT_TRUE(allowed.contains(field)) << field << " reaches the boards";
    EXPECT_FALSE(seen.contains("novbe.v1.TicketIssued.priority"));
    EXPECT_FALSE(seen.contains("novbe.v1.CounterView.clerk"));
    EXPECT_FALSE(seen.contains("novbe.v1.HallMessageSet.set_by")) << "who set the hall message is the dashboard's";
    EXPECT_TRUE(seen.contains("novbe.v1.HallMessageSet.text"));
    EXPECT_FALSE(seen.contains("novbe.v1.ServiceChanged.by")) << "who changed the set-up is the dashboard's";
    EXPECT_FALSE(seen.contains("novbe.v1.CalendarChanged.by")) << "who set the hours is the dashboard's";
    EXPECT_TRUE(seen.contains("novbe.v1.ServiceInfo.names")) << "kiosks follow a service's names live";
    EXPECT_TRUE(seen.contains("novbe.v1.CounterInfo.retired")) << "boards drop a retired counter's row";
    EXPECT_TRUE(seen.contains("novbe.v1.DayStarted.counters")) << "a new day's closed counters reach the boards";
    // And what a board needs does reach it.
    for (auto const* needed : {"novbe.v1.TicketCalled.number", "novbe.v1.TicketCalled.counter", "novbe.v1.CounterView.status"})
        EXPECT_TRUE(seen.contains(needed)) << needed;
}

// The centre as kiosks, boards, phones and rating pads get it (their Welcome, GetCentre, a board
// view's snapshot): what their screens show.
std::set<std::string> const public_centre_fields = {
    "novbe.v1.CentreInfo.id", "novbe.v1.CentreInfo.name", "novbe.v1.CentreInfo.time_zone", "novbe.v1.CentreInfo.languages",
    "novbe.v1.CentreInfo.services", "novbe.v1.ServiceInfo.id", "novbe.v1.ServiceInfo.prefix", "novbe.v1.ServiceInfo.names",
    "novbe.v1.ServiceInfo.NamesEntry.key", "novbe.v1.ServiceInfo.NamesEntry.value", "novbe.v1.ServiceInfo.agency",
    "novbe.v1.ServiceInfo.agency_names", "novbe.v1.ServiceInfo.AgencyNamesEntry.key",
    "novbe.v1.ServiceInfo.AgencyNamesEntry.value", "novbe.v1.ServiceInfo.retired", "novbe.v1.ServiceInfo.bookable",
    "novbe.v1.CentreInfo.counters",
    "novbe.v1.CounterInfo.number", "novbe.v1.CounterInfo.name", "novbe.v1.CounterInfo.service_ids",
    "novbe.v1.CounterInfo.retired", "novbe.v1.CentreInfo.opening", "novbe.v1.CentreInfo.closing",
    "novbe.v1.CentreInfo.public_url", "novbe.v1.CentreInfo.calendar", "novbe.v1.Calendar.weekly", "novbe.v1.Calendar.holidays", "novbe.v1.Calendar.exceptions",
    "novbe.v1.DayHours.opening", "novbe.v1.DayHours.closing", "novbe.v1.DayHours.closed", "novbe.v1.DatedHours.date",
    "novbe.v1.DatedHours.hours",
};

TEST(public_view, public_devices_see_the_centre_they_show_not_its_targets_rules_or_reasons) {
    v1::CentreInfo full;
    fill(full);
    std::set<std::string> seen;
    set_fields(public_centre(full), seen);
    for (auto const& field : seen) EXPECT_TRUE(public_centre_fields.contains(field)) << field << " reaches the public devices";
    for (auto const& field : public_centre_fields) EXPECT_TRUE(seen.contains(field)) << field << " is what they show";
    EXPECT_FALSE(seen.contains("novbe.v1.CentreInfo.reasons")) << "the staff's";
    EXPECT_FALSE(seen.contains("novbe.v1.ServiceInfo.target_wait_s")) << "the dashboard's and the counter's";
    EXPECT_LT(public_centre(full).ByteSizeLong(), full.ByteSizeLong());
    for (auto r : {role::kiosk, role::board, role::ticket_holder, role::rating_device}) EXPECT_TRUE(sees_public_centre(r));
    for (auto r : {role::clerk, role::manager, role::admin}) EXPECT_FALSE(sees_public_centre(r));
}

TEST(public_view, ratings_and_starts_of_service_never_reach_a_board) {
    v1::Event rated;
    rated.mutable_ticket_rated()->set_score(1);
    EXPECT_FALSE(board_copy(rated).has_value());
    v1::Event started;
    started.mutable_service_started()->set_number("A001");
    EXPECT_FALSE(board_copy(started).has_value());
}

TEST(public_view, a_counter_on_a_board_says_nothing_of_its_clerk_and_only_its_tickets_number) {
    v1::CounterView full;
    fill(full);
    std::set<std::string> seen;
    set_fields(board_counter(full), seen);
    for (auto const& field : seen) EXPECT_TRUE(allowed.contains(field)) << field << " reaches the boards";
    EXPECT_FALSE(seen.contains("novbe.v1.TicketAtCounter.priority"));
    EXPECT_TRUE(seen.contains("novbe.v1.TicketAtCounter.number")) << "a board shows who is served where";
}

// A booking's events (its reference, phone, token, slot) publish their sequence and time only,
// so that a subscriber's ranges still join up, and no board gets even that.
TEST(public_view, a_booking_reaches_the_dashboards_as_staff_see_it_and_no_board_or_phone) {
    core::centre_config config;
    config.services.push_back({.id = "passport", .prefix = "A"});
    config.counters.push_back({.number = 1, .name = "1", .services = {0}});
    core::centre c(config, core::booking_config::defaults(config));
    core::time_point at{std::chrono::hours(24 * 20'000 + 10)};
    std::vector<core::event> events{core::booking_made{1, 0, at, "AZ-2026/00123", "+994 50 123 45 67", "egov", {1, 2}, at},
                                    core::booking_cancelled{1, at}};
    for (auto const& e : events) c.apply(e);  // published once applied and durable
    auto p = publish(c, events, 41, at);
    ASSERT_EQ(2u, p->events.size());
    std::vector<v1::BookingChange> changes{v1::BOOKING_CHANGE_MADE, v1::BOOKING_CHANGE_CANCELLED};
    for (std::size_t i = 0; i < p->events.size(); ++i) {
        auto const& e = *p->events[i];
        EXPECT_EQ(41 + i, e.sequence());
        ASSERT_EQ(v1::Event::kBookingChanged, e.kind_case()) << "the dashboard's view: the event itself";
        EXPECT_EQ(changes[i], e.booking_changed().change());
        EXPECT_EQ("AZ-2026/00123", e.booking_changed().booking().reference());
        EXPECT_EQ("passport", e.booking_changed().booking().service_id());
        EXPECT_EQ(std::string::npos, e.SerializeAsString().find("994")) << "never the phone";
        EXPECT_FALSE(board_copy(e).has_value()) << "boards and phones: nothing of it";
    }
    EXPECT_TRUE(p->lines.empty()) << "no queue changed";
}

}  // namespace
}  // namespace novbe::net
