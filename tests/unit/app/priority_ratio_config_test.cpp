// `normal_per_priority` in [rules] and in a [[counters]] entry (docs/DOMAIN.md#priority-ratio):
// read into the engine's rules, and refused with its line when out of range.
#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace novbe::app {
namespace {

// The demo centre with `from` replaced by `to`, in a file of its own.
std::string demo_with(std::string const& from, std::string const& to) {
    std::ifstream in(NOVBE_DEMO_CONFIG);
    std::stringstream text;
    text << in.rdbuf();
    auto toml = text.str();
    toml.replace(toml.find(from), from.size(), to);
    static int files = 0;
    auto path = (std::filesystem::temp_directory_path() /
                 ("novbe-ratio-" + std::to_string(::getpid()) + "-" + std::to_string(++files) + ".toml")).string();
    std::ofstream(path) << toml;
    return path;
}

std::string const centre_line = "normal_per_priority = 0 ";
std::string const counter_1 = "number = 1\nservices = [\"passport\", \"id_card\"]\n";

TEST(priority_ratio_config, the_centre_and_a_counter_set_their_k) {
    auto path = demo_with(centre_line, "normal_per_priority = 2 ");
    auto s = load_config(path);
    std::remove(path.c_str());
    EXPECT_EQ(2, s.centre.rules.normal_per_priority);
    EXPECT_FALSE(s.centre.counters[0].normal_per_priority.has_value());  // the centre's k
    path = demo_with(counter_1, counter_1 + "normal_per_priority = 4\n");
    s = load_config(path);
    std::remove(path.c_str());
    EXPECT_EQ(0, s.centre.rules.normal_per_priority);
    EXPECT_EQ(4, s.centre.counters[0].normal_per_priority.value_or(-1));
}

TEST(priority_ratio_config, out_of_range_is_refused_with_its_line) {
    for (auto const& [from, to] : {std::pair{centre_line, std::string("normal_per_priority = 101 ")},
                                   std::pair{counter_1, counter_1 + "normal_per_priority = -1\n"}}) {
        auto path = demo_with(from, to);
        std::string error = "accepted";
        try {
            load_config(path);
        } catch (config_error const& e) {
            error = e.what() + path.size() + 1;  // after "FILE:"
        }
        std::remove(path.c_str());
        EXPECT_NE(std::string::npos, error.find(": 'normal_per_priority' is 0")) << error;
        EXPECT_NE(std::string::npos, error.find(" to 100")) << error;
        EXPECT_TRUE(error.starts_with(from == centre_line ? "22:" : "129:")) << error;
    }
}

}  // namespace
}  // namespace novbe::app
