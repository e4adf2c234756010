// `[centre] public_url`, the address every ticket's QR code opens (docs/DOMAIN.md#public-address):
// kept without its trailing slash, and refused with its line when it is no http(s) address.
#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace novbe::app {
namespace {

// The demo centre with `line` put first in its [centre] table, in a file of its own.
std::string demo_with(std::string const& line) {
    std::ifstream in(NOVBE_DEMO_CONFIG);
    std::stringstream text;
    text << in.rdbuf();
    auto toml = text.str();
    toml.replace(toml.find("[centre]\n"), 9, "[centre]\n" + line + "\n");
    static int files = 0;
    auto path = (std::filesystem::temp_directory_path() /
                 ("novbe-public-url-" + std::to_string(::getpid()) + "-" + std::to_string(++files) + ".toml")).string();
    std::ofstream(path) << toml;
    return path;
}

std::string refusal(std::string const& line) {
    auto path = demo_with(line);
    try {
        load_config(path);
    } catch (config_error const& e) {
        std::remove(path.c_str());
        return e.what() + path.size() + 1;  // after "FILE:"
    }
    std::remove(path.c_str());
    return "accepted";
}

TEST(public_url, is_kept_without_its_trailing_slash) {
    auto path = demo_with("public_url = \"https://novbe.example.az/\"");
    EXPECT_EQ("https://novbe.example.az", load_config(path).profile.public_url);
    std::remove(path.c_str());
}

TEST(public_url, is_empty_when_not_configured) {
    EXPECT_EQ("", load_config(NOVBE_DEMO_CONFIG).profile.public_url);
}

TEST(public_url, must_be_an_http_address_without_spaces_query_or_fragment) {
    EXPECT_EQ("5:14: public_url must be an http:// or https:// address of at most 200 characters, without spaces, "
              "query or fragment, not 'novbe.example.az'",
              refusal("public_url = \"novbe.example.az\""));
    EXPECT_NE(std::string::npos, refusal("public_url = \"https://novbe example.az\"").find("must be an http"));
    EXPECT_NE(std::string::npos, refusal("public_url = \"https://novbe.example.az/?a=1\"").find("must be an http"));
    EXPECT_NE(std::string::npos, refusal("public_url = \"https://" + std::string(200, 'a') + "\"").find("must be an http"));
    EXPECT_NE(std::string::npos, refusal("public_url = \"https:///\"").find("names no host"));
}

}  // namespace
}  // namespace novbe::app
