// `[central]` (docs/CENTRAL.md#configuration): absent, nothing is forwarded; present, its keys
// are read with their defaults, and a bad one is refused with its line.
#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace novbe::app {
namespace {

// The demo centre with `table` appended, in a file of its own; removed by the caller.
std::string demo_with(std::string const& table) {
    std::ifstream in(NOVBE_DEMO_CONFIG);
    std::stringstream text;
    text << in.rdbuf() << "\n" << table << "\n";
    static int files = 0;
    auto path = (std::filesystem::temp_directory_path() /
                 ("novbe-central-" + std::to_string(::getpid()) + "-" + std::to_string(++files) + ".toml")).string();
    std::ofstream(path) << text.str();
    return path;
}

std::string refusal(std::string const& table) {
    auto path = demo_with(table);
    std::string out = "accepted";
    try {
        load_config(path);
    } catch (config_error const& e) {
        out = e.what() + path.size() + 1;  // after "FILE:"
    }
    std::remove(path.c_str());
    return out;
}

TEST(central_config, is_absent_without_the_table) { EXPECT_FALSE(load_config(NOVBE_DEMO_CONFIG).central); }

TEST(central_config, reads_its_keys_with_the_default_batch) {
    auto path = demo_with("[central]\nconnection = \"postgresql://novbe@central.example/novbe\"\ncentre_id = \"baku-1\"");
    auto central = load_config(path).central;
    std::remove(path.c_str());
    ASSERT_TRUE(central);
    EXPECT_EQ("postgresql://novbe@central.example/novbe", central->connection);
    EXPECT_EQ("baku-1", central->centre_id);
    EXPECT_EQ(1000u, central->batch_events);
}

TEST(central_config, refuses_bad_keys_with_their_place) {
    auto const start = "[central]\nconnection = \"host=/run/postgresql\"\n";
    EXPECT_NE(std::string::npos, refusal(std::string(start) + "centre_id = \"baku 1\"").find("centre_id is 1 to 64 letters"));
    EXPECT_NE(std::string::npos, refusal(std::string(start)).find("'centre_id' is missing"));
    EXPECT_NE(std::string::npos,
              refusal(std::string(start) + "centre_id = \"b\"\nbatch_events = 0").find("batch_events is 1 to 100000"));
    EXPECT_NE(std::string::npos, refusal("[central]\ncentre_id = \"b\"").find("'connection' is missing"));
    EXPECT_EQ("accepted", refusal(std::string(start) + "centre_id = \"baku-1\"\nbatch_events = 50"));
}

}  // namespace
}  // namespace novbe::app
