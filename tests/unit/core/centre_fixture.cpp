#include "centre_fixture.hpp"

#include "core/errc.hpp"

namespace novbe::core::testing {

centre_config small_centre() {
    centre_config config;
    config.services = {
        {.id = "passport", .prefix = "A", .names = {{"en", "Passport"}}, .target_wait = 10min, .max_wait = 30min,
         .default_service_time = 6min},
        {.id = "id_card", .prefix = "B", .names = {{"en", "ID card"}}, .target_wait = 15min, .max_wait = 45min,
         .default_service_time = 5min},
        {.id = "notary", .prefix = "C", .names = {{"en", "Notary"}}},
    };
    config.counters = {
        {.number = 1, .name = "Counter 1", .services = {0}},
        {.number = 2, .name = "Counter 2", .services = {0, 1}},
        {.number = 3, .name = "Counter 3", .services = {1, 0}, .policy = routing_policy::strict_service_order},
        {.number = 4, .name = "Counter 4", .services = {2}},
    };
    config.rules.utc_offset = 4h;
    return config;
}

time_point morning() {
    using namespace std::chrono;
    return time_point{sys_days{2026y / November / 28} + 4h};  // 08:00 at UTC+4
}

namespace {

char mark(priority_class cls) {
    switch (cls) {
    case priority_class::normal: return '\0';
    case priority_class::priority: return '+';
    case priority_class::appointment: return '^';
    }
    return '?';
}

void add(std::string& section, std::string const& item) {
    if (!section.empty()) section += ',';
    section += item;
}

}  // namespace

std::string render(centre const& c, std::string_view service_id) {
    auto s = *c.config().find_service(service_id);
    std::string serving, called, waiting, done, no_show, cancelled, closed, transferred;
    for (auto const& t : c.tickets()) {
        auto number = c.number_of(t);
        if (auto m = mark(t.cls)) number += m;
        for (auto const& v : t.visits)
            if (v.service == s && v.end == visit_end::transferred) add(transferred, number);
        if (t.current().service != s) continue;
        auto at = "@" + std::to_string(t.current().counter);
        switch (t.state) {
        case ticket_state::waiting: add(waiting, number); break;
        case ticket_state::called: add(called, number + at); break;
        case ticket_state::serving: add(serving, number + at); break;
        case ticket_state::done: add(done, number); break;
        case ticket_state::no_show: add(no_show, number); break;
        case ticket_state::cancelled: add(cancelled, number); break;
        case ticket_state::closed: add(closed, number); break;
        }
    }
    std::string out = c.config().services[s].prefix + ":";
    auto section = [&](char const* label, std::string const& items) {
        if (!items.empty()) out += std::string(" ") + label + "=" + items;
    };
    section("serving", serving);
    section("called", called);
    section("waiting", waiting);
    section("done", done);
    section("no_show", no_show);
    section("cancelled", cancelled);
    section("closed", closed);
    section("transferred", transferred);
    return out;
}

std::string render_counter(centre const& c, counter_number n) {
    auto const& counter = *c.find_counter(n);
    std::string out = std::to_string(n) + ": " + std::string(name(counter.status()));
    if (counter.current) out += " " + c.number_of(c.tickets()[*counter.current]);
    if (counter.paused) out += " (" + counter.pause_reason + ")";
    if (counter.open) out += " by " + counter.clerk;
    return out;
}

std::string centre_test::run(command cmd) {
    std::visit([&](auto& m) {
        if constexpr (requires { m.by; m.counter; })
            if (auto const* counter = c.find_counter(m.counter); counter && m.by.empty()) m.by = counter->clerk;
    }, cmd);
    auto result = c.decide(cmd, now);
    if (!result.ok()) return std::string(name(result.error())) + (with_sentence ? ": " + result.detail() : "");
    for (auto const& ev : result.events()) {
        c.apply(ev);
        log.push_back(ev);
    }
    return "ok";
}

std::string centre_test::said(command cmd) {
    with_sentence = true;
    auto out = run(std::move(cmd));
    with_sentence = false;
    return out;
}

std::string centre_test::issue(std::string_view service_id, priority_class cls) {
    auto s = c.config().find_service(service_id);
    auto result = run(issue_ticket{.service = s.value_or(999), .cls = cls, .language = "en",
                                   .token = {0, next_token++}});
    EXPECT_EQ("ok", result);
    return result == "ok" ? c.number_of(c.tickets().back()) : result;
}

std::string centre_test::appointment(std::string_view service_id, time_point due) {
    auto result = run(issue_ticket{.service = service(service_id), .cls = priority_class::appointment,
                                   .language = "en", .token = {0, next_token++}, .due = due});
    EXPECT_EQ("ok", result);
    return result == "ok" ? c.number_of(c.tickets().back()) : result;
}

std::string centre_test::call(counter_number counter) {
    auto result = run(call_next{counter});
    if (result != "ok") return result;
    return c.number_of(c.tickets()[*c.find_counter(counter)->current]);
}

void centre_test::open(counter_number counter, std::string clerk) {
    EXPECT_EQ("ok", run(open_counter{counter, std::move(clerk)}));
}

void centre_test::serve(counter_number counter) {
    EXPECT_EQ("ok", run(start_serving{counter}));
    EXPECT_EQ("ok", run(complete_service{counter, "served"}));
}

}  // namespace novbe::core::testing
