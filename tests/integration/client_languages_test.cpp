// The native clients in the clerk's and the citizen's languages, run as programs against the real
// server: novbe-kiosk refuses a language it has no words for (and so does the server), and
// novbe-counter speaks the language of --lang, the centre's first without it.
#include "messages.hpp"
#include "program.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace novbe::testing {
namespace {

class client_languages : public ::testing::Test {
protected:
    void SetUp() override { process.start(); }
    std::string address() const { return "127.0.0.1:" + std::to_string(process.port()); }
    program_result counter(std::vector<std::string> args, std::string const& input = "") {
        args.insert(args.begin(), {NOVBE_COUNTER_BINARY, "--server", address(), "--user", server_process::clerk});
        return run_program(args, {{"NOVBE_SECRET", server_process::clerk_secret}}, input);
    }
    std::uint32_t issued(std::string const& service) {
        ws_client manager(process.port());
        manager.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
        v1::ClientMessage m;
        m.mutable_get_statistics();
        auto const answer = manager.request(m);  // kept: the loop reads inside it
        for (auto const& f : answer.reply().statistics().by_service())
            if (f.key() == service) return f.issued();
        return 0;
    }

    server_process process;
};

TEST_F(client_languages, a_kiosk_asked_for_an_unknown_language_prints_nothing_and_names_the_known_ones) {
    auto printer = process.folder() + "/lp0";
    auto r = run_program({NOVBE_KIOSK_BINARY, "issue", "--service", "passport", "--lang", "xx", "--printer", printer,
                          "--server", address()});
    EXPECT_EQ(2, r.exit_code) << r.out << r.err;
    EXPECT_NE(std::string::npos, r.err.find("--lang xx is not a language the kiosk knows; it knows az en ru rw fr"))
        << r.err;
    EXPECT_EQ("", slurp(printer));
    EXPECT_EQ(0u, issued("passport"));
}

TEST_F(client_languages, the_server_refuses_a_ticket_in_a_language_the_centre_does_not_speak) {
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    auto m = issue("passport");
    m.mutable_issue_ticket()->set_language("xx");
    auto refused = kiosk.request(m);
    ASSERT_TRUE(refused.has_error()) << refused.DebugString();
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, refused.error().code());
    EXPECT_EQ("This centre has no language \"xx\"; it speaks az, en, ru, rw, fr.", refused.error().message());
    m.mutable_issue_ticket()->set_language("rw");
    EXPECT_TRUE(kiosk.request(m).reply().has_issued_ticket());
    EXPECT_EQ(1u, issued("passport"));
}

// A centre that speaks Azerbaijani and Russian only: a kiosk told no language issues in its first.
class centre_without_english : public client_languages {
protected:
    void SetUp() override {
        auto path = process.folder() + "/centre.toml";
        std::stringstream text;
        text << std::ifstream(path).rdbuf();
        std::ofstream(path, std::ios::trunc) << std::regex_replace(text.str(), std::regex("\nlanguages = \\[[^\n]*\\]"),
                                                                   "\nlanguages = [\"az\", \"ru\"]");
        process.start();
    }
};

TEST_F(centre_without_english, a_kiosk_told_no_language_issues_in_the_centres_first) {
    auto r = run_program({NOVBE_KIOSK_BINARY, "issue", "--service", "passport", "--server", address()});
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("A001")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("Pasport")) << "the ticket in Azerbaijani: " << r.out;
    auto en =
        run_program({NOVBE_KIOSK_BINARY, "issue", "--service", "passport", "--lang", "en", "--server", address()});
    EXPECT_EQ(1, en.exit_code) << en.out;  // asked for, English is refused: the centre does not speak it
    EXPECT_NE(std::string::npos, en.err.find("it speaks az, ru.")) << en.err;
    EXPECT_EQ(1u, issued("passport"));
}

TEST_F(client_languages, the_counter_speaks_the_clerks_language_and_done_asks_nothing) {
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    kiosk.request(issue("id_card"));
    kiosk.request(issue("id_card"));
    // next, start, done, next: the `n` after `d` is the next call, not an outcome; no-show, close.
    auto r = counter({"--lang", "ru", "run", "3"}, "nsdnxq");
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("Окно 3: B001 (Удостоверение личности) обслуживается уже")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("> B001 обслужен.")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("> B002 вызван.")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("Мой день")) << r.out;
    EXPECT_EQ(std::string::npos, r.out.find("результат: ")) << "d asked for an outcome: " << r.out;
    EXPECT_NE(std::string::npos, r.out.find("> B002 отмечен как неявка.")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("> Окно закрыто.")) << r.out;
    auto bad = counter({"--lang", "xx", "show", "3"});
    EXPECT_EQ(2, bad.exit_code);
    EXPECT_NE(std::string::npos, bad.err.find("it knows az en ru rw fr")) << bad.err;
    auto az = counter({"show", "3"});  // the demo centre's first language
    EXPECT_NE(std::string::npos, az.out.find("Masa 3")) << az.out << az.err;
}

TEST_F(client_languages, the_counters_transfer_prompt_answers_an_empty_pick_in_russian_and_escape_sends_nothing) {
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    kiosk.request(issue("id_card"));
    // next; transfer with an empty Enter; transfer again, cancelled with Escape; the end of input.
    auto r = counter({"--lang", "ru", "run", "3"}, "nt\nt\x1b");
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("> Перевести: в какую услугу?")) << r.out;
    EXPECT_EQ(std::string::npos, r.out.find("transfer needs")) << r.out;
    EXPECT_EQ(std::string::npos, r.out.find("нет такой услуги")) << "the Escape went as a service id: " << r.out;
    auto again = counter({"--lang", "en", "show", "3"});
    EXPECT_NE(std::string::npos, again.out.find("B001 (Identity card) is called")) << again.out;  // not moved
}

}  // namespace
}  // namespace novbe::testing
