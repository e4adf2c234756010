#include "server_process.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace novbe::testing {

server_process::server_process()
    : folder_(temporary_folder("novbe-server-test")), process_("novbe-server", folder_ + "/server.log") {
    std::filesystem::copy_file(NOVBE_DEMO_CONFIG, folder_ + "/centre.toml");
    hours("00:00", "24:00");
    app::add_user(folder_ + "/centre.toml", clerk, net::role::clerk, clerk_secret);
    app::add_user(folder_ + "/centre.toml", manager, net::role::manager, manager_secret);
}

server_process::~server_process() {
    process_.stop();
    // The server runs under the same sanitizers as the tests: its reports fail the test.
    auto text = log();
    for (char const* alarm : {"AddressSanitizer", "ThreadSanitizer", "LeakSanitizer", "runtime error:"})
        if (auto at = text.find(alarm); at != std::string::npos)
            ADD_FAILURE() << "novbe-server reported a sanitizer error:\n" << text.substr(at > 200 ? at - 200 : 0, 8000);
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void server_process::configure(std::string const& toml) {
    std::ofstream(folder_ + "/centre.toml", std::ios::app) << "\n" << toml << "\n";
}

void server_process::hours(std::string const& opening, std::string const& closing) {
    auto path = folder_ + "/centre.toml";
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    auto toml = std::regex_replace(text.str(), std::regex("\n(opening|closing) = \"[^\"]*\""), "");
    auto at = toml.find("[centre]\n");
    if (at == std::string::npos) throw std::runtime_error("the demo configuration has no [centre] table");
    toml.insert(at + 9, "opening = \"" + opening + "\"\nclosing = \"" + closing + "\"\n");
    std::ofstream(path, std::ios::trunc) << toml;
}

void server_process::start() {
    process_.start({NOVBE_SERVER_BINARY, "run", "--config", folder_ + "/centre.toml", "--listen", "127.0.0.1:0",
                    "--data-dir", folder_},
                   descriptors_);
}

}  // namespace novbe::testing
