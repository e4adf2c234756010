// The kiosk's booking after the last ticket (docs/DOMAIN.md#last-ticket-cut-off,
// docs/PROTOCOL.md#bookoffered) on the real server over loopback: a kiosk books the offered slot
// for the citizen in front of it, gets the QR token and a short code, and the manager's day lists
// the booking; a retry with the same key books nothing more; nobody but a kiosk may send it.
#include "api_client.hpp"
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace novbe::testing {
namespace {

// Tomorrow's 09:00 in Baku (UTC+4), the demo's first passport slot, in Unix ms.
std::int64_t tomorrow_at_nine_ms() {
    auto day = core::parse_date(baku_date(1));
    return (static_cast<std::int64_t>(*day) * 86'400 + 5 * 3'600) * 1'000;
}

v1::ClientMessage offered(std::int64_t slot_ms, std::string const& key, std::string const& service = "passport") {
    v1::ClientMessage m;
    m.set_idempotency_key(key);
    m.mutable_book_offered()->set_service_id(service);
    m.mutable_book_offered()->set_slot_ms(slot_ms);
    return m;
}

class book_offered : public ::testing::Test {
protected:
    void SetUp() override { process.start(); }
    ws_client as(v1::Role role, std::string const& user = "", std::string const& secret = "") {
        ws_client c(process.port());
        auto w = c.hello(role, user, secret);
        EXPECT_TRUE(w.has_reply()) << w.DebugString();
        return c;
    }
    v1::BookingList tomorrow() {
        auto manager = as(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
        v1::ClientMessage list;
        list.mutable_list_bookings()->set_day(baku_date(1));
        auto r = manager.request(list);
        EXPECT_TRUE(r.has_reply()) << r.DebugString();
        return r.reply().bookings();
    }
    server_process process;
};

TEST_F(book_offered, a_kiosk_books_the_offered_slot_with_a_code_and_the_managers_day_lists_it_once) {
    auto kiosk = as(v1::ROLE_KIOSK, server_process::kiosk_token);
    auto slot = tomorrow_at_nine_ms();
    auto made = kiosk.request(offered(slot, "offer-1"));
    ASSERT_TRUE(made.has_reply() && made.reply().has_booked_visit()) << made.DebugString();
    auto const& visit = made.reply().booked_visit();
    EXPECT_TRUE(std::regex_match(visit.token(), std::regex("[0-9a-f]{32}"))) << visit.token();
    EXPECT_TRUE(std::regex_match(visit.booking().reference(), std::regex("[2-9A-HJKMNP-Z]{8}"))) << visit.booking().reference();
    EXPECT_EQ("kiosk", visit.booking().by());
    EXPECT_EQ(slot, visit.booking().slot_ms());
    EXPECT_EQ(v1::BOOKING_STATE_ACTIVE, visit.booking().state());

    auto again = kiosk.request(offered(slot, "offer-1"));  // the kiosk's retry after a lost answer
    ASSERT_TRUE(again.has_reply()) << again.DebugString();
    EXPECT_EQ(visit.token(), again.reply().booked_visit().token());

    auto day = tomorrow();
    ASSERT_EQ(1, day.bookings_size()) << day.DebugString();
    EXPECT_EQ(visit.booking().reference(), day.bookings(0).reference());
    EXPECT_EQ("kiosk", day.bookings(0).by());

    auto other = kiosk.request(offered(slot, "offer-2"));  // another citizen, another code
    ASSERT_TRUE(other.has_reply()) << other.DebugString();
    EXPECT_NE(visit.booking().reference(), other.reply().booked_visit().booking().reference());
    EXPECT_EQ(2, tomorrow().bookings_size());
}

TEST_F(book_offered, only_a_kiosk_may_send_it) {
    auto slot = tomorrow_at_nine_ms();
    auto manager = as(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(manager.request(offered(slot, "m-1"))));
    auto board = as(v1::ROLE_BOARD);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(board.request(offered(slot, "b-1"))));
    EXPECT_EQ(0, tomorrow().bookings_size());
}

TEST_F(book_offered, a_slot_that_is_not_one_is_refused_as_booking_visit_would_be) {
    auto kiosk = as(v1::ROLE_KIOSK, server_process::kiosk_token);
    EXPECT_EQ("ERROR_CODE_SLOT_UNAVAILABLE", error_name(kiosk.request(offered(tomorrow_at_nine_ms() + 60'000, "k-1"))));
    EXPECT_EQ("ERROR_CODE_UNKNOWN_SERVICE", error_name(kiosk.request(offered(tomorrow_at_nine_ms(), "k-2", "nope"))));
    EXPECT_EQ(0, tomorrow().bookings_size());
}

}  // namespace
}  // namespace novbe::testing
