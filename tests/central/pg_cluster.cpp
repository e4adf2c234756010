#include "pg_cluster.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace novbe::testing {

namespace {

constexpr char const* bin = "/usr/lib/postgresql/15/bin/";

// The folder's path is ours (mkdtemp: no quote, no space), so single quotes are enough.
std::string single_quoted(std::string const& s) { return "'" + s + "'"; }

void shell(std::string const& command) {
    if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

}  // namespace

pg_cluster::pg_cluster() {
    std::string pattern = (std::filesystem::temp_directory_path() / "novbe-pg-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
    folder_ = pattern;
    if (geteuid() == 0) shell("chown postgres: " + single_quoted(folder_));
    shell(run_as_owner(std::string("timeout 60 ") + bin + "initdb -D " + folder_ + "/data" +
                       " -A trust -U novbe -E UTF8 --no-sync >" + folder_ + "/initdb.log" + " 2>&1"));
    start();
}

pg_cluster::~pg_cluster() {
    try {
        stop();
    } catch (std::exception const&) {
        // the folder goes anyway; a cluster that would not stop dies with its folder's socket
    }
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

std::string pg_cluster::run_as_owner(std::string const& command) const {
    if (geteuid() != 0) return command;
    return "runuser -u postgres -- sh -c " + single_quoted(command);
}

void pg_cluster::start() {
    if (running_) return;
    // Unix socket only, in the folder: no port of the machine is taken.
    shell(run_as_owner(std::string("timeout 60 ") + bin + "pg_ctl -D " + folder_ + "/data -l " + folder_ +
                       "/server.log -w -t 30 -o \"-k " + folder_ + " -p 5432 -c listen_addresses= -c fsync=off\" start" +
                       " >/dev/null"));
    running_ = true;
}

void pg_cluster::stop() {
    if (!running_) return;
    running_ = false;
    shell(run_as_owner(std::string("timeout 60 ") + bin + "pg_ctl -D " + folder_ + "/data -m fast -w -t 30 stop >/dev/null"));
}

std::string pg_cluster::connection() const { return "host=" + folder_ + " port=5432 user=novbe dbname=postgres"; }

std::string pg_cluster::query(std::string const& sql) const {
    auto file = folder_ + "/query.sql";
    std::ofstream(file, std::ios::trunc) << sql;
    auto command = std::string("timeout 30 ") + bin + "psql -X -q -At -v ON_ERROR_STOP=1 -d " +
                   single_quoted(connection()) + " -f " + single_quoted(file) + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run psql");
    std::string out;
    std::array<char, 4096> buffer{};
    while (auto n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) out.append(buffer.data(), n);
    if (pclose(pipe.release()) != 0) throw std::runtime_error("psql failed on " + sql + ": " + out);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

void pg_cluster::query_in_background(std::string const& sql) const {
    static int files = 0;
    auto file = folder_ + "/background-" + std::to_string(++files) + ".sql";
    std::ofstream(file, std::ios::trunc) << sql;
    shell(std::string("timeout 30 ") + bin + "psql -X -q -d " + single_quoted(connection()) + " -f " +
          single_quoted(file) + " >/dev/null 2>&1 &");
}

}  // namespace novbe::testing
