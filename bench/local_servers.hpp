#pragma once
// The servers the server benchmarks measure, each in a process of its own: a bare Beast echo
// and a bare Beast broadcast server (the floors for any WebSocket server here), and the release
// novbe-server.
#include <filesystem>
#include <map>
#include <string>
#include <sys/types.h>

namespace novbe::bench {

// Forks a bare echo server on 127.0.0.1; `port` gets its port.
pid_t start_echo(unsigned short& port);
// Forks a bare broadcast server: a frame from any connection sends a shared 60-byte frame to all others.
pid_t start_broadcast(unsigned short& port);
// Starts novbe-server with the demo configuration, a bench kiosk and `clerks` bench clerks
// (bench-clerk, bench-clerk-2, …, all with the secret bench-clerk-secret) in `folder`.
pid_t start_server(std::string const& binary, std::filesystem::path const& folder, unsigned short& port, int clerks = 1);
// The resident memory of a process, KiB.
long resident_kib(pid_t pid);
// CPU time (user + system) each thread of `pid` has used so far, by thread name.
std::map<std::string, double> cpu_seconds_by_thread(pid_t pid);
// Raises this process's open-file limit to its hard cap (thousands of sockets) and returns it.
long raise_open_files();

}  // namespace novbe::bench
