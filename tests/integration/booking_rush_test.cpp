// A SIGKILL during a rush of bookings from several portals (docs/booking-api.yaml: "a booking
// is answered only once it is durable"): after a restart every acknowledged booking is found in
// its slot, and no slot holds more than its capacity.
#include "api_client.hpp"
#include "server_process.hpp"

#include "net/booking_api.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace novbe::testing {
namespace {

struct acknowledged {
    std::string key;
    std::string token;
    std::string slot;
};

TEST(booking_rush, a_sigkill_loses_no_acknowledged_booking_and_overfills_no_slot) {
    server_process process;
    std::vector<std::string> keys{"rush-portal-key-1", "rush-portal-key-2", "rush-portal-key-3"};
    std::string portals;
    for (std::size_t i = 0; i < keys.size(); ++i)
        portals += "[[portal]]\nname = \"rush-" + std::to_string(i) + "\"\nkey_sha256 = \"" + net::sha256_hex(keys[i]) + "\"\n";
    process.configure(portals);
    process.start();

    // 8 slots of 5 places (40 in all) raced for by 9 clients; killed once 50 are answered, as
    // the last places go (each client walks the slots from its own, so full ones are met).
    std::vector<std::string> slots;
    for (int h = 9; h < 13; ++h)
        for (auto m : {":00", ":30"}) slots.push_back(baku_slot(2, (h < 10 ? "0" : "") + std::to_string(h) + m));
    std::mutex mutex;
    std::vector<acknowledged> acked;
    std::atomic<int> sent{0}, full{0};
    std::atomic<bool> killed{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < 9; ++c)
        clients.emplace_back([&, c] {
            api_client portal{process.port(), keys[static_cast<std::size_t>(c) % keys.size()]};
            for (int n = 0; n < 200 && !killed; ++n) {
                auto const& slot = slots[static_cast<std::size_t>(c * 7 + n) % slots.size()];
                try {
                    ++sent;
                    auto r = portal.book("passport", slot, "RUSH-" + std::to_string(c) + "-" + std::to_string(n));
                    if (r.status == 201) {
                        std::lock_guard lock(mutex);
                        acked.push_back({keys[static_cast<std::size_t>(c) % keys.size()], std::string(r.body.at("token").as_string()), slot});
                    } else if (r.status == 409) {
                        ++full;
                    } else {
                        ADD_FAILURE() << r.raw;
                    }
                } catch (std::exception const&) {
                    if (!killed) ADD_FAILURE() << "a request failed before the kill";
                    return;  // the server is gone
                }
            }
        });
    for (auto start = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - start < std::chrono::seconds(60);) {
        {
            std::lock_guard lock(mutex);
            if (acked.size() + static_cast<std::size_t>(full) >= 50) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    killed = true;
    process.kill();
    for (auto& t : clients) t.join();
    ASSERT_GE(acked.size(), 10u) << "the rush got going before the kill";

    process.start();
    std::map<std::string, int> per_slot;
    for (auto const& a : acked) {
        auto r = api_client{process.port(), a.key}.get(a.token);
        ASSERT_EQ(200, r.status) << "acknowledged booking " << a.token << " lost: " << r.raw;
        EXPECT_EQ(a.slot, std::string(r.body.at("slot").as_string()));
        EXPECT_EQ("active", std::string(r.body.at("state").as_string()));
        ++per_slot[a.slot];
    }
    auto day = api_client{process.port(), keys[0]}.slots("passport", baku_date(2));
    ASSERT_EQ(200, day.status) << day.raw;
    for (auto const& s : day.body.at("slots").as_array()) {
        auto start = std::string(s.at("start").as_string());
        auto held = s.at("capacity").as_int64() - s.at("free").as_int64();
        EXPECT_LE(per_slot[start], 5) << start << ": more acknowledged than its capacity";
        EXPECT_GE(held, per_slot[start]) << start << ": fewer held than acknowledged";
    }
    // Places were raced for: once the kill came, no slot had been overfilled; a slot that held
    // all 5 answered the next with 409 slot_full.
    std::cout << "rush: " << sent << " sent, " << acked.size() << " acknowledged, " << full << " full before the kill\n";
}

}  // namespace
}  // namespace novbe::testing
