// After the last ticket (docs/DOMAIN.md#last-ticket-cut-off): the kiosk says today's tickets are
// over and offers the refusal's slot on the centre's clock, in the citizen's language; the booking
// it makes prints as a slip whose QR code checks it in and whose code can be typed instead.
#include "escpos_reader.hpp"
#include "kiosk/check_in.hpp"
#include "kiosk/offer.hpp"

#include <gtest/gtest.h>

namespace novbe::kiosk {
namespace {

using testing::read_escpos;

constexpr long long monday_nine_baku_ms = 1'796'014'800'000;  // 2026-11-30 05:00 UTC

v1::Error passed(long long next_slot_ms) {
    v1::Error e;
    e.set_code(v1::ERROR_CODE_LAST_TICKET_PASSED);
    e.set_message("Today's tickets for this service are over.");
    e.set_next_slot_ms(next_slot_ms);
    return e;
}

v1::CentreInfo centre() {
    v1::CentreInfo c;
    c.set_name("ASAN xidmət No. 1");
    c.set_time_zone("Asia/Baku");
    c.add_languages("az");
    c.add_languages("en");
    auto& s = *c.add_services();
    s.set_id("passport");
    (*s.mutable_names())["en"] = "Passport";
    (*s.mutable_names())["ru"] = "Паспорт";
    (*s.mutable_agency_names())["en"] = "State Migration Service";
    return c;
}

v1::BookedVisit visit() {
    v1::BookedVisit b;
    b.mutable_booking()->set_service_id("passport");
    b.mutable_booking()->set_slot_ms(monday_nine_baku_ms);
    b.mutable_booking()->set_reference("7KQ2M9XA");
    b.set_token("0123456789abcdef0123456789abcdef");
    return b;
}

TEST(offer, says_the_days_tickets_are_over_and_offers_the_slot_on_the_centres_clock) {
    auto en = offer_screen(passed(monday_nine_baku_ms), "Passport", "en", "Asia/Baku");
    EXPECT_NE(std::string::npos, en.find("Today's tickets for Passport are over")) << en;
    EXPECT_NE(std::string::npos, en.find("We can book you a visit on 30.11.2026 at 09:00 instead.")) << en;
    auto ru = offer_screen(passed(monday_nine_baku_ms), "Паспорт", "ru", "Asia/Baku");
    EXPECT_NE(std::string::npos, ru.find("«Паспорт»")) << ru;
    EXPECT_NE(std::string::npos, ru.find("30.11.2026 в 09:00")) << ru;
    EXPECT_NE(std::string::npos, offer_answers("fr").find("  1  Réserver ce rendez-vous\n  0  Non merci"));
    EXPECT_TRUE(has_offer(passed(monday_nine_baku_ms)));
}

TEST(offer, with_no_slot_free_it_says_to_come_another_day_and_offers_nothing) {
    auto e = passed(0);
    EXPECT_FALSE(has_offer(e));
    auto text = offer_screen(e, "Passport", "en", "Asia/Baku");
    EXPECT_NE(std::string::npos, text.find("No booking is free in the coming days")) << text;
    EXPECT_EQ(std::string::npos, text.find("book you a visit")) << text;
}

TEST(offer, the_request_books_the_offered_slot_of_the_service) {
    auto m = book_offered_request("passport", monday_nine_baku_ms);
    ASSERT_TRUE(m.has_book_offered());
    EXPECT_EQ("passport", m.book_offered().service_id());
    EXPECT_EQ(monday_nine_baku_ms, m.book_offered().slot_ms());
}

TEST(offer, the_booking_slip_has_the_day_the_code_and_a_qr_code_the_check_in_reads) {
    auto slip = make_booking_slip(visit(), centre(), "http://10.0.0.5:8080", "en");
    auto p = read_escpos(to_escpos(slip));
    EXPECT_TRUE(p.has_line("Passport"));
    EXPECT_TRUE(p.has_line("State Migration Service"));
    EXPECT_TRUE(p.has_line("Your visit is booked: 30.11.2026 at 09:00."));
    EXPECT_TRUE(p.has_line("Booking code: 7KQ2M9XA"));
    ASSERT_EQ(1u, p.qr_codes.size());
    EXPECT_EQ("http://10.0.0.5:8080/book#0123456789abcdef0123456789abcdef", p.qr_codes[0]);
    EXPECT_EQ(1, p.cuts);
    // Scanned at the kiosk on the day, the QR code checks the booking in by its token.
    EXPECT_EQ("0123456789abcdef0123456789abcdef", check_in_request(p.qr_codes[0], "en").check_in().code());
    auto text = to_text(make_booking_slip(visit(), centre(), "http://h", "az"));
    EXPECT_NE(std::string::npos, text.find("Sifariş kodu: 7KQ2M9XA")) << text;
}

}  // namespace
}  // namespace novbe::kiosk
