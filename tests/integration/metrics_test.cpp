// GET /metrics of the real server as a Prometheus scraper reads it: every line in the text
// format, each family once, and reads (GetCentre, GetStatistics) counted as no commit.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

namespace novbe::testing {
namespace {

using M = v1::ClientMessage;

std::string scrape(server_process const& process) {
    auto [status, text] = http_get(process.port(), "/metrics");
    EXPECT_EQ(200, status) << text;
    return text;
}

// Whether a sample's name is the family's, or a histogram's or summary's part of it.
bool belongs(std::string const& sample, std::string const& family) {
    auto name = sample.substr(0, sample.find_first_of("{ "));
    for (std::string suffix : {"", "_bucket", "_sum", "_count"})
        if (name == family + suffix) return true;
    return false;
}

// Lines that are not in the text format (version 0.0.4): malformed, a family announced twice, a
// sample away from its family's # TYPE line.
std::vector<std::string> misfits(std::string const& text) {
    static std::regex const help(R"(# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*)");
    static std::regex const type(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
    static std::regex const sample(R"([a-zA-Z_:][a-zA-Z0-9_:]*)"
                                   R"((\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")"
                                   R"((,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")*\})?)"
                                   R"( ([-+]?[0-9.]+([eE][-+]?[0-9]+)?|[-+]Inf|NaN)( -?[0-9]+)?)");
    std::vector<std::string> bad;
    std::set<std::string> families;
    std::string current;
    std::istringstream in(text);
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
        if (std::regex_match(line, m, type)) {
            current = m[1];
            if (!families.insert(current).second) bad.push_back("again: " + line);
        } else if (std::regex_match(line, sample)) {
            if (!belongs(line, current)) bad.push_back("not under # TYPE " + current + ": " + line);
        } else if (!std::regex_match(line, help)) {
            bad.push_back(line);
        }
    }
    return bad;
}

std::uint64_t commits(std::string const& text) {
    std::string const name = "novbe_commit_events_count ";
    auto at = text.find("\n" + name);
    EXPECT_NE(std::string::npos, at) << text;
    return at == std::string::npos ? 0 : std::stoull(text.substr(at + 1 + name.size()));
}

TEST(metrics, every_line_is_in_the_text_format_and_reads_commit_nothing) {
    server_process process;
    process.start();
    ws_client kiosk(process.port());
    ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).reply().has_welcome());
    ws_client clerk(process.port());
    ASSERT_TRUE(clerk.hello(v1::ROLE_CLERK, server_process::clerk, server_process::clerk_secret).reply().has_welcome());
    ASSERT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
    EXPECT_EQ("ERROR_CODE_UNKNOWN_SERVICE", error_name(kiosk.request(issue("tax_office"))));

    auto before = scrape(process);
    EXPECT_EQ(std::vector<std::string>{}, misfits(before)) << before;
    auto const committed = commits(before);
    EXPECT_GE(committed, 1u) << before;

    M centre;
    centre.mutable_get_centre();
    M statistics;
    statistics.mutable_get_statistics();
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(kiosk.request(centre).reply().has_centre());
        ASSERT_TRUE(clerk.request(statistics).reply().has_statistics());
    }
    auto after_reads = scrape(process);
    EXPECT_EQ(committed, commits(after_reads)) << after_reads;
    EXPECT_NE(std::string::npos, after_reads.find("novbe_commands_total{type=\"get_centre\"} 5")) << after_reads;

    ASSERT_TRUE(kiosk.request(issue("passport")).reply().has_issued_ticket());
    auto after_issue = scrape(process);
    EXPECT_EQ(committed + 1, commits(after_issue)) << after_issue;
    EXPECT_EQ(std::vector<std::string>{}, misfits(after_issue)) << after_issue;
}

}  // namespace
}  // namespace novbe::testing
