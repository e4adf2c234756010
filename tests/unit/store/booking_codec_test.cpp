// Booking events survive the disk format: a day's bookings written and read back rebuild the same
// bookings; bytes of another kind, a vanished service or an over-long reference are refused.
#include "store/booking_codec.hpp"
#include "store/codec.hpp"
#include "store_fixture.hpp"

#include "../core/booking_fixture.hpp"

#include <gtest/gtest.h>

#include <set>

namespace novbe::store::testing {
namespace {

using namespace std::chrono;
using core::testing::booking_test;

class booking_codec : public booking_test {
protected:
    // Every kind: made, rescheduled, cancelled, checked in, lapsed, forgotten.
    void a_day_of_bookings() {
        ASSERT_EQ("ok", book("passport", at("09:00"), "AZ-1"));
        ASSERT_EQ("ok", run_booking(core::book_slot{1, at("09:30"), "AZ-2", "+994 50 123 45 67", "irembo", {9, 77}}));
        ASSERT_EQ("ok", book("passport", at("10:00"), "AZ-3"));
        ASSERT_EQ("ok", run_booking(core::reschedule_booking{token_of("AZ-3"), at("11:00")}));
        ASSERT_EQ("ok", run_booking(core::cancel_booking{token_of("AZ-3")}));
        now = at("08:45");
        ASSERT_EQ("A001^", arrive("AZ-1"));
        now = at("09:41");
        ASSERT_EQ("ok", run_booking(core::lapse_due{}));
        ASSERT_EQ("ok", book("passport", at("09:00", 2), "AZ-4"));
        now = at("09:45", 2);
        ASSERT_EQ("ok", run_booking(core::forget_ended{1}));  // Saturday's: AZ-1, AZ-2, AZ-3
        ASSERT_EQ(9u, booking_log.size());
    }
};

TEST_F(booking_codec, every_kind_round_trips_to_the_same_bookings) {
    a_day_of_bookings();
    core::bookings read(c.config(), b.config());
    for (auto const& ev : booking_log) {
        auto bytes = encode_booking_event(ev, c.config());
        auto back = decode_booking_event(bytes, c.config());
        EXPECT_EQ(ev.index(), back.index());
        EXPECT_EQ(bytes, encode_booking_event(back, c.config()));
        ASSERT_TRUE(read.can_apply(back));
        read.apply(back);
    }
    EXPECT_TRUE(read == b);
    EXPECT_EQ("AZ-4 A 09:00 active", render_bookings());
    std::set<std::size_t> kinds;
    for (auto const& ev : booking_log) kinds.insert(ev.index());
    EXPECT_EQ(std::variant_size_v<core::booking_event>, kinds.size());
}

// In the centre's log: the centre's own codec writes and reads them, into a centre that owns them.
TEST_F(booking_codec, the_centres_log_codec_carries_every_booking_event) {
    a_day_of_bookings();
    core::centre read(c.config(), b.config());
    for (auto const& ev : booking_log) {
        auto bytes = encode_event(core::as_event(ev), c.config());
        EXPECT_EQ(encode_booking_event(ev, c.config()), bytes);  // one disk form, whichever writes it
        auto back = decode_event(bytes, c.config());
        ASSERT_TRUE(read.can_apply(back));
        read.apply(back);
    }
    EXPECT_TRUE(read.appointments().all() == b.all());
}

TEST_F(booking_codec, a_snapshot_keeps_the_bookings_and_their_counts) {
    core::centre here(c.config(), core::testing::small_booking(c.config()));
    for (auto const& cmd : {core::book_slot{0, at("09:00"), "AZ-1", "+994 50", "irembo", {9, 1}},
                            core::book_slot{1, at("09:30"), "AZ-2", "", "phone", {9, 2}}}) {
        auto out = here.appointments().decide(cmd, now, here);
        ASSERT_TRUE(out.ok());
        for (auto const& ev : out.events) here.apply(core::as_event(ev));
    }
    now = at("09:41");
    for (auto const& ev : here.appointments().decide(core::lapse_due{}, now, here).events) here.apply(core::as_event(ev));
    auto image = decode_snapshot(encode_snapshot(here.image(), c.config()), c.config());
    EXPECT_TRUE(image.bookings == here.image().bookings);
    auto back = core::centre::from_image(c.config(), image, core::testing::small_booking(c.config()));
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(*back == here);
    EXPECT_EQ("+994 50", back->appointments().find(core::ticket_token{9, 1})->phone);
    EXPECT_EQ(3u, back->appointments().image().next_id);
}

TEST_F(booking_codec, a_bookings_phone_and_portal_are_kept) {
    ASSERT_EQ("ok", run_booking(core::book_slot{1, at("09:30"), "AZ-2", "+994 50 123 45 67", "irembo", {9, 77}}));
    auto back = std::get<core::booking_made>(decode_booking_event(encode_booking_event(booking_log[0], c.config()), c.config()));
    EXPECT_EQ("+994 50 123 45 67", back.phone);
    EXPECT_EQ("irembo", back.portal);
    EXPECT_EQ((core::ticket_token{9, 77}), back.token);
    EXPECT_EQ(at("09:30"), back.slot);
}

TEST_F(booking_codec, refuses_what_is_not_a_booking_event_of_this_centre) {
    a_day_of_bookings();
    auto made = encode_booking_event(booking_log.front(), c.config());
    auto fewer = c.config();
    fewer.services.erase(fewer.services.begin());  // passport is gone
    EXPECT_THROW(decode_booking_event(made, fewer), codec_error);
    EXPECT_THROW(decode_booking_event("not a protobuf \xff\xff", c.config()), codec_error);
    EXPECT_THROW(decode_booking_event(encode_event(log.front(), c.config()), c.config()), codec_error);  // a ticket's
    EXPECT_THROW(decode_event(made, fewer), codec_error);  // nor does the centre's log decoder
    auto long_reference = std::get<core::booking_made>(booking_log.front());
    long_reference.reference = std::string(65, 'x');
    EXPECT_THROW(decode_booking_event(encode_booking_event(long_reference, c.config()), c.config()), codec_error);
}

}  // namespace
}  // namespace novbe::store::testing

namespace novbe::store::testing {
namespace {

// Recovery builds the centre with the configured booking rules (log_options::booking): a
// restart keeps the bookings made and books by the same rules; without them nothing is bookable.
TEST_F(booking_codec, a_reopened_log_books_by_its_configured_rules) {
    temp_dir dir;
    auto rules = core::testing::small_booking(c.config());
    log_options options{.path = dir.file("centre.db"), .booking = rules};
    {
        auto opened = event_log::open(options, c.config());
        EXPECT_TRUE(opened.centre.appointments().config() == rules);
        auto const& here = opened.centre;
        auto out = here.appointments().decide(core::book_slot{0, at("09:00"), "AZ-1", "", "irembo", {9, 1}}, now, here);
        ASSERT_TRUE(out.ok()) << static_cast<int>(out.error);
        std::vector<core::event> events;
        for (auto const& ev : out.events) events.push_back(core::as_event(ev));
        ASSERT_FALSE(append_and_wait(*opened.log, events).ec);
        opened.log->close();
    }
    auto again = event_log::open(options, c.config());
    EXPECT_TRUE(again.centre.appointments().config() == rules);
    ASSERT_NE(nullptr, again.centre.appointments().find(core::ticket_token{9, 1}));
    EXPECT_EQ("AZ-1", again.centre.appointments().find(core::ticket_token{9, 1})->reference);
    auto second = again.centre.appointments().decide(core::book_slot{0, at("09:00"), "AZ-2", "", "irembo", {9, 2}}, now, again.centre);
    EXPECT_TRUE(second.ok()) << "the same rules take a second booking";
    again.log->close();
    options.booking.reset();
    auto none = event_log::open(options, c.config());
    auto refused = none.centre.appointments().decide(core::book_slot{0, at("09:30"), "AZ-3", "", "irembo", {9, 3}}, now, none.centre);
    EXPECT_EQ(core::booking_errc::not_bookable, refused.error);
}

}  // namespace
}  // namespace novbe::store::testing
