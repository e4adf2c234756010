// retention_days in the configuration reaches the store: a server so configured erases the
// personal data of days older than that when a new day begins, and keeps every count.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"
#include "store/codec.hpp"
#include "store/database.hpp"
#include "store/event_log.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <sstream>

namespace novbe::testing {
namespace {

// Noon, local time, `days` days ago: a day the centre was open.
core::time_point noon_days_ago(int days, std::chrono::minutes utc_offset) {
    auto now = std::chrono::time_point_cast<core::duration>(std::chrono::system_clock::now());
    auto local_midnight = std::chrono::floor<std::chrono::days>(now + utc_offset) - utc_offset;
    return local_midnight - std::chrono::days(days) + std::chrono::hours(12);
}

// Sets `retention_days = N` in the [store] table of the server's configuration.
void set_retention(server_process const& process, int days) {
    auto path = process.folder() + "/centre.toml";
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    auto changed = std::regex_replace(text.str(), std::regex("retention_days = [0-9]+"),
                                      "retention_days = " + std::to_string(days));
    ASSERT_NE(text.str(), changed) << "the demo configuration has no retention_days";
    std::ofstream(path) << changed;
}

TEST(retention, a_configured_server_erases_personal_data_older_than_its_retention_days) {
    server_process process;
    auto config = app::load_config(process.folder() + "/centre.toml").centre;
    auto db = process.folder() + "/centre.db";
    {  // Five days ago the centre issued three tickets.
        auto opened = store::event_log::open({.path = db}, config);
        core::centre centre(config);
        auto at = noon_days_ago(5, config.rules.utc_offset);
        std::vector<core::event> events;
        for (std::uint64_t i = 1; i <= 3; ++i) {
            auto outcome = centre.decide(core::issue_ticket{0, core::priority_class::normal, "ru", {7, i}}, at);
            ASSERT_TRUE(outcome.ok());
            for (auto const& ev : outcome.events()) centre.apply(ev);
            events.insert(events.end(), outcome.events().begin(), outcome.events().end());
            at += std::chrono::minutes(3);
        }
        std::promise<std::error_code> done;
        opened.log->append(std::move(events), [&](std::error_code ec, std::uint64_t) { done.set_value(ec); });
        ASSERT_FALSE(done.get_future().get());
    }
    set_retention(process, 2);
    process.start();
    {
        ws_client kiosk(process.port());
        kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
        EXPECT_EQ("A001", kiosk.request(issue("passport")).reply().issued_ticket().number());  // today begins
    }
    ASSERT_EQ(0, process.stop());

    store::database after(db);
    auto today = after.query_int("SELECT max(day) FROM events");
    auto old_days = "FROM tickets WHERE day < " + std::to_string(today - 2);
    EXPECT_EQ(3, after.query_int("SELECT count(*) " + old_days)) << "the counts stay";
    EXPECT_EQ(0, after.query_int("SELECT count(*) " + old_days + " AND language IS NOT NULL")) << "the languages go";
    EXPECT_EQ(1, after.query_int("SELECT count(*) FROM tickets WHERE day = " + std::to_string(today) + " AND language = 'en'"));
    store::statement issued(after, "SELECT body FROM events WHERE kind = ?1 AND day < ?2");
    issued.bind(1, store::kind_of<core::ticket_issued>).bind(2, today - 2);
    int erased = 0;
    while (issued.step()) {
        auto ev = std::get<core::ticket_issued>(store::decode_event(issued.column_blob(0), config));
        EXPECT_TRUE(ev.token.empty()) << "the ticket's token goes from the log too";
        erased += ev.language.empty() ? 1 : 0;
    }
    EXPECT_EQ(3, erased);

    process.start();  // and the erased days do not stop it from starting again (refilling its resume window)
    ws_client kiosk(process.port());
    kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    EXPECT_EQ("A002", kiosk.request(issue("passport")).reply().issued_ticket().number());
}

TEST(retention, a_negative_retention_is_refused_with_its_place) {
    server_process process;
    set_retention(process, -1);
    auto path = process.folder() + "/centre.toml";
    try {
        app::load_config(path);
        ADD_FAILURE() << "a negative retention_days was accepted";
    } catch (app::config_error const& e) {
        EXPECT_NE(std::string::npos, std::string(e.what()).find("retention_days is 0 (keep) to 36500")) << e.what();
        EXPECT_EQ(0u, std::string(e.what()).find(path + ":")) << e.what();
    }
}

}  // namespace
}  // namespace novbe::testing
