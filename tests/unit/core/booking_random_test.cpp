// Random bookings, cancels, reschedules, check-ins and lapses, mixed with the centre's calls and
// services (which move the measured service time that sizes slots), seeded like random_test.cpp
// (NOVBE_SEED=N runs another seed). At every booking a slot never holds more than its capacity
// plus the overbooking allowed when it was taken; at every check-in, no booking is checked in
// twice and exactly one appointment ticket is issued; every 50 steps (a walk over all bookings),
// a lapsed or cancelled booking holds nothing, one active booking per reference and service, and
// no active booking outlives its window once lapse_due has run. At the end a replay of the log,
// and a rebuild from the list of bookings (a snapshot's), give the same bookings.
#include "booking_fixture.hpp"

#include <cstdlib>
#include <iostream>
#include <random>

namespace novbe::core::testing {
namespace {

using namespace std::chrono;

std::uint64_t seed_from_environment() {
    auto const* text = std::getenv("NOVBE_SEED");
    if (!text) return 20261201;
    if (std::string_view(text) == "random") return std::random_device{}();
    return std::strtoull(text, nullptr, 10);
}

class random_bookings : public booking_test {
protected:
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
    bool chance(int percent) { return below(100) < percent; }

    // Mostly a slot of the next days' grid, sometimes off it or on a closed day.
    time_point random_slot() {
        auto today = static_cast<int>(day_of(now, 4h, 0min) - day_of(morning(), 4h, 0min));
        auto t = at("09:00", today + below(3)) + minutes(30 * below(8));
        return chance(5) ? t + minutes(10) : t;
    }
    std::string reference() { return "R" + std::to_string(below(300)); }
    ticket_token some_token() {
        if (b.all().empty() || chance(5)) return {9, 1'000'000u + static_cast<std::uint64_t>(below(10))};
        return b.all()[static_cast<std::size_t>(below(static_cast<int>(b.all().size())))].token;
    }
    booking_command next() {
        switch (below(10)) {
        case 0: case 1: case 2: case 3:
            return book_slot{static_cast<service_index>(below(4)), random_slot(), reference(), chance(50) ? "+994 50" : "",
                             "portal", {9, next_booking_token++}};
        case 4: return cancel_booking{some_token()};
        case 5: return reschedule_booking{some_token(), random_slot()};
        case 6: case 7:
            if (auto const* near = active_near_now(); near && chance(80)) {
                if (chance(50)) return check_in{near->token, "", "en", {0, next_token++}};
                return check_in{std::nullopt, near->reference, "en", {0, next_token++}};
            }
            if (chance(50)) return check_in{some_token(), "", "en", {0, next_token++}};
            return check_in{std::nullopt, reference(), "en", {0, next_token++}};
        case 8: if (chance(5)) return forget_ended{below(3)}; return lapse_due{};
        default: return lapse_due{};
        }
    }
    // An active booking whose slot is within 45 minutes of now, if any.
    booking const* active_near_now() {
        std::vector<booking const*> near;
        for (auto const& x : b.all())
            if (x.state == booking_state::active && x.slot - now < 45min && now - x.slot < 45min) near.push_back(&x);
        return near.empty() ? nullptr : near[static_cast<std::size_t>(below(static_cast<int>(near.size())))];
    }
    // The centre's own life, so that measured service times, and with them the slots, move.
    void work_a_counter() {
        auto n = static_cast<counter_number>(1 + below(3));
        if (!c.find_counter(n)->open) open(n);
        if (c.find_counter(n)->current) {
            run(start_serving{n});
            run(complete_service{n, "served"});
        } else {
            if (chance(50)) issue(chance(50) ? "passport" : "id_card");
            run(call_next{n});
        }
    }

    std::string check(time_point lapsed_until) const {
        std::map<std::pair<service_index, time_point>, int> held;
        std::set<std::pair<std::string, service_index>> active;
        for (auto const& x : b.all()) {
            if (x.state == booking_state::active || x.state == booking_state::checked_in) ++held[{x.service, x.slot}];
            if (x.state != booking_state::active) continue;
            if (!active.insert({x.reference, x.service}).second) return "two active bookings for " + x.reference;
            if (x.slot + b.config().window_after < lapsed_until) return "booking " + std::to_string(x.id) + " outlived its window";
        }
        for (auto const& x : b.all())
            if (b.held(x.service, x.slot) != held[{x.service, x.slot}]) return "slot count of booking " + std::to_string(x.id);
        return "";
    }

    std::mt19937_64 rng{seed_from_environment()};
};

TEST_F(random_bookings, keep_every_invariant_and_replay_to_the_same_bookings) {
    auto config = small_booking(c.config());
    config.no_show_minimum = 5;
    config.services[0].max_overbook_percent = 50;
    config.services[1].max_overbook_percent = 30;
    config.services[1].daily_cap = 40;
    b = bookings(c.config(), config);
    std::cout << "random_bookings seed " << seed_from_environment() << "\n";
    std::map<booking_id, int> check_ins;
    std::size_t made = 0, arrived = 0, lapsed = 0, overbooked = 0, forgotten = 0;
    time_point lapsed_until{};
    for (int step = 0; step < 20'000; ++step) {
        now += seconds(below(60));
        if (chance(40)) work_a_counter();
        auto cmd = next();
        // The slot a booking or a reschedule takes, as planned now.
        std::optional<core::slot> taken;
        std::optional<service_index> service;
        time_point wanted{};
        if (auto const* m = std::get_if<book_slot>(&cmd); m && m->service < 3) service = m->service, wanted = m->slot;
        if (auto const* m = std::get_if<reschedule_booking>(&cmd); m && b.find(m->token))
            service = b.find(m->token)->service, wanted = m->slot;
        if (service)
            for (auto const& x : b.slots(*service, day_of(wanted, 4h, 0min), c))
                if (x.start == wanted) taken = x;
        auto tickets_before = c.tickets().size();
        auto logged_before = booking_log.size();
        auto day_before = c.day();
        auto result = run_booking(cmd);
        if (std::holds_alternative<lapse_due>(cmd)) lapsed_until = now;
        if (result == "ok" && taken) {
            ++made;
            auto s = *service;
            ASSERT_LE(b.held(s, taken->start), taken->limit()) << "step " << step << ": over capacity";
            if (b.held(s, taken->start) > taken->bookable) ++overbooked;
        }
        if (std::holds_alternative<check_in>(cmd) && result == "ok") {
            ++arrived;
            auto const& ev = std::get<booking_checked_in>(booking_log.back());
            ASSERT_EQ(1, ++check_ins[ev.id]) << "step " << step << ": booking " << ev.id << " checked in twice";
            ASSERT_EQ(c.day() == day_before ? tickets_before + 1 : 1u, c.tickets().size()) << "step " << step;
            ASSERT_EQ(priority_class::appointment, c.tickets().back().cls);
        }
        if (std::holds_alternative<forget_ended>(cmd) && booking_log.size() > logged_before) ++forgotten;
        if (step % 50 == 0 || step == 19'999) {
            ASSERT_EQ("", check(lapsed_until)) << "after step " << step;
        }
    }
    for (auto const& ev : booking_log) lapsed += std::holds_alternative<booking_lapsed>(ev);
    std::cout << made << " booked, " << arrived << " checked in, " << lapsed << " lapsed, " << overbooked
              << " into overbooking, " << forgotten << " forgettings, " << booking_log.size() << " events\n";
    EXPECT_GT(made, 500u);
    EXPECT_GT(arrived, 100u);
    EXPECT_GT(lapsed, 100u);
    EXPECT_GT(overbooked, 0u);
    EXPECT_GT(forgotten, 0u);

    bookings replayed(c.config(), config);
    for (auto const& ev : booking_log) {
        ASSERT_TRUE(replayed.can_apply(ev));
        replayed.apply(ev);
    }
    EXPECT_TRUE(replayed == b) << "replaying " << booking_log.size() << " events gave different bookings";
    auto rebuilt = bookings::from_image(c.config(), config, b.image());
    ASSERT_TRUE(rebuilt.has_value()) << "the bookings' own list was refused";
    EXPECT_TRUE(*rebuilt == b) << "bookings rebuilt from their list differ";
}

}  // namespace
}  // namespace novbe::core::testing
