// The booking rush's clients (bench/booking_rush.hpp) against a server that takes connections
// and never answers: every client gives up after its own timeout, counted, and the run returns
// instead of hanging the benchmark.
#include "../../bench/booking_rush.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace novbe::testing {
namespace {

TEST(rush_clients, a_server_that_never_answers_fails_each_client_after_its_timeout) {
    boost::asio::io_context io;
    // Listening, never accepting: the kernel completes the connections and takes the requests.
    boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    bench::rush_plan plan{.port = silent.local_endpoint().port(), .api_key = "k", .service = "id_card",
                          .slots = {"2026-12-03T09:00:00+04:00"}, .clients = 3,
                          .answer_timeout = std::chrono::milliseconds(300)};
    auto const start = std::chrono::steady_clock::now();
    auto const result = bench::run_rush(plan);
    auto const took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(3, result.connected);
    EXPECT_EQ(3, result.requests);
    EXPECT_EQ(3, result.timed_out);
    EXPECT_EQ(3, result.lost);
    EXPECT_TRUE(result.bookings.empty());
    EXPECT_LT(took, std::chrono::seconds(3)) << "the clients waited past their timeout";
    EXPECT_GE(took, std::chrono::milliseconds(300));
}

}  // namespace
}  // namespace novbe::testing
