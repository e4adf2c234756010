#include "booking_rush.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>

namespace novbe::bench {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = boost::asio::ip::tcp;
using steady = std::chrono::steady_clock;

// What every client shares: the plan, the slots known full, the tallies.
struct rush_floor {
    rush_plan const& plan;
    rush_result& result;
    std::vector<bool> full;
    int connecting = 0, waiting = 0, done = 0;
    steady::time_point released;
    void finished() {
        if (++done == plan.clients) result.seconds_to_all_done = std::chrono::duration<double>(steady::now() - released).count();
    }
};

class rush_client : public std::enable_shared_from_this<rush_client> {
public:
    rush_client(boost::asio::io_context& io, rush_floor& shared, int index)
        : stream_(io), floor_(shared), reference_("RUSH-" + std::to_string(index)),
          slot_(static_cast<std::size_t>(index) % shared.plan.slots.size()) {}

    void connect(tcp::endpoint server, std::function<void()> connected) {
        stream_.expires_after(floor_.plan.answer_timeout);
        stream_.async_connect(server, [self = shared_from_this(), connected](beast::error_code ec) {
            if (ec) {
                if (ec == beast::error::timeout) ++self->floor_.result.timed_out;
                ++self->floor_.result.lost;
                self->floor_.finished();
            } else {
                ++self->floor_.result.connected;
                self->ready_ = true;
            }
            connected();
        });
    }
    bool ready() const { return ready_; }

    void book() {
        auto const& plan = floor_.plan;
        request_ = http::request<http::string_body>(http::verb::post, "/api/v1/bookings", 11);
        request_.set(http::field::host, "127.0.0.1:" + std::to_string(plan.port));
        request_.set("X-Api-Key", plan.api_key);
        request_.set(http::field::content_type, "application/json");
        request_.body() = json::serialize(json::object{{"service", plan.service}, {"slot", plan.slots[slot_]}, {"reference", reference_}});
        request_.prepare_payload();
        ++floor_.result.requests;
        sent_ = steady::now();
        stream_.expires_after(plan.answer_timeout);  // the write and the read together
        http::async_write(stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->lost(ec);
            self->response_ = {};
            http::async_read(self->stream_, self->buffer_, self->response_, [self](beast::error_code rec, std::size_t) {
                if (rec) return self->lost(rec);
                self->answered();
            });
        });
    }

private:
    void lost(beast::error_code ec) {
        if (ec == beast::error::timeout) ++floor_.result.timed_out;
        ++floor_.result.lost;
        floor_.finished();
    }
    void answered() {
        auto const now = steady::now();
        auto& result = floor_.result;
        auto const ms = std::chrono::duration<double, std::milli>(now - sent_).count();
        result.latency_ms.push_back(ms);
        std::error_code ec;
        auto body = json::parse(response_.body(), ec);
        auto const status = response_.result_int();
        if (status == 201 && !ec && body.is_object() && body.as_object().contains("token")) {
            result.booked_latency_ms.push_back(ms);
            result.bookings.push_back({json::value_to<std::string>(body.at("token")), floor_.plan.slots[slot_], reference_});
            result.seconds_to_last_booking = std::chrono::duration<double>(now - floor_.released).count();
            return floor_.finished();
        }
        std::string code = !ec && body.is_object() && body.as_object().contains("error")
                               ? json::value_to<std::string>(body.at("error"))
                               : "(no JSON error)";
        ++result.refusals[std::to_string(status) + " " + code];
        if (status == 409 && code == "slot_full") {
            floor_.full[slot_] = true;
            auto const n = floor_.full.size();
            for (std::size_t step = 1; step <= n; ++step)
                if (!floor_.full[(slot_ + step) % n]) {
                    slot_ = (slot_ + step) % n;
                    return book();
                }
        }
        floor_.finished();  // nothing is left, or an answer a portal would not retry
    }

    beast::tcp_stream stream_;
    rush_floor& floor_;
    std::string reference_;
    std::size_t slot_;
    bool ready_ = false;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
    steady::time_point sent_;
};

}  // namespace

rush_result run_rush(rush_plan const& plan) {
    rush_result result;
    rush_floor shared{.plan = plan, .result = result, .full = std::vector<bool>(plan.slots.size(), false)};
    boost::asio::io_context io(1);
    tcp::endpoint server(boost::asio::ip::make_address("127.0.0.1"), plan.port);
    std::vector<std::shared_ptr<rush_client>> clients;
    for (int i = 0; i < plan.clients; ++i) clients.push_back(std::make_shared<rush_client>(io, shared, i));
    // Connect a few hundred at a time (the listen backlog is finite), then release them all.
    constexpr int in_flight = 256;
    std::size_t next = 0;
    std::function<void()> connect_next = [&] {
        while (shared.connecting < in_flight && next < clients.size()) {
            ++shared.connecting;
            clients[next++]->connect(server, [&] {
                --shared.connecting;
                connect_next();
            });
        }
    };
    connect_next();
    io.run();
    io.restart();
    shared.released = steady::now();
    for (auto const& c : clients)
        if (c->ready()) c->book();
    io.run();
    if (shared.done != plan.clients) std::fprintf(stderr, "only %d of %d clients finished\n", shared.done, plan.clients);
    if (result.timed_out > 0)
        std::fprintf(stderr, "%d clients had no answer (or no connection) within %lld ms: the server on port %u hung or fell behind\n",
                     result.timed_out, static_cast<long long>(plan.answer_timeout.count()), static_cast<unsigned>(plan.port));
    return result;
}

}  // namespace novbe::bench
