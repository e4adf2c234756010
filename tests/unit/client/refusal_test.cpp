// The native clients' words for refusals come from web/i18n/LANG.json: every wire code has all five
// languages (citizens' and staff's alike), and the engine says the same English.
#include "client/refusal.hpp"
#include "core/errc.hpp"

#include <gtest/gtest.h>

#include <cctype>

namespace novbe::client {
namespace {

v1::Error error(v1::ErrorCode code, std::string const& message = "") {
    v1::Error e;
    e.set_code(code);
    e.set_message(message);
    return e;
}

std::vector<v1::ErrorCode> wire_codes() {
    std::vector<v1::ErrorCode> codes;
    auto const* d = v1::ErrorCode_descriptor();
    for (int i = 0; i < d->value_count(); ++i) codes.push_back(static_cast<v1::ErrorCode>(d->value(i)->number()));
    return codes;
}

constexpr std::string_view languages[] = {"az", "en", "ru", "rw", "fr"};

TEST(refusal, every_wire_code_has_an_english_sentence) {
    ASSERT_GT(wire_codes().size(), 30u);
    for (auto code : wire_codes()) {
        auto text = sentence(code, "en");
        ASSERT_TRUE(text.has_value()) << v1::ErrorCode_Name(code);
        EXPECT_NE(std::string_view::npos, text->find_first_not_of(' ')) << v1::ErrorCode_Name(code);
    }
}

TEST(refusal, every_refusal_is_in_all_five_languages) {
    for (auto code : {v1::ERROR_CODE_CENTRE_CLOSED, v1::ERROR_CODE_UNKNOWN_SERVICE, v1::ERROR_CODE_UNAVAILABLE,
                      v1::ERROR_CODE_ALREADY_RATED, v1::ERROR_CODE_INVALID_RATING, v1::ERROR_CODE_TICKET_NOT_DONE})
        EXPECT_TRUE(citizen_facing(code)) << v1::ErrorCode_Name(code);
    int citizens = 0;
    for (auto code : wire_codes()) {
        citizens += citizen_facing(code);
        for (auto language : languages) {
            EXPECT_TRUE(sentence(code, language).has_value()) << v1::ErrorCode_Name(code) << " in " << language;
            if (language != "en") {
                EXPECT_NE(sentence(code, "en"), sentence(code, language)) << language;
            }
        }
    }
    EXPECT_GE(citizens, 6);
}

TEST(refusal, a_citizen_reads_it_in_their_language_and_staff_in_english) {
    EXPECT_EQ("Ce service a déjà été noté.", describe(error(v1::ERROR_CODE_ALREADY_RATED, "x"), "fr"));
    EXPECT_EQ("Iyi serivisi yamaze guhabwa amanota.", describe(error(v1::ERROR_CODE_ALREADY_RATED), "rw"));
    EXPECT_EQ("This service has been rated already.", describe(error(v1::ERROR_CODE_ALREADY_RATED), "xx"));
    EXPECT_EQ("Bu masa fasilədədir: əvvəlcə işi davam etdirin.", describe(error(v1::ERROR_CODE_COUNTER_PAUSED), "az"));
    EXPECT_EQ("This counter is paused: resume it first.", describe(error(v1::ERROR_CODE_COUNTER_PAUSED), "en"));
}

TEST(refusal, another_clerks_counter_is_named) {
    EXPECT_EQ("Counter 1 is anna's until it is closed; a manager can take it over.",
              describe(error(v1::ERROR_CODE_COUNTER_NOT_YOURS,
                             "Counter 1 is anna's until it is closed; a manager can take it over.")));
    EXPECT_EQ("This counter belongs to another clerk: a manager can take it over.",
              describe(error(v1::ERROR_CODE_COUNTER_NOT_YOURS, "")));
    auto denied = error(v1::ERROR_CODE_PERMISSION_DENIED, "A clerk may not close the day.");
    EXPECT_EQ("A clerk may not close the day.", describe(denied));
    auto bad_key = error(v1::ERROR_CODE_INVALID_ARGUMENT, "An idempotency key has at most 128 bytes.");
    EXPECT_EQ("An idempotency key has at most 128 bytes.", describe(bad_key));
    EXPECT_EQ("The request is missing a required value or has one out of range.",
              describe(error(v1::ERROR_CODE_INVALID_ARGUMENT)));
    // In Russian, the clerk's own words first, then what only the server's English says.
    EXPECT_EQ("Это окно принадлежит другому сотруднику: менеджер может взять его на себя. "
              "(Counter 1 is anna's until it is closed; a manager can take it over.)",
              describe(error(v1::ERROR_CODE_COUNTER_NOT_YOURS,
                             "Counter 1 is anna's until it is closed; a manager can take it over."),
                       "ru"));
}

TEST(refusal, a_closed_centre_says_when_it_opens) {
    auto closed = error(v1::ERROR_CODE_CENTRE_CLOSED, "The centre is closed; it opens again at 08:00.");
    EXPECT_EQ("Le centre est fermé. Il rouvre à 08:00.", describe(closed, "fr", "08:00"));
    EXPECT_EQ("The centre is closed; it opens again at 08:00.", describe(closed, "en"));  // the server's
    EXPECT_EQ("Центр закрыт: талоны сейчас не выдаются.", describe(closed, "ru"));        // no time given
    EXPECT_EQ("The centre is closed. It opens again at 08:00.", describe(closed, "en", "08:00"));
    for (auto language : languages) {  // a refused ticket says when to come back, in every language
        auto said = describe(closed, language, "02.12.2026 08:00");
        EXPECT_NE(std::string::npos, said.find("02.12.2026 08:00")) << language << ": " << said;
        EXPECT_EQ(std::string::npos, said.find('{')) << language << ": " << said;
    }
}

TEST(refusal, a_code_newer_than_the_client_keeps_the_servers_words) {
    EXPECT_EQ("Something new.", describe(error(static_cast<v1::ErrorCode>(999), "Something new.")));
}

// The engine's own messages (logs, and the Error.message the server sends) are the same English.
TEST(refusal, the_engine_says_the_english_sentences) {
    auto const last = static_cast<int>(core::errc::centre_closed);
    for (int ev = static_cast<int>(core::errc::unknown_service); ev <= last; ++ev) {
        auto e = static_cast<core::errc>(ev);
        std::string name = "ERROR_CODE_";
        for (char ch : core::name(e)) name += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        v1::ErrorCode code{};
        ASSERT_TRUE(v1::ErrorCode_Parse(name, &code)) << name;
        EXPECT_EQ(sentence(code, "en").value_or("(none)"), make_error_code(e).message()) << name;
    }
}

}  // namespace
}  // namespace novbe::client
