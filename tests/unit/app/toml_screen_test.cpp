// The pass that keeps toml++ 3.3.0 off its undefined behaviour (server/app/toml_screen.hpp):
// what it refuses, where it says, and the valid files it lets through.
#include "app/config_file.hpp"
#include "app/toml_screen.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace novbe::app {
namespace {

TEST(toml_screen, refuses_a_non_ascii_character_first_after_a_line_ending_backslash) {
    // The shape the config fuzzer found: valid TOML, but toml++ 3.3.0 reaches "unreachable".
    EXPECT_EQ("2:3: a non-ASCII character first after a line-ending backslash (write it on the line of the backslash, "
              "or escape it as \\uXXXX)",
              screen_toml("s = \"\"\"\\\n  \xC2\xA7\"\"\"\n"));
}

TEST(toml_screen, refuses_a_backslash_before_a_non_ascii_character) {
    // The fifth find: an escape of a non-ASCII character (invalid TOML) reaches the same table.
    EXPECT_EQ("2:5: a backslash before a non-ASCII character", screen_toml("a = \"\"\"\nx \\\\\\\xD1\x82\"\"\"\n"));
    EXPECT_EQ("1:6: a backslash before a non-ASCII character", screen_toml("a = \"\\\xD1\x82\""));
}

TEST(toml_screen, refuses_a_non_ascii_character_outside_strings_and_comments) {
    EXPECT_EQ("2:10: a non-ASCII character outside a string or comment", screen_toml("[centre]\nid = \"x\" \xE2\x80\x94\n"));
    EXPECT_EQ("1:1: a non-ASCII character outside a string or comment", screen_toml("\xCC\xAA"));
}

TEST(toml_screen, lets_through_non_ascii_text_where_toml_allows_it) {
    EXPECT_EQ("", screen_toml("\xEF\xBB\xBF# \xC5\x9E\xC9\x99xsiyy\xC9\x99t\nname = \"\xD0\x9C\xD0\xB2\"\n"));
    EXPECT_EQ("", screen_toml("a = 'l\xC3\xA9'\nb = '''\n\xC3\xA9'''\nc = \"\"\"\n\xC3\xA9 \\\n  x \xC3\xA9\"\"\"\n"));
    EXPECT_EQ("", screen_toml("d = \"\\\"\xC3\xA9\"\ne = \"\"\"\\\"\"\" \\\\\n\xC3\xA9\"\"\"\nf = \"\"\"x\"\"\"\"\"\n"));
}

TEST(toml_screen, refuses_a_table_header_without_a_key) {
    // The fuzzer's second find: toml++ 3.3.0 asserts that a header's '[' is followed by a key.
    EXPECT_EQ("2:2: a table header names no key", screen_toml("[centre]\n[# = \"c\"\n"));
    EXPECT_EQ("1:4: a table header names no key", screen_toml("[[ ]]"));
    EXPECT_EQ("1:2: a table header names no key", screen_toml("\xEF\xBB\xBF[(centre]"));  // after a byte order mark too
    EXPECT_EQ("", screen_toml("[ centre ]\n[[\"services\"]]\na = [\n  [],\n  [ {x = 1} ],\n]\n[b]\n"));
}

TEST(toml_screen, refuses_a_missing_value) {
    // The fuzzer's third find: toml++ 3.3.0 asserts that a value follows '=', '[' and ','.
    EXPECT_EQ("2:13: a value is missing", screen_toml("[[counters]]\nservices = [}\n"));
    EXPECT_EQ("1:6: a value is missing", screen_toml("a = [,1]"));
    EXPECT_EQ("1:5: a value is missing", screen_toml("a = }"));
    EXPECT_EQ("", screen_toml("a = []\nb = [ # note\n  1,\n  [2, 3],\n]\nc = { x = 1, y = [ ] }\nd=[{}]\n"));
}

TEST(toml_screen, refuses_a_quote_right_after_a_bare_word) {
    // The sixth find: toml++ reads `0"Minist\xC3\xA8re"` as one bare value, through the è.
    EXPECT_EQ("1:7: a quote right after a bare word (put a space or '=' before the string)",
              screen_toml("fr = 0\"Minist\xC3\xA8re\""));
    // The seventh: the same after NUL bytes.
    EXPECT_EQ("1:8: a quote right after a bare word (put a space or '=' before the string)",
              screen_toml(std::string_view("ru = 4\0\"\xD0\x94\"", 10)));
    EXPECT_EQ("", screen_toml("a.\"b\" = 1\nc = [\"x\",\"y\"]\nd = {e=\"f\"}\n"));
}

TEST(toml_screen, keeps_counting_after_a_multi_line_string) {
    EXPECT_EQ("4:5: a non-ASCII character outside a string or comment", screen_toml("a = \"\"\"\n\n\"\"\"\nb = \xC3\xA9\n"));
}

TEST(toml_screen, makes_load_config_refuse_with_the_file_and_line) {
    auto const path = ::testing::TempDir() + "toml_screen_test.toml";
    std::ofstream(path) << "[centre]\nname = \"\"\"\\\n\xC2\xA7\"\"\"\n";
    try {
        load_config(path);
        FAIL() << "loaded";
    } catch (config_error const& e) {
        EXPECT_EQ(path + ":3:1: a non-ASCII character first after a line-ending backslash (write it on the line of the "
                         "backslash, or escape it as \\uXXXX)",
                  e.what());
    }
    std::remove(path.c_str());
}

TEST(toml_screen, lets_the_demo_centre_load) {
    EXPECT_EQ(7u, load_config(NOVBE_DEMO_CONFIG).centre.services.size());
}

}  // namespace
}  // namespace novbe::app
