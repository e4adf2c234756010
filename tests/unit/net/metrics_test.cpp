// /metrics as a scraper reads it: label values escaped, each family's samples together under
// its one # TYPE line, the store's commits carried over once.
#include "net/metrics.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

namespace novbe::net {
namespace {

core::centre two_services(std::string const& second_id) {
    core::centre_config config;
    config.services.push_back({.id = "passport", .prefix = "A", .names = {{"en", "Passport"}}});
    config.services.push_back({.id = second_id, .prefix = "B", .names = {{"en", "Second"}}});
    config.counters.push_back({.number = 1, .name = "1", .services = {0, 1}});
    core::centre c(config);
    for (std::uint64_t i = 1; i <= 3; ++i) {
        auto issued = c.decide(core::issue_ticket{.service = i == 3 ? core::service_index{1} : core::service_index{0},
                                                  .language = "en", .token = {.hi = i, .lo = i}},
                               core::time_point{});
        EXPECT_TRUE(issued.ok());
        for (auto const& ev : issued.events()) c.apply(ev);
    }
    return c;
}

store::event_log::figures commits(std::uint64_t one_event, std::uint64_t five_events) {
    store::event_log::figures f;
    f.commits = one_event + five_events;
    f.events = one_event + 5 * five_events;
    f.commit_seconds = 0.001 * static_cast<double>(f.commits);
    f.by_size[0] = one_event;   // le=1
    f.by_size[2] = five_events; // le=16
    f.by_latency[3] = f.commits; // le=0.001
    return f;
}

bool has_line(std::string const& text, std::string const& line) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l == line) return true;
    return false;
}

// The family a sample belongs to: its name, less a histogram's _bucket, _sum or _count.
std::string family_of(std::string const& sample, std::map<std::string, std::string> const& types) {
    auto name = sample.substr(0, sample.find_first_of("{ "));
    if (types.contains(name)) return name;
    for (std::string suffix : {"_bucket", "_sum", "_count"})
        if (name.ends_with(suffix)) {
            auto base = name.substr(0, name.size() - suffix.size());
            if (types.contains(base) && types.at(base) == "histogram") return base;
        }
    return "";
}

TEST(metrics, a_label_value_with_a_quote_a_backslash_and_a_newline_comes_out_escaped) {
    metrics m;
    m.refused("ERROR\"CODE\\X\nnovbe_fake 1");
    auto text = m.render(two_services("tax\"office\\2\nB"), {}, core::time_point{});
    EXPECT_TRUE(has_line(text, R"(novbe_errors_total{code="ERROR\"CODE\\X\nnovbe_fake 1"} 1)")) << text;
    EXPECT_TRUE(has_line(text, R"(novbe_waiting{service="tax\"office\\2\nB"} 1)")) << text;
    EXPECT_FALSE(has_line(text, "novbe_fake 1")) << text;
}

TEST(metrics, each_familys_samples_follow_its_one_type_line) {
    metrics m;
    m.connected("unknown");
    m.connected("kiosk");
    for (auto type : {"hello", "issue_ticket", "issue_ticket", "get_centre"}) m.command(type);
    m.refused("ERROR_CODE_UNKNOWN_SERVICE");
    auto text = m.render(two_services("tax_office"), commits(2, 1), core::time_point{});

    std::map<std::string, std::string> types;  // family -> type, from every # TYPE line
    std::istringstream scan(text);
    for (std::string line; std::getline(scan, line);)
        if (line.starts_with("# TYPE ")) {
            std::istringstream words(line.substr(7));
            std::string name, type;
            words >> name >> type;
            EXPECT_TRUE(types.emplace(name, type).second) << "a second # TYPE line for " << name << "\n" << text;
        }
    for (auto name : {"novbe_connections", "novbe_commands_total", "novbe_errors_total", "novbe_commit_events",
                      "novbe_commit_seconds", "novbe_waiting", "novbe_estimated_wait_seconds", "novbe_tickets_today"})
        EXPECT_TRUE(types.contains(name)) << name << " is missing\n" << text;

    std::string current;
    std::set<std::string> seen;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("# TYPE ")) {
            current = line.substr(7, line.find(' ', 7) - 7);
            EXPECT_TRUE(seen.insert(current).second) << current << " comes back after another family\n" << text;
        } else if (!line.empty() && line[0] != '#') {
            EXPECT_EQ(current, family_of(line, types)) << line << "\n" << text;
        }
    }
    for (auto line : {R"(novbe_waiting{service="passport"} 2)", R"(novbe_waiting{service="tax_office"} 1)",
                      R"(novbe_commands_total{type="issue_ticket"} 2)", R"(novbe_connections{role="kiosk"} 1)",
                      "novbe_tickets_today 3"})
        EXPECT_TRUE(has_line(text, line)) << "missing: " << line << "\n" << text;
}

TEST(metrics, the_stores_commits_are_carried_over_once_however_often_it_is_read) {
    metrics m;
    auto c = two_services("tax_office");
    m.render(c, commits(2, 1), core::time_point{});
    m.render(c, commits(2, 1), core::time_point{});
    auto text = m.render(c, commits(3, 2), core::time_point{});
    for (auto line : {"novbe_commit_events_count 5", "novbe_commit_events_sum 13", R"(novbe_commit_events_bucket{le="1"} 3)",
                      R"(novbe_commit_events_bucket{le="4"} 3)", R"(novbe_commit_events_bucket{le="16"} 5)",
                      R"(novbe_commit_events_bucket{le="+Inf"} 5)", "novbe_commit_seconds_count 5",
                      R"(novbe_commit_seconds_bucket{le="0.0005"} 0)", R"(novbe_commit_seconds_bucket{le="0.001"} 5)"})
        EXPECT_TRUE(has_line(text, line)) << "missing: " << line << "\n" << text;
}

TEST(metrics, a_connection_leaves_the_role_it_was_counted_under) {
    metrics m;
    m.connected("unknown");
    m.disconnected("unknown");
    m.connected("clerk");
    auto text = m.render(two_services("tax_office"), {}, core::time_point{});
    EXPECT_TRUE(has_line(text, R"(novbe_connections{role="unknown"} 0)")) << text;
    EXPECT_TRUE(has_line(text, R"(novbe_connections{role="clerk"} 1)")) << text;
}

}  // namespace
}  // namespace novbe::net
