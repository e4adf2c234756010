// Events and snapshots survive the disk format; bad bytes and vanished services are refused.
#include "store/codec.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

namespace novbe::store::testing {
namespace {

core::day_number today_plus(int days) { return core::day_of(core::testing::morning(), std::chrono::hours(4), {}) + days; }

TEST(codec, every_kind_of_event_round_trips) {
    event_source source;
    auto events = source.busy_minutes(30);
    auto add = [&](core::command const& cmd) {
        auto more = source.run(cmd);
        ASSERT_FALSE(more.empty()) << "command " << cmd.index() << " was refused";
        events.insert(events.end(), more.begin(), more.end());
    };
    for (int i = 0; i < 4; ++i) add(core::issue_ticket{0, core::priority_class::appointment, "en", {9, 9u + i},
                                                       core::testing::morning() + std::chrono::hours(1)});
    auto counter = source.centre().find_counter(1);
    if (counter->current && source.centre().tickets()[*counter->current].state == core::ticket_state::called)
        add(core::start_serving{1, "clerk1"});
    if (source.centre().find_counter(1)->current) add(core::complete_service{1, "", "clerk1"});
    add(core::call_next{1, "clerk1"});
    add(core::recall_ticket{1, "clerk1"});
    add(core::mark_no_show{1, "clerk1"});
    add(core::call_next{1, "clerk1"});
    add(core::start_serving{1, "clerk1"});
    add(core::take_over_counter{1, "mira", "clerk1 went home ill", "clerk_absent"});
    add(core::transfer_ticket{1, 1, "mira"});
    add(core::cancel_ticket{source.centre().number_of(source.centre().tickets().back()), "wrong_service"});
    add(core::pause_counter{1, "lunch", "mira"});
    add(core::resume_counter{1, "mira"});
    add(core::close_counter{1, "mira"});
    add(core::close_day{});
    add(core::set_hall_message{"Counter 4 closes at 16:00", "leyla"});
    add(core::add_user{"aysel", core::staff_role::admin, "$argon2id$x", "config"});  // docs/SETUP.md
    add(core::add_device{"pad 1", core::device_kind::rating_pad, "hash-1", 1, "aysel"});
    // docs/SETUP.md#services-and-counters-at-runtime
    add(core::add_service{{.id = "visa", .prefix = "V", .names = {{"en", "Visas"}}, .agency = "Migration",
                                .agency_names = {{"en", "Migration"}}}, "aysel"});  // a new agency comes with its names
    add(core::add_counter{{.number = 9, .name = "Visa desk", .services = {0, 1}}, "aysel"});
    // docs/SETUP.md#hours-and-holidays: the whole calendar, each time.
    add(core::set_exception{today_plus(9), core::day_hours{std::chrono::hours(9), std::chrono::hours(13)}, "aysel"});
    // docs/DOMAIN.md#alerts-before-a-breach: decided by the tick from the forecast, so written here.
    auto at = core::testing::morning() + std::chrono::hours(2);
    events.push_back(core::alert_changed{0, {.level = core::alert_level::maximum, .breach_at = at + std::chrono::minutes(12),
                                             .could_open = {2, 3}, .counters_needed = 2}, at});
    std::set<std::size_t> kinds;
    auto config = source.centre().config();
    for (auto const& ev : events) {
        kinds.insert(ev.index());
        auto back = decode_event(encode_event(ev, config), config);
        EXPECT_EQ(encode_event(ev, config), encode_event(back, config));
        EXPECT_EQ(ev.index(), back.index());
    }
    // Bookings' kinds: booking_codec.the_centres_log_codec_carries_every_booking_event.
    EXPECT_EQ(std::variant_size_v<core::event> - std::variant_size_v<core::booking_event>, kinds.size());
}

// docs/SETUP.md#hours-and-holidays: an admin's calendar wins over the file's through a snapshot;
// a centre whose calendar is the file's writes none, so a later file's hours are read again.
TEST(codec, an_admins_calendar_survives_a_snapshot_and_the_files_is_not_written) {
    event_source source;
    source.busy_minutes(5);
    auto plain = decode_snapshot(encode_snapshot(source.centre().image(), source.centre().config()), source.centre().config());
    EXPECT_FALSE(plain.calendar);
    std::array<std::optional<core::day_hours>, 7> week;
    week[0] = core::day_hours{std::chrono::hours(8), std::chrono::hours(13)};
    ASSERT_FALSE(source.run(core::set_weekly_hours{week, "aysel"}).empty());
    ASSERT_FALSE(source.run(core::set_holiday{today_plus(3), true, "aysel"}).empty());
    auto const& c = source.centre();
    auto image = decode_snapshot(encode_snapshot(c.image(), c.config()), c.config());
    ASSERT_TRUE(image.calendar);
    EXPECT_EQ(c.appointments().config().calendar, *image.calendar);
    auto rebuilt = core::centre::from_image(c.config(), image);
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_TRUE(*rebuilt == c);
    EXPECT_FALSE(rebuilt->appointments().config().calendar.weekly[1]) << "Tuesday closed, as the admin said";
}

TEST(codec, a_snapshot_rebuilds_the_same_centre) {
    event_source source;
    source.busy_minutes(50);
    auto const& c = source.centre();
    auto image = decode_snapshot(encode_snapshot(c.image(), c.config()), c.config());
    auto rebuilt = core::centre::from_image(c.config(), image);
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_TRUE(*rebuilt == c);
}

TEST(codec, a_line_s_alert_survives_a_snapshot) {
    event_source source;
    source.busy_minutes(20);
    auto at = core::testing::morning() + std::chrono::hours(1);
    core::line_alert alert{.level = core::alert_level::target, .breach_at = at + std::chrono::minutes(9), .could_open = {3}, .counters_needed = 1};
    auto c = source.centre();
    c.apply(core::alert_changed{1, alert, at});
    auto image = decode_snapshot(encode_snapshot(c.image(), c.config()), c.config());
    ASSERT_EQ(c.config().services.size(), image.alerts.size());
    EXPECT_EQ(alert, image.alerts[1]);
    EXPECT_EQ(core::line_alert{}, image.alerts[0]);
    auto rebuilt = core::centre::from_image(c.config(), image);
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_TRUE(*rebuilt == c);
}

TEST(codec, a_takeover_a_closed_day_and_the_hall_message_survive_a_snapshot) {
    event_source source;
    source.busy_minutes(20);
    auto clerk = source.centre().find_counter(2)->clerk;
    if (!source.centre().find_counter(2)->current) source.run(core::call_next{2, clerk});
    ASSERT_FALSE(source.run(core::take_over_counter{2, "mira", "relief", "clerk_absent"}).empty());
    ASSERT_FALSE(source.run(core::close_day{}).empty());
    ASSERT_FALSE(source.run(core::set_hall_message{"Closed on Monday", "leyla"}).empty());
    ASSERT_FALSE(source.run(core::add_user{"aysel", core::staff_role::manager, "$argon2id$x", "config"}).empty());
    ASSERT_FALSE(source.run(core::change_user{.name = "aysel", .disabled = true, .by = "root"}).empty());
    ASSERT_FALSE(source.run(core::add_device{"pad 1", core::device_kind::rating_pad, "hash-1", 1, "root"}).empty());
    ASSERT_FALSE(source.run(core::change_device{.name = "pad 1", .revoke = true, .by = "root"}).empty());
    auto const& c = source.centre();
    auto rebuilt = core::centre::from_image(c.config(), decode_snapshot(encode_snapshot(c.image(), c.config()), c.config()));
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_TRUE(rebuilt->closed());
    EXPECT_EQ("Closed on Monday", rebuilt->hall_message());
    EXPECT_EQ("mira", rebuilt->tickets()[*rebuilt->find_counter(2)->current].current().credited());
    EXPECT_TRUE(rebuilt->roster().find_user("aysel")->disabled) << "the set-up survives a snapshot";
    EXPECT_TRUE(rebuilt->roster().devices.at(0).revoked);
    EXPECT_TRUE(*rebuilt == c);
}

TEST(codec, the_ratio_rules_count_survives_a_snapshot) {
    auto config = core::testing::small_centre();
    config.rules.normal_per_priority = 2;  // docs/DOMAIN.md#priority-ratio
    core::centre c(config);
    auto run = [&](core::command const& cmd) {
        auto out = c.decide(cmd, core::testing::morning());
        ASSERT_TRUE(out.ok());
        for (auto const& ev : out.events()) c.apply(ev);
    };
    run(core::open_counter{1, "anna"});
    run(core::issue_ticket{0, core::priority_class::priority, "en", {1, 1}});
    run(core::call_next{1, "anna"});
    ASSERT_EQ(2, c.find_counter(1)->normals_owed);
    auto rebuilt = core::centre::from_image(config, decode_snapshot(encode_snapshot(c.image(), config), config));
    ASSERT_TRUE(rebuilt.has_value());
    EXPECT_EQ(2, rebuilt->find_counter(1)->normals_owed);
    EXPECT_TRUE(*rebuilt == c);
}

TEST(codec, garbage_and_vanished_services_are_refused_with_a_reason) {
    auto config = core::testing::small_centre();
    EXPECT_THROW(decode_event("\xff\xff\xff", config), codec_error);
    EXPECT_THROW(decode_event("", config), codec_error);  // no kind
    auto bytes = encode_event(core::ticket_issued{.service = 2, .sequence = 1, .token = {1, 1}}, config);
    config.services.pop_back();  // notary is gone
    try {
        decode_event(bytes, config);
        FAIL() << "decoded an event of a service the configuration lacks";
    } catch (codec_error const& e) {
        EXPECT_STREQ("it names service 'notary', which the configuration does not have", e.what());
    }
}

}  // namespace
}  // namespace novbe::store::testing
