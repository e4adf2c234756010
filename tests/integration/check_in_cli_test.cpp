// novbe-kiosk's check-in against the real server: `check-in CODE` and the menu's "b" entry, the
// refusal in the citizen's language from web/i18n, nothing printed for a code that is no booking.
#include "program.hpp"
#include "server_process.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace novbe::testing {
namespace {

std::string slurp(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class check_in_cli : public ::testing::Test {
protected:
    void SetUp() override { process.start(); }
    std::string address() const { return "127.0.0.1:" + std::to_string(process.port()); }
    server_process process;
};

TEST_F(check_in_cli, a_code_that_is_no_booking_prints_nothing_and_says_so_in_the_citizens_language) {
    auto printer = process.folder() + "/lp0";
    auto en = run_program({NOVBE_KIOSK_BINARY, "check-in", "ASAN-0042", "--lang", "en", "--printer", printer, "--server", address()});
    EXPECT_EQ(1, en.exit_code) << en.err;
    EXPECT_NE(std::string::npos, en.err.find("We find no booking for today with this code.")) << en.err;
    EXPECT_EQ("", slurp(printer));
    auto rw = run_program({NOVBE_KIOSK_BINARY, "check-in", "ASAN-0042", "--lang", "rw", "--server", address()});
    EXPECT_EQ(1, rw.exit_code);
    EXPECT_NE(std::string::npos, rw.err.find("Nta gahunda y'uyu munsi ifite iyi kode.")) << rw.err;
}

TEST_F(check_in_cli, check_in_needs_its_code_and_says_so_with_the_usage) {
    auto r = run_program({NOVBE_KIOSK_BINARY, "check-in", "--lang", "en"});
    EXPECT_EQ(2, r.exit_code);
    EXPECT_NE(std::string::npos, r.err.find("novbe-kiosk: check-in needs the booking's CODE")) << r.err;
    EXPECT_NE(std::string::npos, r.err.find("novbe-kiosk check-in CODE")) << r.err;
}

TEST_F(check_in_cli, the_menu_offers_the_check_in_beside_the_services) {
    // Language 2 (English), "b", a scanner's code and Enter; the end of input closes the kiosk.
    auto r = run_program({NOVBE_KIOSK_BINARY, "run", "--server", address()}, {}, "2\nb\nhttps://x.example/b/0123456789abcdef0123456789abcdef\n");
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("  b  I have a booking\n")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("Booking code: ")) << r.out;
    EXPECT_NE(std::string::npos, r.err.find("We find no booking for today with this code.")) << r.err;
}

}  // namespace
}  // namespace novbe::testing
