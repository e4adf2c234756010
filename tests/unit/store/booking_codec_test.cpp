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

// A booking staff made carries "staff:" and the user's name, up to 70 bytes: the engine takes it,
// so the log must read it back (a bound of its own, shorter, left a log no restart could read).
TEST_F(booking_codec, a_staff_booking_by_the_longest_user_name_is_read_back) {
    auto author = std::string(core::staff_booking_prefix) + std::string(64, 'u');
    ASSERT_EQ(core::max_booking_author, author.size());
    ASSERT_EQ("ok", run_booking(core::book_slot{1, at("09:30"), "AZ-2", "", author, {9, 77}}));
    auto back = std::get<core::booking_made>(decode_booking_event(encode_booking_event(booking_log[0], c.config()), c.config()));
    EXPECT_EQ(author, back.portal);
    core::centre here(c.config(), b.config());
    here.apply(core::as_event(booking_log[0]));
    auto image = decode_snapshot(encode_snapshot(here.image(), c.config()), c.config());
    EXPECT_TRUE(image.bookings == here.image().bookings);
    auto longer = std::get<core::booking_made>(booking_log[0]);
    longer.portal += "u";
    EXPECT_THROW(decode_booking_event(encode_booking_event(longer, c.config()), c.config()), codec_error);
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

namespace novbe::store::testing {
namespace {

// Retention (docs/DOMAIN.md#appointments): a booking whose slot is older than retention_days
// loses reference, phone and token from the log, its event kept and marked erased; the engine
// forgets it (forget_ended); a restart that replays the whole log still reads every event.
TEST_F(booking_codec, retention_erases_an_old_bookings_personal_data_and_a_restart_replays) {
    temp_dir dir;
    auto rules = core::testing::small_booking(c.config());
    log_options options{.path = dir.file("centre.db"), .retention_days = 1, .booking = rules};
    auto opened = event_log::open(options, c.config());
    auto here = opened.centre;
    auto append = [&](std::vector<core::event> events) {
        for (auto const& ev : events) here.apply(ev);
        ASSERT_FALSE(append_and_wait(*opened.log, events).ec);
    };
    auto run = [&](core::booking_command const& cmd, core::time_point t) {
        std::vector<core::event> events;
        for (auto const& ev : here.appointments().decide(cmd, t, here).events) events.push_back(core::as_event(ev));
        append(events);
    };
    append(here.decide(core::tick{}, at("08:00")).events());  // the day starts
    run(core::book_slot{0, at("09:00"), "AZ-OLD", "+994 50 111", "irembo", {9, 1}}, at("08:00"));
    run(core::book_slot{0, at("09:00", 5), "AZ-NEW", "+994 50 222", "irembo", {9, 2}}, at("08:01"));
    append(here.decide(core::tick{}, at("09:41")).events());  // AZ-OLD lapses
    // Three days on, as the server's tick does: the engine forgets AZ-OLD, then the new day
    // starts (its snapshot without AZ-OLD) and the store's retention runs.
    run(core::forget_ended{1}, at("08:00", 3));
    append(here.decide(core::tick{}, at("08:00", 3)).events());
    opened.log->close();

    database db(options.path);
    auto holding = [&](std::string const& text) {
        return db.query_int("SELECT count(*) FROM events WHERE instr(body, '" + text + "') > 0") +
               db.query_int("SELECT count(*) FROM snapshots WHERE instr(body, '" + text + "') > 0");
    };
    EXPECT_EQ(0, holding("AZ-OLD")) << "the old booking's reference is gone from events and snapshots";
    EXPECT_EQ(0, holding("+994 50 111"));
    EXPECT_GT(holding("AZ-NEW"), 0) << "a booking still to come keeps its reference";
    statement made(db, "SELECT body FROM events WHERE kind = ?1 ORDER BY seq");
    made.bind(1, kind_of<core::booking_made>);
    ASSERT_TRUE(made.step());
    auto erased = std::get<core::booking_made>(decode_event(made.column_blob(0), c.config()));
    EXPECT_EQ("erased-1", erased.reference);
    EXPECT_EQ("", erased.phone);
    EXPECT_EQ((core::ticket_token{0, 1}), erased.token);
    EXPECT_EQ(at("09:00"), erased.slot) << "its service and slot stay, for the counts";
    db.exec("DELETE FROM snapshots");  // the restart replays every event, the erased one too

    auto again = event_log::open(options, c.config());
    EXPECT_EQ(nullptr, again.centre.appointments().find(core::ticket_token{9, 1}));
    ASSERT_NE(nullptr, again.centre.appointments().find(core::ticket_token{9, 2}));
    EXPECT_EQ("AZ-NEW", again.centre.appointments().find(core::ticket_token{9, 2})->reference);
    EXPECT_TRUE(again.centre.appointments().all() == here.appointments().all());
    EXPECT_EQ(here.appointments().no_show_percent(0), again.centre.appointments().no_show_percent(0));
}

}  // namespace
}  // namespace novbe::store::testing
