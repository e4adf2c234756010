// Staff's bookings through the dispatcher, over an in-memory log: a manager books a listed slot
// on a citizen's behalf under the HTTP API's rules, sees the day's bookings and cancels one; a
// clerk may not; the log names the manager as the author (docs/PROTOCOL.md#staff-bookings).
#include "dispatcher_rig.hpp"
#include "memory_log.hpp"
#include "net/booking_figures.hpp"
#include "net/dispatcher.hpp"
#include "net/staff_booking_handlers.hpp"

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using M = v1::ClientMessage;
using namespace std::chrono_literals;

constexpr core::time_point midnight{std::chrono::hours(24 * 20'000)};  // day 20000 (2024-10-04), UTC+4 below

core::centre_config config() {
    core::centre_config c;
    c.services.push_back({.id = "passport", .prefix = "A"});
    c.services.push_back({.id = "tax", .prefix = "T"});
    c.counters.push_back({.number = 1, .name = "1", .services = {0, 1}});
    c.rules.utc_offset = 4h;
    return c;
}

core::booking_config bookable_passport_only() {
    auto b = core::booking_config::defaults(config());
    b.services[1].bookable = false;
    return b;
}

// The memory log, keeping who each written request's events are logged as.
class authored_log final : public store::durable_log {
public:
    void append(std::vector<request> requests) override {
        for (auto const& r : requests)
            if (!r.events.empty()) authors.push_back(r.by.name);
        inner.append(std::move(requests));
    }
    std::string failure() const override { return inner.failure(); }
    testing::memory_log inner;
    std::vector<std::string> authors;
};

class staff_booking_test : public ::testing::Test {
protected:
    staff_booking_test()
        : centre_(io_.get_executor(), log_, core::centre(config(), bookable_passport_only()), 0, [this] { return now_; },
                  hub_),
          dispatch_(centre_, settings_, io_.get_executor(), io_.get_executor()) {}

    static core::time_point today(core::duration local) { return midnight - 4h + local; }
    static settings make_settings() {
        settings s;
        s.centre = config();
        s.profile.languages = {"en"};
        return s;
    }
    v1::ServerMessage ask(M m, identity const& who) {
        m.set_request_id(++id_);
        return testing::answer_when_durable(dispatch_, io_, log_.inner, m, who, 10ms);
    }
    v1::ServerMessage list(std::string service = "", std::string day = "") {
        M m;
        m.mutable_list_bookings()->set_service_id(std::move(service));
        m.mutable_list_bookings()->set_day(std::move(day));
        return ask(m, manager_);
    }
    v1::ServerMessage book(std::int64_t slot_ms, std::string reference, std::string service = "passport",
                           identity const* who = nullptr) {
        M m;
        auto& b = *m.mutable_book_visit();
        b.set_service_id(std::move(service));
        b.set_slot_ms(slot_ms);
        b.set_reference(std::move(reference));
        b.set_phone("+994 50 123 45 67");
        return ask(m, who ? *who : manager_);
    }
    v1::ServerMessage cancel(std::uint32_t booking) {
        M m;
        m.mutable_cancel_booking()->set_booking(booking);
        return ask(m, manager_);
    }
    std::int64_t first_free_slot() {
        auto l = list("passport");
        EXPECT_TRUE(l.has_reply()) << l.DebugString();
        EXPECT_FALSE(l.reply().bookings().slots().empty()) << l.DebugString();
        return l.reply().bookings().slots().empty() ? 0 : l.reply().bookings().slots(0).start_ms();
    }

    boost::asio::io_context io_;
    authored_log log_;
    hub hub_;
    settings settings_ = make_settings();
    core::time_point now_ = today(10h + 10min);
    centre_service centre_;
    dispatcher dispatch_;
    std::uint64_t id_ = 0;
    identity manager_{.kind = role::manager, .user = "leyla", .address = "10.0.0.9"};
};

TEST_F(staff_booking_test, a_manager_books_a_listed_slot_and_the_day_lists_it_with_the_manager_as_its_author) {
    auto slot = first_free_slot();
    EXPECT_GE(slot, unix_ms(now_));  // only slots not yet begun are offered
    auto made = book(slot, "APP-1");
    ASSERT_TRUE(made.has_reply()) << made.DebugString();
    auto const& row = made.reply().booked_visit().booking();
    EXPECT_EQ("passport", row.service_id());
    EXPECT_EQ(slot, row.slot_ms());
    EXPECT_EQ(v1::BOOKING_STATE_ACTIVE, row.state());
    EXPECT_EQ("staff:leyla", row.by()) << "a portal named leyla is another author";
    EXPECT_EQ(32u, made.reply().booked_visit().token().size());
    EXPECT_EQ(std::vector<std::string>{"leyla"}, log_.authors);

    auto day = list();
    ASSERT_TRUE(day.has_reply()) << day.DebugString();
    EXPECT_EQ("2024-10-04", day.reply().bookings().day());
    ASSERT_EQ(1, day.reply().bookings().bookings_size());
    EXPECT_EQ("APP-1", day.reply().bookings().bookings(0).reference());
    EXPECT_TRUE(day.reply().bookings().slots().empty());  // slots only for one service
    // The slot's free count went down by one, as the API would list it.
    auto after = list("passport").reply().bookings().slots(0);
    auto before_free = after.capacity();
    EXPECT_EQ(before_free - 1, after.free());
    EXPECT_EQ(0, list("", "2024-10-05").reply().bookings().bookings_size());
}

TEST_F(staff_booking_test, the_api_rules_hold_one_active_booking_per_reference_and_service_and_no_past_or_odd_slot) {
    auto slots = list("passport").reply().bookings().slots();
    ASSERT_GE(slots.size(), 2);
    auto slot = slots[0].start_ms();
    ASSERT_TRUE(book(slot, "APP-1").has_reply());
    EXPECT_EQ(v1::ERROR_CODE_ALREADY_BOOKED, book(slots[1].start_ms(), "APP-1").error().code());  // another slot, same service
    EXPECT_EQ(v1::ERROR_CODE_SLOT_UNAVAILABLE, book(unix_ms(today(9h)), "APP-2").error().code());   // begun
    EXPECT_EQ(v1::ERROR_CODE_SLOT_UNAVAILABLE, book(slot + 1, "APP-2").error().code());              // not a start
    EXPECT_EQ(v1::ERROR_CODE_SERVICE_NOT_BOOKABLE, book(slot, "APP-2", "tax").error().code());
    EXPECT_EQ(v1::ERROR_CODE_UNKNOWN_SERVICE, book(slot, "APP-2", "visa").error().code());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, book(slot, "").error().code());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, book(slot, std::string(65, 'A')).error().code());
    EXPECT_EQ(1, list().reply().bookings().bookings_size());  // refusals wrote nothing
    EXPECT_EQ(1u, log_.authors.size());
}

TEST_F(staff_booking_test, a_full_slot_is_refused_as_full) {
    auto l = list("passport").reply().bookings().slots(0);
    for (std::uint32_t i = 0; i < l.free(); ++i)
        ASSERT_TRUE(book(l.start_ms(), "APP-" + std::to_string(i)).has_reply()) << i;
    EXPECT_EQ(0u, list("passport").reply().bookings().slots(0).free());
    EXPECT_EQ(v1::ERROR_CODE_SLOT_FULL, book(l.start_ms(), "APP-LAST").error().code());
}

TEST_F(staff_booking_test, a_cancelled_booking_frees_its_slot_and_cannot_be_cancelled_twice) {
    auto made = book(first_free_slot(), "APP-1");
    auto id = made.reply().booked_visit().booking().booking();
    auto gone = cancel(id);
    ASSERT_TRUE(gone.has_reply()) << gone.DebugString();
    EXPECT_EQ(v1::BOOKING_STATE_CANCELLED, gone.reply().booking().state());
    auto s = list("passport").reply().bookings().slots(0);
    EXPECT_EQ(s.capacity(), s.free());
    EXPECT_EQ(v1::ERROR_CODE_BOOKING_NOT_ACTIVE, cancel(id).error().code());
    EXPECT_EQ(v1::ERROR_CODE_UNKNOWN_BOOKING, cancel(id + 100).error().code());
    EXPECT_TRUE(book(made.reply().booked_visit().booking().slot_ms(), "APP-1").has_reply());  // the reference is free again
}

TEST_F(staff_booking_test, clerks_may_not_book_list_or_cancel) {
    identity clerk{.kind = role::clerk, .user = "aygun"};
    EXPECT_EQ(v1::ERROR_CODE_PERMISSION_DENIED, book(first_free_slot(), "APP-1", "passport", &clerk).error().code());
    M m;
    m.mutable_list_bookings();
    EXPECT_EQ(v1::ERROR_CODE_PERMISSION_DENIED, ask(m, clerk).error().code());
    EXPECT_TRUE(log_.authors.empty());
}

TEST_F(staff_booking_test, a_day_that_is_not_a_date_is_refused) {
    for (auto day : {"2024-13-01", "2024-10-4", "yesterday", "2024-10-04x"}) {
        auto refused = list("", day).error();
        EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, refused.code()) << day;
        EXPECT_EQ("day must be a date YYYY-MM-DD, such as 2026-12-01, or empty for today.", refused.message()) << day;
    }
    EXPECT_EQ(v1::ERROR_CODE_UNKNOWN_SERVICE, list("visa").error().code());
}

TEST_F(staff_booking_test, a_date_out_of_range_is_told_which_days_are_taken) {
    auto refused = list("", "1900-01-01").error();
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, refused.code());
    EXPECT_EQ("day 1900-01-01 is out of range: ListBookings takes a day from 1970-01-01 to 9999-12-31, or empty for today.",
              refused.message());
    EXPECT_TRUE(list("", "1970-01-01").has_reply());
}

// The dashboard's figures: today's bookings per service and for the centre; a cancelled one is
// not counted. Before the day's first ticket, too: bookings come first.
TEST_F(staff_booking_test, todays_statistics_count_the_days_bookings_per_service_and_for_the_centre) {
    auto slot = first_free_slot();
    ASSERT_TRUE(book(slot, "APP-1").has_reply());
    auto second = book(slot, "APP-2");
    ASSERT_TRUE(cancel(second.reply().booked_visit().booking().booking()).has_reply());
    M m;
    m.mutable_get_statistics();
    auto s = ask(m, manager_);
    ASSERT_TRUE(s.has_reply()) << s.DebugString();
    auto const& st = s.reply().statistics();
    ASSERT_EQ(2, st.by_service_size());
    EXPECT_EQ(1u, st.by_service(0).bookings());
    EXPECT_EQ(0u, st.by_service(0).bookings_checked_in());
    EXPECT_EQ(0u, st.by_service(1).bookings());
    EXPECT_EQ(1u, st.centre().bookings());
    EXPECT_EQ(0u, st.centre().no_show_percent());

    M follow;  // a dashboard opened now: its snapshot's figures say the same
    follow.mutable_subscribe()->set_view(v1::VIEW_DASHBOARD);
    auto opened = ask(follow, manager_);
    ASSERT_TRUE(opened.has_snapshot()) << opened.DebugString();
    EXPECT_EQ(1u, opened.snapshot().statistics().centre().bookings());
    EXPECT_EQ(1u, opened.snapshot().statistics().by_service(0).bookings());
}

TEST(booking_figures, p90_is_the_nearest_rank_wait_nine_in_ten_did_not_exceed) {
    std::vector<core::duration> none;
    EXPECT_EQ(core::duration{}, p90(none));
    std::vector<core::duration> one{5min};
    EXPECT_EQ(core::duration{5min}, p90(one));
    std::vector<core::duration> ten;
    for (int i = 10; i >= 1; --i) ten.push_back(std::chrono::minutes(i));
    EXPECT_EQ(core::duration{9min}, p90(ten));
    ten.push_back(60min);  // 11 calls: rank 10
    EXPECT_EQ(core::duration{10min}, p90(ten));
}

}  // namespace
}  // namespace novbe::net
