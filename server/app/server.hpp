#pragma once
// `novbe-server run`: wires the configuration, the store, the engine and the network together,
// and runs until SIGTERM or SIGINT.
#include <string>

namespace novbe::app {

struct server_options {
    std::string config_path;
    std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
    std::string data_dir = ".";             // holds centre.db
    std::string web_root;                   // static pages; empty: the web/ folder of the source tree
};

// Returns the process's exit status: 0 after a clean shutdown.
int run_server(server_options const& options);

}  // namespace novbe::app
