// `[[reasons]]`, the codes staff give for out-of-order actions (docs/DOMAIN.md#reasons): the
// built-in five without any, the file's own instead of them, and a bad entry refused with its line.
#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace novbe::app {
namespace {

// The demo centre with `tables` appended, in a file of its own.
std::string demo_with(std::string const& tables) {
    std::ifstream in(NOVBE_DEMO_CONFIG);
    std::stringstream text;
    text << in.rdbuf() << "\n" << tables << "\n";
    static int files = 0;
    auto path = (std::filesystem::temp_directory_path() /
                 ("novbe-reasons-" + std::to_string(::getpid()) + "-" + std::to_string(++files) + ".toml")).string();
    std::ofstream(path) << text.str();
    return path;
}

// "accepted: elderly returning" (the codes loaded), or the refusal after "FILE:".
std::string loaded(std::string const& tables) {
    auto path = demo_with(tables);
    std::string out;
    try {
        out = "accepted:";
        for (auto const& r : load_config(path).centre.reasons) out += " " + r.code;
    } catch (config_error const& e) {
        out = e.what() + path.size() + 1;
    }
    std::remove(path.c_str());
    return out;
}

std::string const names = R"(names = { az = "a", en = "e", ru = "r", rw = "w", fr = "f" })";

TEST(reason_config, without_any_the_centre_has_the_five_built_in) {
    EXPECT_EQ("accepted: elderly returning wrong_service citizen_request clerk_absent", loaded(""));
}

TEST(reason_config, the_file_s_own_replace_the_built_in_ones) {
    EXPECT_EQ("accepted: vip_escort", loaded("[[reasons]]\ncode = \"vip_escort\"\n" + names));
}

TEST(reason_config, a_bad_entry_is_refused_with_its_line) {
    auto refusal = loaded("[[reasons]]\ncode = \"Elderly!\"\n" + names);
    EXPECT_NE(std::string::npos, refusal.find("a-z, 0-9 and _")) << refusal;
    refusal = loaded("[[reasons]]\ncode = \"elderly\"\nnames = { en = \"e\" }");
    EXPECT_NE(std::string::npos, refusal.find("reason 'elderly' has no name in 'az'")) << refusal;
    refusal = loaded("[[reasons]]\ncode = \"x\"\n" + names + "\n[[reasons]]\ncode = \"x\"\n" + names);
    EXPECT_NE(std::string::npos, refusal.find("reason 'x' is listed twice")) << refusal;
    refusal = loaded("[[reasons]]\ncode = \"x\"\n" + names + "\nlabel = \"typo\"");
    EXPECT_NE(std::string::npos, refusal.find("label")) << "an unknown key is refused: " << refusal;
}

}  // namespace
}  // namespace novbe::app
