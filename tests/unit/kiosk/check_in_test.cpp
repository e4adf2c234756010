// The native kiosk's check-in: what it sends for a typed or scanned code, and the refusal in the
// citizen's words from web/i18n (too early with the time to come back, lapsed with the walk-in).
#include "kiosk/check_in.hpp"

#include <gtest/gtest.h>

namespace novbe::kiosk {
namespace {

constexpr long long morning_ms = 1'764'568'800'000;  // 2025-12-01 06:00 UTC, 10:00 in Baku

TEST(check_in, a_typed_reference_is_sent_trimmed_and_a_scanned_address_as_its_token) {
    auto typed = check_in_request("  ASAN-2025-0042 \n", "az");
    EXPECT_EQ("ASAN-2025-0042", typed.check_in().code());
    EXPECT_EQ("az", typed.check_in().language());
    auto scanned = check_in_request("https://novbe.example.az/b/0123456789abcdef0123456789ABCDEF/", "en");
    EXPECT_EQ("0123456789abcdef0123456789ABCDEF", scanned.check_in().code());
    EXPECT_EQ("0123456789abcdef0123456789abcdef", check_in_request("0123456789abcdef0123456789abcdef", "en").check_in().code());
    // 33 hex digits are no address: sent as typed, for the server to judge.
    EXPECT_EQ(std::string(33, 'a'), check_in_request(std::string(33, 'a'), "en").check_in().code());
}

TEST(check_in, too_early_says_the_time_on_the_centres_clock_and_the_date_only_on_another_day) {
    v1::Error e;
    e.set_code(v1::ERROR_CODE_BOOKING_TOO_EARLY);
    e.set_check_in_from_ms(morning_ms + 90 * 60'000);  // 11:30 in Baku
    EXPECT_EQ("You are early. Check-in for your booking opens at 11:30. Please come back then.",
              check_in_refusal(e, "en", "Asia/Baku", morning_ms));
    EXPECT_EQ("Вы пришли рано. Отметиться по вашей записи можно с 01.12.2025 11:30. Пожалуйста, подойдите к этому времени.",
              check_in_refusal(e, "ru", "Asia/Baku", morning_ms - 24LL * 3600'000));
}

TEST(check_in, lapsed_offers_a_walk_in_and_unknown_is_the_citizens_sentence) {
    v1::Error lapsed;
    lapsed.set_code(v1::ERROR_CODE_BOOKING_LAPSED);
    EXPECT_EQ("Votre rendez-vous a expiré : son heure est passée. Vous pouvez prendre un ticket sans rendez-vous pour le même service.",
              check_in_refusal(lapsed, "fr", "Asia/Baku", morning_ms));
    v1::Error unknown;
    unknown.set_code(v1::ERROR_CODE_BOOKING_UNKNOWN);
    unknown.set_message("We find no booking for today with this code. Check the code and the day of your booking.");
    EXPECT_EQ("Bu kodla bu gün üçün yazılış tapılmadı. Kodu və yazılışınızın gününü yoxlayın.",
              check_in_refusal(unknown, "az", "Asia/Baku", morning_ms));
}

}  // namespace
}  // namespace novbe::kiosk
