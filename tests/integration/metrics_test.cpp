// GET /metrics of the real server as a Prometheus scraper reads it: every line in the text
// format, each family (its HELP and TYPE) once with its samples together, and reads
// (GetCentre, GetStatistics) counted as no commit.
#include "messages.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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

// Whether a sample's name is the family's, or (a histogram's or summary's) one of its parts.
bool belongs(std::string const& sample, std::string const& family, std::string const& type) {
    auto name = sample.substr(0, sample.find_first_of("{ "));
    if (name == family) return type != "histogram";
    if (type != "histogram" && type != "summary") return false;
    for (std::string suffix : {"_sum", "_count", type == "histogram" ? "_bucket" : "_sum"})
        if (name == family + suffix) return true;
    return false;
}

// Lines that are not in the text format (version 0.0.4), by a small parser of it: malformed; a
// # HELP or # TYPE given twice for a family, or a # HELP not followed by its family's # TYPE; a
// sample not of the family of the last # TYPE line (so a family's samples are together); a
// histogram whose buckets do not rise to +Inf or whose _count is not its +Inf bucket.
std::vector<std::string> misfits(std::string const& text) {
    static std::regex const help(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*)");
    static std::regex const type(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
    static std::regex const sample(R"([a-zA-Z_:][a-zA-Z0-9_:]*)"
                                   R"((\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")"
                                   R"((,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")*\})?)"
                                   R"( ([-+]?[0-9.]+([eE][-+]?[0-9]+)?|[-+]Inf|NaN)( -?[0-9]+)?)");
    static std::regex const bucket(R"re([a-zA-Z_:][a-zA-Z0-9_:]*_bucket\{le="([^"]*)"\} (.*))re");
    std::vector<std::string> bad;
    std::set<std::string> typed, helped;
    std::string current, current_type, pending_help;
    double last_le = -1e300, inf_count = -1;
    std::string count_value;
    auto end_family = [&] {
        if (current_type != "histogram") return;
        if (inf_count < 0) bad.push_back(current + ": no +Inf bucket");
        else if (count_value.empty() || std::stod(count_value) != inf_count) bad.push_back(current + ": _count is not the +Inf bucket");
    };
    std::istringstream in(text);
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
        if (!pending_help.empty() && !line.starts_with("# TYPE " + pending_help + " "))
            bad.push_back("# HELP " + pending_help + " without its # TYPE next: " + line);
        pending_help.clear();
        if (std::regex_match(line, m, help)) {
            if (!helped.insert(m[1]).second) bad.push_back("HELP again: " + line);
            pending_help = m[1];
        } else if (std::regex_match(line, m, type)) {
            end_family();
            current = m[1], current_type = m[2], last_le = -1e300, inf_count = -1, count_value.clear();
            if (!typed.insert(current).second) bad.push_back("again: " + line);
        } else if (std::regex_match(line, sample)) {
            if (!belongs(line, current, current_type)) bad.push_back("not under # TYPE " + current + ": " + line);
            if (line.starts_with(current + "_count ")) count_value = line.substr(current.size() + 7);
            if (current_type == "histogram" && std::regex_match(line, m, bucket)) {
                double le = m[1] == "+Inf" ? 1e308 : std::stod(m[1]);
                if (le <= last_le) bad.push_back("buckets out of order: " + line);
                last_le = le;
                if (m[1] == "+Inf") inf_count = std::stod(m[2]);
            }
        } else {
            bad.push_back(line);
        }
    }
    end_family();
    return bad;
}

// Whether the parser names a fault containing `what` in `text`.
bool finds(std::string const& text, std::string const& what) {
    auto bad = misfits(text);
    return std::any_of(bad.begin(), bad.end(), [&](std::string const& b) { return b.find(what) != std::string::npos; });
}

// The parser above can fail: text with each fault it looks for.
TEST(metrics, the_text_format_parser_finds_each_fault) {
    EXPECT_EQ(std::vector<std::string>{}, misfits("# HELP a_total A.\n# TYPE a_total counter\na_total 1\n"
                                                  "# TYPE h histogram\nh_count 2\nh_sum 3\nh_bucket{le=\"1\"} 1\n"
                                                  "h_bucket{le=\"+Inf\"} 2\n"));
    EXPECT_TRUE(finds("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"1\"} 2\n", "not under # TYPE b"));
    EXPECT_TRUE(finds("# TYPE a gauge\na 1\n# TYPE a gauge\na 2\n", "again: # TYPE a"));
    EXPECT_TRUE(finds("# HELP a A.\n# TYPE a gauge\na 1\n# HELP a A.\n# TYPE a gauge\n", "HELP again"));
    EXPECT_TRUE(finds("# HELP a A.\n# TYPE b gauge\nb 1\n", "# HELP a without its # TYPE"));
    EXPECT_TRUE(finds("# TYPE h histogram\nh_count 1\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\n",
                      "buckets out of order"));
    EXPECT_TRUE(finds("# TYPE h histogram\nh_count 3\nh_bucket{le=\"+Inf\"} 2\n", "_count is not the +Inf bucket"));
    EXPECT_TRUE(finds("# TYPE h histogram\nh_count 0\n", "no +Inf bucket"));
    EXPECT_TRUE(finds("# TYPE g gauge\ng_count 1\n", "not under # TYPE g"));
    EXPECT_TRUE(finds("no spaces\n", "no spaces"));
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
    for (auto family : {"novbe_connections gauge", "novbe_commands_total counter", "novbe_errors_total counter",
                        "novbe_commit_events histogram", "novbe_commit_seconds histogram", "novbe_waiting gauge",
                        "novbe_estimated_wait_seconds gauge", "novbe_tickets_today gauge"})
        EXPECT_NE(std::string::npos, before.find(std::string("\n# TYPE ") + family + "\n")) << family << "\n" << before;
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
