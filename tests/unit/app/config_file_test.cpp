// The configuration loader as an administrator meets it: the demo file with one change, and the
// line and sentence the refusal gives (server/app/config_keys.cpp holds the known keys).
#include "app/config_file.hpp"
#include "app/config_keys.hpp"
#include "net/auth.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <unistd.h>

namespace novbe::app {
namespace {

std::string demo() {
    std::ifstream in(NOVBE_DEMO_CONFIG);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The demo file with the first `from` replaced by `to`; failing the test if `from` is not there.
std::string changed(std::string text, std::string const& from, std::string const& to) {
    auto at = text.find(from);
    EXPECT_NE(std::string::npos, at) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// The line (1-based) of the first `needle` in `text`.
std::string line_of(std::string const& text, std::string const& needle, std::size_t after = 0) {
    auto at = text.find(needle, after);
    EXPECT_NE(std::string::npos, at) << needle;
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

class config_file : public ::testing::Test {
protected:
    std::string const path_ = ::testing::TempDir() + "novbe_config_" + std::to_string(::getpid()) + ".toml";
    void TearDown() override { std::filesystem::remove(path_); }

    // "good", or the refusal as "LINE: problem" (the file's name and the column left out).
    std::string load(std::string const& text) {
        std::ofstream(path_, std::ios::trunc) << text;
        try {
            load_config(path_);
            return "good";
        } catch (config_error const& e) {
            std::string what = e.what();
            if (!what.starts_with(path_ + ":")) return "no file name: " + what;
            what = what.substr(path_.size() + 1);
            auto colon = what.find(':'), second = what.find(':', colon + 1);
            return what.substr(0, colon) + ":" + what.substr(second + 1);
        }
    }
};

TEST_F(config_file, takes_the_demo_file) { EXPECT_EQ("good", load(demo())); }

TEST_F(config_file, refuses_a_misspelt_key_and_names_the_right_one) {
    auto text = changed(demo(), "max_recalls = 2", "max_recals = 2");
    EXPECT_EQ(line_of(text, "max_recals") + ": unknown key 'max_recals' in [rules] (did you mean 'max_recalls'?)", load(text));
}

TEST_F(config_file, refuses_an_unknown_table_and_list) {
    auto text = changed(demo(), "[rules]", "[rulez]");
    EXPECT_EQ(line_of(text, "[rulez]") + ": unknown table [rulez] (did you mean [rules]?)", load(text));
    text = changed(demo(), "[[devices]]", "[[device]]");
    EXPECT_EQ(line_of(text, "[[device]]") + ": unknown list [[device]] (did you mean [[devices]]?)", load(text));
    text = demo() + "\n[printing]\nwidth = 80\n";
    EXPECT_EQ(line_of(text, "[printing]") + ": unknown table [printing]", load(text));
}

TEST_F(config_file, refuses_a_table_written_as_a_list_and_a_list_written_as_a_table) {
    // toml++ reads both; the loader would have found no [rules] and no [[devices]], and used none.
    auto text = changed(demo(), "[rules]", "[[rules]]");
    EXPECT_EQ(line_of(text, "[[rules]]") + ": 'rules' is a table: write its keys under one [rules]", load(text));
    text = changed(demo(), "[[devices]]\nname = \"kiosk hall entrance\"", "[devices]\nname = \"kiosk hall entrance\"");
    text = text.substr(0, text.find("[[devices]]"));  // the other entries would make it a parse error
    EXPECT_EQ(line_of(text, "[devices]") + ": 'devices' is a list of tables: write each entry under [[devices]]", load(text));
    text = changed(demo(), "retention_days = 90", "retention_days = 90\n[store.archive]\ndays = 1");
    EXPECT_EQ(line_of(text, "[store.archive]") + ": unknown table [store.archive]", load(text));
}

TEST_F(config_file, names_the_service_or_counter_whose_entry_has_an_unknown_key) {
    auto text = changed(demo(), "service_minutes = 12", "service_minuts = 12");
    EXPECT_EQ(line_of(text, "service_minuts") + ": unknown key 'service_minuts' in [[services]] 'notary' (did you mean "
                                                "'service_minutes'?)",
              load(text));
    text = changed(demo(), "services = [\"property\"]", "services = [\"property\"]\ncolour = \"red\"");
    EXPECT_EQ(line_of(text, "colour") + ": unknown key 'colour' in [[counters]] 6", load(text));
}

TEST_F(config_file, refuses_a_key_the_first_in_the_file_first) {
    // toml++ keeps a table's keys sorted; the administrator reads the file top down.
    auto text = changed(changed(demo(), "public_boards = true", "zebra = 1\npublic_boards = true"), "retention_days = 90",
                        "retention_days = 90\napple = 2");
    EXPECT_EQ(line_of(text, "zebra") + ": unknown key 'zebra' in [centre]", load(text));
}

TEST_F(config_file, refuses_a_closing_time_past_the_start_of_the_next_day) {
    auto text = changed(demo(), "closing = \"20:00\"", "closing = \"25:00\"");
    EXPECT_EQ(line_of(text, "closing") + ": opening \"08:00\", closing \"25:00\": closing time must come before the next "
                                         "day starts (closing may pass midnight only when day_start_minutes starts the "
                                         "day after it)",
              load(text));
    // The same closing is a real one when the day starts at 04:00: the centre works past midnight.
    EXPECT_EQ("good", load(changed(text, "closing = \"25:00\"", "closing = \"25:00\"\nday_start_minutes = 240")));
}

TEST_F(config_file, refuses_impossible_clock_times) {
    auto text = changed(demo(), "opening = \"08:00\"", "opening = \"24:30\"");
    EXPECT_EQ(line_of(text, "opening") + ": opening \"24:30\", closing \"20:00\": opening hours need 00:00 <= opening < "
                                         "24:00 and opening < closing <= opening + 24:00",
              load(text));
    text = changed(demo(), "closing = \"20:00\"", "closing = \"19:60\"");
    EXPECT_EQ(line_of(text, "closing") + ": 'closing' is a time HH:MM, not '19:60'", load(text));
    text = changed(demo(), "closing = \"20:00\"", "closing = \"07:00\"");
    EXPECT_EQ(line_of(text, "closing") + ": opening \"08:00\", closing \"07:00\": opening hours need 00:00 <= opening < "
                                         "24:00 and opening < closing <= opening + 24:00",
              load(text));
}

TEST_F(config_file, refuses_a_device_token_used_twice_without_printing_it) {
    auto text = changed(demo(), "demo-kiosk-upstairs-91c2", "demo-kiosk-entrance-7f3a");
    auto second = text.find("demo-kiosk-entrance-7f3a") + 1;
    EXPECT_EQ(line_of(text, "demo-kiosk-entrance-7f3a", second) +
                  ": device 'kiosk hall upstairs' has the token of device 'kiosk hall entrance' (first at line " +
                  line_of(text, "demo-kiosk-entrance-7f3a") + ")",
              load(text));
}

TEST_F(config_file, refuses_a_counter_number_a_service_id_a_prefix_or_a_language_used_twice) {
    auto text = changed(demo(), "number = 3", "number = 2");
    EXPECT_EQ(line_of(text, "number = 2", text.find("number = 2") + 1) + ": counter 2 is listed twice (first at line " +
                  line_of(text, "number = 2") + ")",
              load(text));
    text = changed(demo(), "id = \"notary\"", "id = \"passport\"");
    EXPECT_EQ(line_of(text, "id = \"passport\"", text.find("id = \"passport\"") + 1) +
                  ": service id 'passport' is used twice (first at line " + line_of(text, "id = \"passport\"") + ")",
              load(text));
    text = changed(demo(), "prefix = \"D\"", "prefix = \"A\"");
    EXPECT_EQ(line_of(text, "prefix = \"A\"", text.find("prefix = \"A\"") + 1) +
                  ": service 'notary': prefix 'A' is used twice (first at line " + line_of(text, "prefix = \"A\"") + ")",
              load(text));
    text = changed(demo(), "languages = [\"az\", \"en\"", "languages = [\"az\", \"az\"");
    EXPECT_EQ(line_of(text, "languages = ") + ": language 'az' is listed twice", load(text));
    // Every service is named in each language, and a name in at most 16 (core::max_names).
    text = changed(demo(), "languages = [\"az\", \"en\"", "languages = [\"l1\", \"l2\", \"l3\", \"l4\", \"l5\", \"l6\", \"l7\", "
                   "\"l8\", \"l9\", \"l10\", \"l11\", \"l12\", \"l13\", \"l14\", \"l15\", \"l16\", \"l17\", \"az\", \"en\"");
    EXPECT_EQ(line_of(text, "languages = ") + ": a centre has at most 16 languages", load(text));
}

// The rule AddService keeps too (core::service_id_problem): ids go into URLs, CSV and scripts.
TEST_F(config_file, refuses_a_service_id_with_spaces_quotes_or_markup_at_its_line) {
    for (std::string id : {"no tary", "no\\\"tary", "<script>", "notary.v2"}) {
        auto text = changed(demo(), "id = \"notary\"", "id = \"" + id + "\"");
        auto shown = id == "no\\\"tary" ? std::string("no\"tary") : id;
        EXPECT_EQ(line_of(text, "id = \"" + id) + ": service id '" + shown +
                      "' is not 1 to 64 letters, digits, '_' or '-' (such as id_card)",
                  load(text));
    }
    auto renamed = demo();  // the id, and the counters that name it
    for (auto at = renamed.find("\"notary\""); at != std::string::npos; at = renamed.find("\"notary\"", at))
        renamed.replace(at, 8, "\"Notary-2_b\"");
    EXPECT_EQ("good", load(renamed));
}

TEST_F(config_file, refuses_a_user_name_used_twice) {
    auto user = [](std::string const& role) {
        return "\n[[users]]\nname = \"aysel\"\nrole = \"" + role + "\"\nsecret = \"" + net::hash_secret("a-good-secret") +
               "\"\n";
    };
    auto text = demo() + user("clerk");
    EXPECT_EQ("good", load(text));
    text += user("manager");
    EXPECT_EQ(line_of(text, "name = \"aysel\"", text.find("name = \"aysel\"") + 1) +
                  ": user 'aysel' is listed twice (first at line " + line_of(text, "name = \"aysel\"") + ")",
              load(text));
}

TEST_F(config_file, knows_every_key_the_demo_file_documents_in_its_comments) {
    // The demo's commented [server] table is what an administrator uncomments: all of it is known.
    auto text = changed(demo(), "# [server]",
                        "[server]\nhello_timeout_seconds = 10\nidle_timeout_seconds = 60\nmax_queued_kib = 1024\n"
                        "max_frame_kib = 64\nmax_subscriptions = 8");
    for (auto key : {"# public_names", "# trusted_proxies", "# max_unauthenticated_per_address", "# metrics_token",
                     "# allowed_origins"})
        text = changed(text, key, key + 2);
    EXPECT_EQ("good", load(text));
}

TEST_F(config_file, takes_an_alert_horizon_of_1_to_240_minutes) {  // docs/DOMAIN.md#alerts-before-a-breach
    auto with = [](std::string const& value) {
        return changed(demo(), "appointment_early_minutes = 5", "appointment_early_minutes = 5\nalert_horizon_minutes = " + value);
    };
    auto text = with("0");
    EXPECT_EQ(line_of(text, "alert_horizon_minutes") + ": 'alert_horizon_minutes' is 1 to 240", load(text));
    EXPECT_EQ("good", load(with("240")));
}

TEST_F(config_file, the_last_ticket_cut_off_is_on_unless_the_file_turns_it_off) {  // docs/DOMAIN.md#last-ticket-cut-off
    auto with = [](std::string const& value) {
        return changed(demo(), "appointment_early_minutes = 5", "appointment_early_minutes = 5\nlast_ticket_cutoff = " + value);
    };
    auto read = [&](std::string const& text) {
        std::ofstream(path_, std::ios::trunc) << text;
        return load_config(path_).centre.rules.last_ticket_cutoff;
    };
    EXPECT_TRUE(read(demo()));  // no key: on
    EXPECT_FALSE(read(with("false")));
    EXPECT_TRUE(read(with("true")));
    auto wrong = with("\"no\"");
    EXPECT_EQ(line_of(wrong, "last_ticket_cutoff") + ": 'last_ticket_cutoff' has the wrong type", load(wrong));
}

TEST(config_keys, each_known_key_is_listed_once) {
    std::set<std::string_view> seen;
    for (auto key : known_config_keys()) EXPECT_TRUE(seen.insert(key).second) << key;
    EXPECT_TRUE(seen.contains("rules.max_recalls"));
}

}  // namespace
}  // namespace novbe::app
