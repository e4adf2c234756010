#pragma once
// The servers the server benchmarks measure, each in a process of its own: a bare Beast echo
// and a bare Beast broadcast server (the floors for any WebSocket server here), a bare Beast
// HTTP server answering bookings with canned JSON (the floor for the booking API), and the
// release novbe-server.
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <sys/types.h>

namespace novbe::bench {

// Forks a bare echo server on 127.0.0.1; `port` gets its port.
pid_t start_echo(unsigned short& port);
// Forks a bare broadcast server: a frame from any connection sends a shared 60-byte frame to all others.
pid_t start_broadcast(unsigned short& port);
// Forks a bare HTTP/1.1 server (keep-alive) for the booking rush: a POST answers a canned 201
// booking while the slot its body names has had fewer than `places` of them, else a canned
// 409 slot_full; no JSON parsed, nothing stored.
pid_t start_bare_booking(unsigned short& port, int places);
// Starts novbe-server with the demo configuration, a bench kiosk and `clerks` bench clerks
// (bench-clerk, bench-clerk-2, …, all with the secret bench-clerk-secret) in `folder`. `edit`,
// if given, rewrites the configuration's text first (a benchmark's own tables and keys). A
// second start on the same folder restarts the server on its database.
pid_t start_server(std::string const& binary, std::filesystem::path const& folder, unsigned short& port, int clerks = 1,
                   std::function<std::string(std::string)> const& edit = {});
// The resident memory of a process, KiB.
long resident_kib(pid_t pid);
// CPU time (user + system) each thread of `pid` has used so far, by thread name.
std::map<std::string, double> cpu_seconds_by_thread(pid_t pid);
// Raises this process's open-file limit to its hard cap (thousands of sockets) and returns it.
long raise_open_files();

}  // namespace novbe::bench
