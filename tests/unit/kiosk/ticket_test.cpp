// A printed ticket read back as the printer would: the number, the words in the citizen's
// language and the right code page, a QR code that opens the ticket's page, and a cut.
#include "escpos_reader.hpp"
#include "kiosk/texts.hpp"
#include "kiosk/ticket.hpp"

#include <gtest/gtest.h>

namespace novbe::kiosk {
namespace {

using testing::read_escpos;

v1::CentreInfo centre() {
    v1::CentreInfo c;
    c.set_name("ASAN xidmət No. 1");
    c.set_time_zone("Asia/Baku");
    c.add_languages("az");
    c.add_languages("en");
    auto& s = *c.add_services();
    s.set_id("passport");
    s.set_prefix("A");
    (*s.mutable_names())["az"] = "Ümumvətəndaş pasportu";
    (*s.mutable_names())["en"] = "Passport";
    (*s.mutable_names())["ru"] = "Общегражданский паспорт";
    (*s.mutable_names())["fr"] = "Passeport";
    (*s.mutable_agency_names())["en"] = "State Migration Service";
    (*s.mutable_agency_names())["az"] = "Dövlət Miqrasiya Xidməti";
    return c;
}

v1::IssuedTicket issued(std::string const& language, std::uint32_t ahead = 3) {
    v1::IssuedTicket t;
    t.set_number("A012");
    t.set_service_id("passport");
    t.set_people_ahead(ahead);
    t.set_estimated_wait_s(11 * 60 + 5);
    t.set_issued_at_ms(1'795'854'100'000);  // 2026-11-28 08:21:40 UTC
    t.set_token("0123456789abcdef0123456789abcdef");
    t.set_language(language);
    t.set_priority(v1::PRIORITY_CLASS_NORMAL);
    t.set_open_counters(2);
    return t;
}

TEST(ticket, english_ticket_has_number_service_wait_qr_and_cut) {
    auto t = make_ticket(issued("en"), centre(), "http://10.0.0.5:8080", local_time_text(1'795'854'100'000, "Asia/Baku"));
    auto p = read_escpos(to_escpos(t));
    EXPECT_TRUE(p.has_line("A012"));
    EXPECT_TRUE(p.has_line("Passport"));
    EXPECT_TRUE(p.has_line("State Migration Service"));
    EXPECT_TRUE(p.has_line("People ahead of you: 3"));
    EXPECT_TRUE(p.has_line("Estimated wait: about 12 min"));
    EXPECT_TRUE(p.has_line("28.11.2026 12:21"));  // Baku is UTC+4
    ASSERT_EQ(1u, p.qr_codes.size());
    EXPECT_EQ("http://10.0.0.5:8080/t/0123456789abcdef0123456789abcdef", p.qr_codes[0]);
    EXPECT_EQ(1, p.cuts);
    EXPECT_TRUE(p.cut_at_end);
}

TEST(ticket, the_estimate_is_printed_as_a_range_in_the_ticket_s_language) {
    auto t = issued("en");
    t.set_estimated_low_s(9 * 60 + 40);
    t.set_estimated_high_s(16 * 60);
    EXPECT_TRUE(read_escpos(to_escpos(make_ticket(t, centre(), "http://h", ""))).has_line("Estimated wait: about 9–16 min"));
    t.set_language("ru");
    EXPECT_TRUE(read_escpos(to_escpos(make_ticket(t, centre(), "http://h", ""))).has_line("Ожидание: около 9–16 мин"));
}

TEST(ticket, with_no_counter_open_for_the_service_it_says_so_instead_of_an_estimate) {
    auto none = issued("en");
    none.set_open_counters(0);
    auto p = read_escpos(to_escpos(make_ticket(none, centre(), "http://10.0.0.5:8080", "")));
    EXPECT_TRUE(p.has_line("No counter is open for this service now."));
    EXPECT_FALSE(p.has_line("Estimated wait: about 12 min"));
    none.set_language("az");
    auto az = read_escpos(to_escpos(make_ticket(none, centre(), "http://10.0.0.5:8080", "")));
    EXPECT_TRUE(az.has_line("Hazırda bu xidmät üçün açıq masa yoxdur."));  // ə prints as ä (the Turkish code page)
}

TEST(ticket, the_qr_code_opens_the_centres_public_address_unless_the_kiosk_names_another) {
    auto c = centre();
    EXPECT_EQ("http://10.0.0.5:8080", status_base("", c, "http://10.0.0.5:8080"));  // none configured
    c.set_public_url("https://novbe.example.az");
    EXPECT_EQ("https://novbe.example.az", status_base("", c, "http://10.0.0.5:8080"));
    EXPECT_EQ("http://hall.local", status_base("http://hall.local/", c, "http://10.0.0.5:8080"));  // --status-url
    auto t = make_ticket(issued("en"), c, status_base("", c, "http://10.0.0.5:8080"), "28.11.2026 12:21");
    auto p = read_escpos(to_escpos(t));
    ASSERT_EQ(1u, p.qr_codes.size());
    EXPECT_EQ("https://novbe.example.az/t/0123456789abcdef0123456789abcdef", p.qr_codes[0]);
}

TEST(ticket, azerbaijani_letters_print_in_the_turkish_code_page_with_schwa_as_a_umlaut) {
    auto p = read_escpos(to_escpos(make_ticket(issued("az"), centre(), "http://x", "28.11.2026 12:21")));
    EXPECT_TRUE(p.has_line("Ümumvätändaş pasportu"));
    EXPECT_TRUE(p.has_line("Dövlät Miqrasiya Xidmäti"));
    EXPECT_TRUE(p.has_line("ASAN xidmät No. 1"));
    EXPECT_TRUE(p.contains("täxminän 12 däq"));
}

TEST(ticket, russian_prints_in_cyrillic_and_the_centre_name_switches_page) {
    auto p = read_escpos(to_escpos(make_ticket(issued("ru", 0), centre(), "http://x", "")));
    EXPECT_TRUE(p.has_line("Общегражданский паспорт"));
    EXPECT_TRUE(p.has_line("Вы следующий"));
    EXPECT_TRUE(p.has_line("ASAN xidmät No. 1"));  // not in 1251: printed in another page
    EXPECT_TRUE(p.has_line("A012"));
}

TEST(ticket, a_language_without_a_service_name_falls_back_to_the_centres_first) {
    auto t = make_ticket(issued("rw"), centre(), "http://x", "");
    EXPECT_EQ("Ümumvətəndaş pasportu", t.service);
    EXPECT_EQ("Nimero yawe", t.your_number);
    auto p = read_escpos(to_escpos(make_ticket(issued("fr"), centre(), "http://x", "")));
    EXPECT_TRUE(p.has_line("Passeport"));
    EXPECT_TRUE(p.has_line("Attente estimée: environ 12 min"));
}

TEST(ticket, priority_tickets_say_so) {
    auto i = issued("en");
    i.set_priority(v1::PRIORITY_CLASS_PRIORITY);
    auto p = read_escpos(to_escpos(make_ticket(i, centre(), "http://x", "")));
    EXPECT_TRUE(p.has_line("*** Priority ***"));
    i.set_language("fr");
    EXPECT_NE(std::string::npos, to_text(make_ticket(i, centre(), "http://x", "")).find("*** Prioritaire ***"));
}

TEST(ticket, terminal_text_has_the_number_and_the_link) {
    auto text = to_text(make_ticket(issued("en"), centre(), "http://h", "28.11.2026 12:21"));
    EXPECT_NE(std::string::npos, text.find("Your number:  A012"));
    EXPECT_NE(std::string::npos, text.find("http://h/t/0123456789abcdef0123456789abcdef"));
}

TEST(texts, every_language_says_everything) {
    for (auto const& code : known_languages()) {
        auto const& t = texts_for(code);
        EXPECT_EQ(code, t.code);
        for (char const* s : {t.language_name, t.choose_language, t.choose_service, t.choose_priority, t.priority_hint,
                              t.normal, t.priority, t.priority_mark, t.your_number, t.people_ahead, t.estimated_wait,
                              t.about, t.you_are_next, t.scan_to_follow, t.out_of_service, t.take_ticket, t.reprint, t.no_counter_open, t.about_range})
            EXPECT_NE(std::string(), s) << code;
        auto wait = wait_words(t, 61);  // 61 s is 2 minutes, rounded up
        EXPECT_NE(std::string::npos, wait.find('2')) << code;
        EXPECT_EQ(std::string::npos, wait.find('{')) << code << ": " << wait;
        auto range = wait_words(t, 20 * 60, 14 * 60 + 30, 25 * 60 + 1);  // 14 down, 26 up
        EXPECT_NE(std::string::npos, range.find("14")) << code << ": " << range;
        EXPECT_NE(std::string::npos, range.find("26")) << code << ": " << range;
        EXPECT_EQ(std::string::npos, range.find('{')) << code << ": " << range;
        EXPECT_EQ(std::string::npos, with_number(t.people_ahead, 7).find("{n}")) << code;
    }
    EXPECT_STREQ("en", texts_for("xx").code);
    EXPECT_STREQ("Sizdən əvvəl: 7 nəfər", with_number(texts_for("az").people_ahead, 7).c_str());  // web/i18n/az.json's
}

}  // namespace
}  // namespace novbe::kiosk
