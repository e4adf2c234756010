// The terminal kiosk's screens as a citizen reads them: asked for a language in each of the
// centre's languages, and each service with how many wait and about how long, as on the web kiosk.
#include "kiosk/screens.hpp"

#include <gtest/gtest.h>

#include <array>

namespace novbe::kiosk {
namespace {

v1::CentreInfo centre() {
    v1::CentreInfo c;
    c.set_name("ASAN xidmət No. 1");
    for (auto const* l : {"az", "en", "ru"}) c.add_languages(l);
    for (auto const& [id, en, ru] : {std::array<char const*, 3>{"passport", "Passport", "Паспорт"},
                                     std::array<char const*, 3>{"id_card", "Identity card", "Удостоверение"},
                                     std::array<char const*, 3>{"notary", "Notary", "Нотариус"}}) {
        auto& s = *c.add_services();
        s.set_id(id);
        s.set_agency("migration");
        (*s.mutable_names())["en"] = en;
        (*s.mutable_names())["ru"] = ru;
        (*s.mutable_agency_names())["en"] = "State Migration Service";
    }
    return c;
}

v1::QueueLine line(char const* id, std::uint32_t waiting, long long wait_s, std::uint32_t open) {
    v1::QueueLine l;
    l.set_service_id(id);
    l.set_waiting(waiting);
    l.set_estimated_wait_s(wait_s);
    l.set_open_counters(open);
    return l;
}

TEST(kiosk_screens, the_language_screen_asks_in_each_of_the_centres_languages) {
    EXPECT_EQ("\nASAN xidmət No. 1\n"
              "Dili seçin\nChoose your language\nВыберите язык\n"
              "  1  Azərbaycan dili\n  2  English\n  3  Русский\n"
              "  r  Reprint the last ticket\n",
              language_screen(centre(), "en"));
}

TEST(kiosk_screens, each_service_shows_its_waiting_count_and_estimate) {
    std::map<std::string, v1::QueueLine> lines{{"passport", line("passport", 3, 11 * 60 + 5, 2)},
                                               {"id_card", line("id_card", 0, 0, 1)},
                                               {"notary", line("notary", 2, 600, 0)}};
    EXPECT_EQ("\nChoose a service\n"
              "  State Migration Service\n"
              "    1  Passport  (3 waiting · about 12 min)\n"
              "    2  Identity card  (0 waiting)\n"
              "    3  Notary  (2 waiting · No counter open)\n",
              service_screen(centre(), "en", lines));
    EXPECT_EQ("В очереди: 3 · около 12 мин", line_hint("ru", &lines["passport"]));
}

TEST(kiosk_screens, a_line_the_board_has_not_told_shows_no_made_up_figure) {
    auto const screen = service_screen(centre(), "en", {});
    EXPECT_NE(screen.find("    1  Passport\n"), std::string::npos) << screen;
    EXPECT_EQ(std::string::npos, screen.find("waiting")) << screen;
}

TEST(kiosk_screens, a_refused_service_id_is_answered_with_the_known_ones) {
    EXPECT_EQ("Choose a service\n  passport  Passport\n  id_card  Identity card\n  notary  Notary\n",
              known_services(centre(), "en"));
}

}  // namespace
}  // namespace novbe::kiosk
