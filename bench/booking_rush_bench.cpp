// The booking rush (issue 14): 5,000 portal clients over the HTTP API (docs/booking-api.yaml)
// released at the same moment on 1,000 places of one day (20 slots of 50), as when a portal
// opens next week's slots; beside a bare Beast HTTP server answering the same requests on as
// many connections. It checks what a centre must promise: exactly 1,000 booked, no reference
// booked twice, no slot over its capacity, and every booking answered 201 still there after a
// SIGKILL and a restart. Figures are recorded in bench/README.md.
// Run: build/release/bench/novbe_booking_rush_bench [CLIENTS [ANSWER_TIMEOUT_MS]] (10,000 ms: a client
// waiting longer for an answer fails the run as the server's hang)
#include "booking_rush.hpp"
#include "local_servers.hpp"
#include "percentile.hpp"

#include "net/booking_api.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <atomic>
#include <thread>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = boost::asio::ip::tcp;
using novbe::bench::percentile;

constexpr std::string_view api_key = "booking-rush-portal-key";
constexpr std::size_t slots_of_the_day = 20, places_per_slot = 50;  // 1,000 places

// Tomorrow in the demo centre's zone (Asia/Baku, +04:00, no summer time), "YYYY-MM-DD".
std::string tomorrow_in_baku() {
    using namespace std::chrono;
    year_month_day ymd{floor<days>(system_clock::now() + hours(4)) + days(1)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

// The demo centre with one portal, and id_card's bookings sized so that `day` holds exactly
// 1,000 places (docs/DOMAIN.md#capacity): 08:00-18:00 in 30-minute slots, each
// ⌊10 counters × 30 min ÷ 6 min × (100 − 0) ÷ 100⌋ = 50, no overbooking.
std::string rush_centre(std::string toml, std::string const& day) {
    toml = std::regex_replace(toml, std::regex("\nid = \"id_card\"\n"),
                              "\nid = \"id_card\"\nbooking_slot_minutes = 30\nbooking_walk_in_percent = 0\n"
                              "booking_max_overbook_percent = 0\nbooking_counters = 10\n");
    return toml + "\n[[portal]]\nname = \"rush\"\nkey_sha256 = \"" + novbe::net::sha256_hex(api_key) +
           "\"\n\n[booking.exceptions]\n\"" + day + "\" = \"08:00-18:00\"\n";
}

// One request on a kept-alive connection, its JSON answer (null when none).
struct api_connection {
    boost::asio::io_context io;
    beast::tcp_stream stream{io};
    unsigned short port;
    explicit api_connection(unsigned short p) : port(p) {
        stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    }
    std::pair<unsigned, json::value> get(std::string const& target) {
        http::request<http::empty_body> req{http::verb::get, target, 11};
        req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
        req.set("X-Api-Key", std::string(api_key));
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res);
        std::error_code ec;
        auto body = json::parse(res.body(), ec);
        return {res.result_int(), ec ? json::value() : body};
    }
};

int failures = 0;
void check(bool ok, std::string const& what) {
    if (ok) return;
    ++failures;
    std::fprintf(stderr, "FAILED: %s\n", what.c_str());
}

// The day's slots, start -> {capacity, free}.
std::map<std::string, std::pair<long, long>> day_slots(unsigned short port, std::string const& day) {
    auto [status, body] = api_connection(port).get("/api/v1/slots?service=id_card&date=" + day);
    std::map<std::string, std::pair<long, long>> out;
    check(status == 200, "the slots route answers 200, not " + std::to_string(status));
    if (status != 200) return out;
    for (auto const& s : body.at("slots").as_array())
        out[json::value_to<std::string>(s.at("start"))] = {s.at("capacity").as_int64(), s.at("free").as_int64()};
    return out;
}

void print(char const* who, novbe::bench::rush_result const& r) {
    std::printf("  %-12s %6d %7zu %8d %9.3f %10.0f %10.0f %8.2f %8.2f %8.2f\n", who, r.connected, r.bookings.size(), r.requests,
                r.seconds_to_last_booking, double(r.bookings.size()) / r.seconds_to_last_booking,
                double(r.requests) / r.seconds_to_all_done, percentile(r.latency_ms, 0.5), percentile(r.latency_ms, 0.99),
                percentile(r.booked_latency_ms, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it comes, even into a pipe
    int const clients = argc > 1 ? std::stoi(argv[1]) : 5000;
    long const open_files = novbe::bench::raise_open_files();
    if (open_files < clients + 100) {
        std::fprintf(stderr, "%d clients need %d open files; the hard limit is %ld\n", clients, clients + 100, open_files);
        return 1;
    }
    auto const folder = std::filesystem::temp_directory_path() / ("novbe-booking-rush-" + std::to_string(getpid()));
    std::filesystem::remove_all(folder);
    auto const day = tomorrow_in_baku();
    auto const centre = [&](std::string toml) { return rush_centre(std::move(toml), day); };

    unsigned short port = 0;
    auto server = novbe::bench::start_server(NOVBE_SERVER_BINARY, folder, port, 0, centre);
    auto const before = day_slots(port, day);
    long places = 0;
    for (auto const& [start, held] : before) places += held.second;
    check(before.size() == slots_of_the_day && places == long(slots_of_the_day * places_per_slot),
          "the day offers 1,000 places in 20 slots, not " + std::to_string(places) + " in " + std::to_string(before.size()));
    novbe::bench::rush_plan plan{.port = 0, .api_key = std::string(api_key), .service = "id_card", .slots = {}, .clients = clients};
    if (argc > 2) plan.answer_timeout = std::chrono::milliseconds(std::stoi(argv[2]));
    for (auto const& [start, held] : before) plan.slots.push_back(start);

    unsigned short bare_port = 0;
    auto bare_server = novbe::bench::start_bare_booking(bare_port, int(places_per_slot));
    plan.port = bare_port;
    auto const bare = novbe::bench::run_rush(plan);
    kill(bare_server, SIGKILL);
    waitpid(bare_server, nullptr, 0);

    plan.port = port;
    auto const cpu_before = novbe::bench::cpu_seconds_by_thread(server);
    auto const real = novbe::bench::run_rush(plan);
    auto const cpu_after = novbe::bench::cpu_seconds_by_thread(server);

    std::printf("booking rush: %d clients, one kept-alive connection each, released together on %ld places (%zu slots of %s)\n",
                clients, places, before.size(), day.c_str());
    std::printf("  %-12s %6s %7s %8s %9s %10s %10s %8s %8s %8s\n", "", "conns", "booked", "requests", "seconds", "booked/s",
                "answers/s", "p50 ms", "p99 ms", "p99 201");
    print("bare Beast", bare);
    print("novbe-server", real);
    std::printf("  ratio (booked/s): %.2f\n", (double(real.bookings.size()) / real.seconds_to_last_booking) /
                                                  (double(bare.bookings.size()) / bare.seconds_to_last_booking));
    std::printf("  novbe-server answers:");
    std::printf(" %zu 201", real.bookings.size());
    for (auto const& [what, n] : real.refusals) std::printf(", %d %s", n, what.c_str());
    std::printf("\n  novbe-server CPU per answer during the rush:");
    for (auto const& [thread, used] : cpu_after)
        if (auto was = cpu_before.find(thread); was != cpu_before.end())
            std::printf(" %s %.1f us", thread.c_str(), (used - was->second) * 1e6 / real.requests);
    std::printf("\n");

    // What the centre promised, from its own answers.
    check(bare.timed_out == 0, std::to_string(bare.timed_out) + " of the bare server's answers past the clients' timeout");
    check(real.timed_out == 0, std::to_string(real.timed_out) + " of novbe-server's answers past the clients' " +
                                   std::to_string(plan.answer_timeout.count()) + " ms timeout: it hung or fell behind");
    check(real.lost == 0 && real.connected == clients, std::to_string(real.lost) + " connections lost");
    check(real.bookings.size() == places_per_slot * slots_of_the_day, "exactly 1,000 answered 201, not " + std::to_string(real.bookings.size()));
    for (auto const& [what, n] : real.refusals) check(what == "409 slot_full", std::to_string(n) + " answered " + what);
    std::set<std::string> tokens, references;
    std::map<std::string, int> per_slot;
    for (auto const& b : real.bookings) {
        tokens.insert(b.token);
        references.insert(b.reference);
        ++per_slot[b.slot];
    }
    check(tokens.size() == real.bookings.size() && references.size() == real.bookings.size(), "a token or a reference booked twice");
    for (auto const& [slot, n] : per_slot) check(n <= int(places_per_slot), slot + " answered 201 " + std::to_string(n) + " times");

    // Durable: killed without warning, started again on its database, it still has them all.
    kill(server, SIGKILL);
    waitpid(server, nullptr, 0);
    server = novbe::bench::start_server(NOVBE_SERVER_BINARY, folder, port, 0, centre);
    std::printf("  restarted after a SIGKILL; looking the bookings up\n");
    // Looked up by 50 portals at once, each on its own kept-alive connection.
    std::atomic<int> found{0}, missing{0};
    std::vector<std::thread> lookers;
    for (std::size_t t = 0; t < 50; ++t)
        lookers.emplace_back([&, t] {
            api_connection portal(port);
            for (std::size_t i = t; i < real.bookings.size(); i += 50) {
                auto const& b = real.bookings[i];
                auto [status, body] = portal.get("/api/v1/bookings/" + b.token);
                bool const same = status == 200 && json::value_to<std::string>(body.at("slot")) == b.slot &&
                                  json::value_to<std::string>(body.at("reference")) == b.reference &&
                                  json::value_to<std::string>(body.at("state")) == "active";
                ++(same ? found : missing);
            }
        });
    for (auto& t : lookers) t.join();
    check(missing == 0, std::to_string(missing) + " bookings not found as answered after the restart");
    auto const after = day_slots(port, day);
    for (auto const& [start, held] : after)
        check(held.second == 0 && held.first - held.second == per_slot[start], start + " holds " +
                                                                                  std::to_string(held.first - held.second) + ", answered " +
                                                                                  std::to_string(per_slot[start]));
    std::printf("  after a SIGKILL and a restart: %d of %zu bookings found as answered; every slot full: %s\n", found.load(),
                real.bookings.size(), failures == 0 ? "yes" : "no");

    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
    std::filesystem::remove_all(folder);
    std::printf("%s\n", failures == 0 ? "all checks passed" : "CHECKS FAILED");
    return failures == 0 ? 0 : 1;
}
