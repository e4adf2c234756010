#pragma once
// A small centre for tests, and a rendering of its state that reads like the domain:
//   "A: serving=A001@1 called=A002@2 waiting=A003,A004+"
#include "core/centre.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace novbe::core::testing {

// Services A (passport), B (id_card), C (notary); counters 1 [A], 2 [A,B], 3 [B,A] strict, 4 [C].
centre_config small_centre();

// The time the tests start at: 08:00 in the centre (UTC+4), on 2026-11-28.
time_point morning();

// "A: ..." for one service: its called, serving and waiting tickets (waiting in issue order;
// + marks priority, ^ appointments), then those that left it today.
std::string render(centre const& c, std::string_view service_id);

std::string render_counter(centre const& c, counter_number n);  // "3: serving A004 (anna)"

class centre_test : public ::testing::Test {
protected:
    centre_test() : c(small_centre()) {}

    // Decides and applies at `now`; the error's name, or "ok". A counter command that names
    // nobody in `by` acts as the counter's own clerk (the ownership tests name the user).
    std::string run(command cmd);
    // As run(), with the refusal's own sentence: "invalid_argument: Counter 9 needs at least one service."
    std::string said(command cmd);
    // Issues a ticket and returns its number; fails the test if refused.
    std::string issue(std::string_view service_id, priority_class cls = priority_class::normal);
    std::string appointment(std::string_view service_id, time_point due);
    // Calls next at the counter; the number called, or the error's name.
    std::string call(counter_number counter);
    void open(counter_number counter, std::string clerk = "clerk");
    void serve(counter_number counter);  // start and complete the current ticket
    service_index service(std::string_view id) const { return *c.config().find_service(id); }

    centre c;
    time_point now = morning();
    std::vector<event> log;  // every event applied, in order
    bool with_sentence = false;  // said() is asking
    std::uint64_t next_token = 1;
};

}  // namespace novbe::core::testing
