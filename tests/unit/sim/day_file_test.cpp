// Day files: a mistake is refused with its file, line and column, and nothing runs.
#include "day_file.hpp"

#include <gtest/gtest.h>

namespace novbe::sim {
namespace {

std::string const good_service = "[[services]]\nid = \"passport\"\nprefix = \"A\"\narrivals_per_hour = [10]\n";
std::string const good_counter = "[[counters]]\nnumber = 1\nservices = [\"passport\"]\nopen = \"08:00\"\nclose = \"18:00\"\n";

std::string refusal(std::string const& text) {
    try {
        read_day(text, "bad.toml");
    } catch (day_error const& e) {
        return e.what();
    }
    return "accepted";
}

TEST(day_file, a_good_day_is_read) {
    auto d = read_day("[day]\nopening = \"08:00\"\n" + good_service + good_counter, "good.toml");
    ASSERT_EQ(1u, d.centre.services.size());
    EXPECT_EQ(std::vector<double>{10}, d.services[0].arrivals_per_hour);
    EXPECT_EQ(std::chrono::seconds(10 * 3600), d.counters[0].close);
}

TEST(day_file, an_unknown_key_is_refused_with_its_line) {
    EXPECT_EQ("bad.toml:3:10: unknown key 'colour' in [day]", refusal("[day]\nseed = 1\ncolour = \"red\"\n"));
}

TEST(day_file, a_share_out_of_range_is_refused_with_its_line) {
    EXPECT_EQ("bad.toml:5:18: 'priority_share' is a number from 0 to 1",
              refusal(good_service + "priority_share = 1.5\n" + good_counter));
}

TEST(day_file, a_counter_naming_an_unknown_service_is_refused) {
    EXPECT_EQ("bad.toml:7:13: an unknown service",
              refusal(good_service + "[[counters]]\nnumber = 1\nservices = [\"visa\"]\nopen = \"08:00\"\nclose = \"18:00\"\n"));
}

TEST(day_file, a_break_outside_the_counters_hours_is_refused) {
    EXPECT_EQ("bad.toml:10:11: breaks fall inside the counter's hours, in order, without overlapping",
              refusal(good_service + good_counter + "breaks = [{ at = \"17:50\", minutes = 30 }]\n"));
}

TEST(day_file, broken_toml_is_refused_with_its_line) {
    EXPECT_EQ("bad.toml:2:", refusal("[day]\nseed = = 1\n").substr(0, 11));
}

TEST(day_file, a_day_without_counters_is_refused) {
    EXPECT_EQ("bad.toml:1:1: a day needs at least one [[counters]]", refusal(good_service));
}

}  // namespace
}  // namespace novbe::sim
