// The native clients against the real server: novbe-kiosk and novbe-counter run as programs,
// the client library's reconnects, retries and resubscriptions through a relay that loses
// replies and a server that is killed.
#include "app/config_file.hpp"
#include "client/blocking_client.hpp"
#include "escpos_reader.hpp"
#include "messages.hpp"
#include "program.hpp"
#include "server_process.hpp"
#include "tcp_proxy.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <latch>
#include <mutex>
#include <thread>

namespace novbe::testing {
namespace {

using namespace std::chrono_literals;
using M = v1::ClientMessage;

class clients : public ::testing::Test {
protected:
    void SetUp() override {
        app::add_user(process.folder() + "/centre.toml", "bora", net::role::clerk, "bora-secret-1");
        process.start();
    }
    std::string address() const { return "127.0.0.1:" + std::to_string(process.port()); }

    program_result kiosk(std::vector<std::string> args) {
        args.insert(args.begin(), NOVBE_KIOSK_BINARY);
        return run_program(args);
    }
    program_result counter(std::vector<std::string> args, std::string const& secret = server_process::clerk_secret) {
        args.insert(args.begin(), {NOVBE_COUNTER_BINARY, "--server", address(), "--user", server_process::clerk});
        return run_program(args, {{"NOVBE_SECRET", secret}});
    }
    static client::options as(v1::Role role, unsigned short port, std::string const& who = "", std::string const& secret = "") {
        client::options o;
        o.port = std::to_string(port);
        o.first_backoff = 20ms;
        o.max_backoff = 200ms;
        o.hello.set_role(role);
        if (role == v1::ROLE_KIOSK) o.hello.set_device_token(server_process::kiosk_token);
        o.hello.set_user(who);
        o.hello.set_secret(secret);
        return o;
    }
    v1::Statistics statistics() {
        ws_client manager(process.port());
        manager.hello(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
        M m;
        m.mutable_get_statistics();
        return manager.request(m).reply().statistics();
    }
    static v1::Figures const& of(google::protobuf::RepeatedPtrField<v1::Figures> const& all, std::string const& key) {
        for (auto const& f : all)
            if (f.key() == key) return f;
        throw std::runtime_error("no figures for " + key);
    }

    server_process process;
};

TEST_F(clients, the_kiosk_prints_a_ticket_the_server_holds_with_its_qr_code_and_a_cut) {
    auto printer = process.folder() + "/lp0";
    auto r = kiosk({"issue", "--service", "passport", "--lang", "en", "--printer", printer, "--server", address()});
    ASSERT_EQ(0, r.exit_code) << r.err;
    auto printed = read_escpos(slurp(printer));
    EXPECT_TRUE(printed.has_line("A001"));
    EXPECT_TRUE(printed.has_line("You are next"));
    EXPECT_TRUE(printed.cut_at_end);
    ASSERT_EQ(1u, printed.qr_codes.size());
    auto prefix = "http://" + address() + "/t/";
    ASSERT_EQ(0u, printed.qr_codes[0].rfind(prefix, 0)) << printed.qr_codes[0];

    ws_client phone(process.port());  // what the phone that scans the code does
    ASSERT_TRUE(phone.hello(v1::ROLE_TICKET_HOLDER, printed.qr_codes[0].substr(prefix.size())).reply().has_welcome());
    M status;
    status.mutable_get_ticket_status()->set_ticket_token(printed.qr_codes[0].substr(prefix.size()));
    auto held = phone.request(status).reply().ticket_status();
    EXPECT_EQ("A001", held.number());
    EXPECT_EQ(v1::TICKET_STATE_WAITING, held.state());
}

TEST_F(clients, a_kiosk_facing_a_stopped_server_prints_nothing_and_says_out_of_service) {
    auto port = std::to_string(process.port());
    process.stop();
    auto printer = process.folder() + "/lp0";
    auto r = kiosk({"issue", "--service", "passport", "--lang", "fr", "--printer", printer, "--server", "127.0.0.1:" + port, "--wait", "1"});
    EXPECT_EQ(3, r.exit_code);
    EXPECT_NE(std::string::npos, r.err.find("Hors service")) << r.err;
    EXPECT_EQ("", slurp(printer));
}

TEST_F(clients, a_kiosk_asked_for_an_unknown_service_prints_nothing_and_says_why) {
    auto printer = process.folder() + "/lp0";
    auto r = kiosk({"issue", "--service", "fishing-licence", "--printer", printer, "--server", address()});
    EXPECT_EQ(1, r.exit_code);
    EXPECT_NE(std::string::npos, r.err.find("There is no such service in this centre.")) << r.err;
    EXPECT_NE(std::string::npos, r.err.find("Choose a service\n  passport  Passport\n  id_card  Identity card\n")) << r.err;
    EXPECT_EQ("", slurp(printer));
    // In the citizen's language, from web/i18n/rw.json like the kiosk page's.
    auto rw = kiosk({"issue", "--service", "fishing-licence", "--lang", "rw", "--printer", printer, "--server", address()});
    EXPECT_EQ(1, rw.exit_code);
    EXPECT_NE(std::string::npos, rw.err.find("Nta serivisi nk'iyo itangirwa muri iki kigo.")) << rw.err;
}

TEST_F(clients, a_clerk_works_a_whole_day_at_the_counter_from_the_command_line) {
    ws_client k(process.port());
    k.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    for (auto service : {"passport", "passport", "id_card"}) k.request(issue(service));

    auto step = [&](std::vector<std::string> args, std::string const& expected, int code = 0) {
        auto r = counter(args);
        EXPECT_EQ(code, r.exit_code) << args[0] << ": " << r.err;
        EXPECT_NE(std::string::npos, (r.out + r.err).find(expected)) << args[0] << " said: " << r.out << r.err;
    };
    step({"--lang", "en", "open", "1"}, "Counter 1 is open; nobody is at it.");
    step({"--lang", "en", "next", "1"}, "A001 (Passport) is called");
    step({"--lang", "en", "recall", "1"}, "recalled 1×");
    step({"--lang", "en", "start", "1"}, "A001 (Passport) is being served");
    step({"--lang", "en", "done", "1", "documents accepted"}, "Counter 1 is open");
    step({"--lang", "en", "next", "1"}, "A002 (Passport) is called");
    step({"--lang", "en", "no-show", "1"}, "Counter 1 is open");
    step({"--lang", "en", "next", "1"}, "B001 (Identity card) is called");
    step({"--lang", "en", "transfer", "1", "passport"}, "Counter 1 is open");  // at the call: the wrong line
    step({"--lang", "en", "call", "1", "b001", "elderly"}, "B001 (Passport) is called");
    step({"--lang", "en", "start", "1"}, "B001 (Passport) is being served");
    step({"--lang", "en", "transfer", "1", "id_card"}, "Counter 1 is open");  // after the start too
    step({"--lang", "en", "call", "1", "b001", "elderly"}, "B001 (Identity card) is called");
    step({"--lang", "en", "start", "1"}, "being served");
    step({"--lang", "en", "done", "1"}, "Counter 1 is open");
    step({"--lang", "en", "next", "1"}, "Nobody is waiting for the services of this counter.", 1);
    step({"--lang", "en", "pause", "1", "lunch"}, "Counter 1 is paused (lunch)");
    step({"--lang", "en", "next", "1"}, "This counter is paused: resume it first.", 1);
    step({"--lang", "en", "resume", "1"}, "Counter 1 is open");
    step({"--lang", "en", "figures"}, "served 2, no-shows 1, transferred 2");
    step({"--lang", "en", "close", "1"}, "Counter 1 is closed.");
    step({"--lang", "en", "next", "1"}, "This counter is closed: open it first.", 1);
    step({"next", "1"}, "Bu masa bağlıdır: əvvəlcə onu açın.", 1);  // without --lang: the centre's first
    auto wrong = counter({"open", "1"}, "not-the-secret");
    EXPECT_EQ(1, wrong.exit_code);
    EXPECT_NE(std::string::npos, wrong.err.find("Not signed in")) << wrong.err;

    auto anna = of(statistics().by_clerk(), server_process::clerk);
    EXPECT_EQ(2u, anna.served());
    EXPECT_EQ(1u, anna.no_shows());
}

TEST_F(clients, the_counter_screen_works_with_one_key_per_action) {
    ws_client k(process.port());
    k.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    k.request(issue("id_card"));
    // next, start, done (with its outcome), then close and leave: as a clerk types them.
    auto r = run_program(
        {NOVBE_COUNTER_BINARY, "--server", address(), "--user", server_process::clerk, "--lang", "en", "run", "3"},
        {{"NOVBE_SECRET", server_process::clerk_secret}}, "nsopassport ready\nq");
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("Now     Counter 3: B001 (Identity card) is called")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("B001 (Identity card) is being served")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("outcome: ")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("> B001 served.")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("My day  called 1, served 1")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("> Counter closed.")) << r.out;
    EXPECT_EQ(1u, of(statistics().by_clerk(), server_process::clerk).served());
}

TEST_F(clients, the_kiosk_menu_takes_language_service_and_priority) {
    // Language 2 (English), service 1, priority 2 (yes); a reprint; the end of input closes the kiosk.
    auto r = run_program({NOVBE_KIOSK_BINARY, "run", "--server", address()}, {}, "2\n1\n2\nr\n");
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_NE(std::string::npos, r.out.find("Dili seçin\nChoose your language\n")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("Choose a service")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("Your number:  A001\n*** Priority ***")) << r.out;
    EXPECT_NE(std::string::npos, r.out.find("Please take your ticket.")) << r.out;
    auto second = r.out.find("Your number:  A001", r.out.find("Please take your ticket."));
    EXPECT_NE(std::string::npos, second) << "no reprint: " << r.out;
    EXPECT_EQ(1u, statistics().by_service(0).issued());  // a reprint issues nothing
}

TEST_F(clients, two_counters_racing_for_the_last_ticket_exactly_one_gets_it) {
    client::blocking_client kiosk_link(as(v1::ROLE_KIOSK, process.port()));
    client::blocking_client anna(as(v1::ROLE_CLERK, process.port(), server_process::clerk, server_process::clerk_secret));
    client::blocking_client bora(as(v1::ROLE_CLERK, process.port(), "bora", "bora-secret-1"));
    ASSERT_TRUE(anna.wait_online(5s) && bora.wait_online(5s) && kiosk_link.wait_online(5s));
    auto at = [](std::uint32_t n, auto field) {
        M m;
        (m.*field)()->set_counter(n);
        return m;
    };
    ASSERT_TRUE(anna.request(at(1, &M::mutable_open_counter), 5s).has_reply());
    ASSERT_TRUE(bora.request(at(2, &M::mutable_open_counter), 5s).has_reply());
    for (int round = 1; round <= 20; ++round) {
        auto issued = kiosk_link.request(issue("passport"), 5s).reply().issued_ticket().number();
        std::latch go(2);
        auto race = [&](client::blocking_client& clerk, std::uint32_t n) {
            go.arrive_and_wait();
            return clerk.request(at(n, &M::mutable_call_next), 5s);
        };
        auto first = std::async(std::launch::async, race, std::ref(anna), 1u);
        auto second = std::async(std::launch::async, race, std::ref(bora), 2u);
        auto a = first.get(), b = second.get();
        int winners = a.has_reply() + b.has_reply();
        ASSERT_EQ(1, winners) << a.DebugString() << b.DebugString();
        auto const& won = a.has_reply() ? a : b;
        auto const& lost = a.has_reply() ? b : a;
        EXPECT_EQ(issued, won.reply().counter().current().number());
        EXPECT_EQ(v1::ERROR_CODE_NOTHING_WAITING, lost.error().code());
        auto& winner = a.has_reply() ? anna : bora;
        ASSERT_TRUE(winner.request(at(a.has_reply() ? 1 : 2, &M::mutable_mark_no_show), 5s).has_reply());
    }
}

TEST_F(clients, a_server_restart_in_the_middle_of_a_kiosks_retry_gives_exactly_one_ticket) {
    tcp_proxy relay(process.port());
    client::blocking_client link(as(v1::ROLE_KIOSK, relay.port()));
    ASSERT_TRUE(link.wait_online(5s));
    relay.swallow_replies(true);  // the request reaches the server; its answer is lost
    auto answer = std::async(std::launch::async, [&] { return link.request(issue("passport"), 20s); });
    for (int i = 0; i < 500 && statistics().by_service(0).issued() == 0; ++i) std::this_thread::sleep_for(10ms);
    ASSERT_EQ(1u, statistics().by_service(0).issued()) << "the server never got the request";
    process.kill();  // the server dies with the answer unsent
    relay.cut_all();
    relay.swallow_replies(false);
    process.start();
    relay.retarget(process.port());
    auto reply = answer.get();  // the client reconnected and sent the request again, with its key
    ASSERT_TRUE(reply.has_reply()) << reply.DebugString();
    EXPECT_EQ("A001", reply.reply().issued_ticket().number());
    EXPECT_EQ(1u, statistics().by_service(0).issued());
    EXPECT_EQ("A002", link.request(issue("passport"), 5s).reply().issued_ticket().number());
}

TEST_F(clients, a_board_subscription_resumes_after_a_server_crash_without_a_gap_or_a_repeat) {
    tcp_proxy relay(process.port());
    client::blocking_client board(as(v1::ROLE_BOARD, relay.port()));
    std::mutex mutex;
    std::vector<std::pair<std::uint64_t, std::string>> issued;  // sequence, number
    int snapshots = 0;
    v1::Subscribe s;
    s.set_view(v1::VIEW_BOARD);
    board.link().subscribe(s, [&](v1::ServerMessage const& m) {
        std::lock_guard lock(mutex);
        snapshots += m.has_snapshot();
        for (auto const& e : m.events().events())
            if (e.has_ticket_issued()) issued.emplace_back(e.sequence(), e.ticket_issued().number());
    });
    ASSERT_TRUE(board.wait_online(5s));
    auto count = [&] {
        std::lock_guard lock(mutex);
        return issued.size();
    };
    auto snapshot_arrived = [&] {
        std::lock_guard lock(mutex);
        return snapshots > 0;
    };
    // Online is the sign-in; tickets issued before the snapshot would be in it, not events.
    for (int i = 0; i < 500 && !snapshot_arrived(); ++i) std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(snapshot_arrived());
    auto wait_for = [&](std::size_t n) {
        for (int i = 0; i < 500 && count() < n; ++i) std::this_thread::sleep_for(10ms);
        return count();
    };
    {
        ws_client k(process.port());
        k.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        for (int i = 0; i < 3; ++i) k.request(issue("passport"));
    }
    ASSERT_EQ(3u, wait_for(3));
    process.kill();
    relay.cut_all();
    process.start();
    relay.retarget(process.port());
    ws_client k(process.port());
    k.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    for (int i = 0; i < 3; ++i) k.request(issue("passport"));
    ASSERT_EQ(6u, wait_for(6));
    std::lock_guard lock(mutex);
    EXPECT_EQ(1, snapshots);  // resumed from its last sequence, not started again
    for (std::size_t i = 0; i < issued.size(); ++i) {
        EXPECT_EQ("A00" + std::to_string(i + 1), issued[i].second);
        if (i > 0) {
            EXPECT_LT(issued[i - 1].first, issued[i].first);
        }
    }
}

TEST_F(clients, a_board_resumes_after_the_last_range_it_was_told_of_not_its_last_event) {
    tcp_proxy relay(process.port());
    client::blocking_client board(as(v1::ROLE_BOARD, relay.port()));
    std::mutex mutex;
    std::string seen;  // "snapshot 0; 1-2 lines 1; ...": what the board was told, in order
    std::size_t messages = 0;
    v1::Subscribe s;
    s.set_view(v1::VIEW_BOARD);
    s.add_service_ids("passport");
    s.add_counters(2);  // counter 1's events are not shown here, only the lines they change
    board.link().subscribe(s, [&](v1::ServerMessage const& m) {
        std::lock_guard lock(mutex);
        ++messages;
        if (m.has_snapshot()) seen += "snapshot " + std::to_string(m.snapshot().sequence()) + "; ";
        if (m.has_events())
            seen += std::to_string(m.events().first_sequence()) + "-" + std::to_string(m.events().last_sequence()) +
                    " events " + std::to_string(m.events().events_size()) + "; ";
    });
    auto wait_for = [&](std::size_t n) {
        for (int i = 0; i < 500; ++i) {
            {
                std::lock_guard lock(mutex);
                if (messages >= n) return;
            }
            std::this_thread::sleep_for(10ms);
        }
    };
    wait_for(1);
    ws_client clerk(process.port());
    clerk.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret);
    clerk.request(counter_command(&M::mutable_open_counter, 1));  // 1 the day, 2 counter 1 opened
    wait_for(2);
    relay.cut_all();  // it reconnects and resumes from 2, where the line-only batch ended
    wait_for(3);
    std::lock_guard lock(mutex);
    // The log starts with the file's users (bora too) and devices (docs/SETUP.md).
    auto at = [](std::uint64_t n) { return std::to_string(server_process::seed_events + 1 + n); };
    EXPECT_EQ("snapshot " + at(0) + "; " + at(1) + "-" + at(2) + " events 1; " + at(3) + "-" + at(2) + " events 0; ", seen);
}

TEST_F(clients, a_refused_sign_in_is_not_retried_and_says_why) {
    client::blocking_client wrong(as(v1::ROLE_CLERK, process.port(), server_process::clerk, "not-the-secret"));
    EXPECT_FALSE(wrong.wait_online(5s));
    auto s = wrong.status();
    EXPECT_TRUE(s.refused);
    EXPECT_EQ(client::link::offline, s.state);
    EXPECT_NE(std::string::npos, s.reason.find("refused")) << s.reason;
    M m;
    m.mutable_open_counter()->set_counter(1);
    EXPECT_EQ(v1::ERROR_CODE_UNAVAILABLE, wrong.request(m, 1s).error().code());
}

}  // namespace
}  // namespace novbe::testing
