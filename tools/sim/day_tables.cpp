// The day file's [[services]] and [[counters]] (tools/sim/README.md).
#include "day_reader.hpp"

#include <cmath>

namespace novbe::sim::detail {

namespace {

std::chrono::seconds seconds_of(double minutes_) { return std::chrono::seconds(std::llround(minutes_ * 60)); }

}  // namespace

// A service's bookings and the engine's booking rules for it (tools/sim/README.md).
core::booking_service_rules reading::booking_rules(toml::table const& t, booking_plan& b) const {
    b.bookings = in.whole(t, "bookings", 0, 0, 100'000);
    b.no_show_share = in.number(t, "booking_no_show_share", b.no_show_share, 0, 1);
    b.early_share = in.number(t, "booking_early_share", b.early_share, 0, 1);
    b.early = seconds_of(in.number(t, "booking_early_minutes", 120, 0, 600));
    b.late_share = in.number(t, "booking_late_share", b.late_share, 0, 1);
    b.late = seconds_of(in.number(t, "booking_late_minutes", 20, 1, 600));
    if (auto const* walk = t.get("booking_late_walk_in")) {
        if (!walk->is_boolean()) in.fail(walk, "'booking_late_walk_in' is true or false");
        b.late_walk_in = *walk->value<bool>();
    }
    if (b.no_show_share + b.early_share + b.late_share > 1.0 + 1e-9)
        in.fail(&t, "the bookings' no-show, early and late shares add up to at most 1");
    core::booking_service_rules rules;
    rules.slot_length = std::chrono::minutes(in.whole(t, "slot_minutes", 30, 5, 240));
    rules.walk_in_percent = in.whole(t, "walk_in_percent", rules.walk_in_percent, 0, 100);
    rules.max_overbook_percent = in.whole(t, "max_overbook_percent", 0, 0, 100);
    return rules;
}

void reading::services(toml::table const& root) {
    auto const* list = in.array(root, "services", max_services);
    if (!list || list->empty()) in.fail(&root, "a day needs at least one [[services]]");
    std::vector<std::string> transfer_to;  // read once every service is known
    std::vector<toml::node const*> transfer_node;
    double expected = 0;
    for (auto const& node : *list) {
        auto const* t = node.as_table();
        if (!t) in.fail(&node, "each [[services]] entry is a table");
        in.only(*t, "[[services]]",
                {"id", "prefix", "target_wait_minutes", "max_wait_minutes", "service_minutes", "mean_service_minutes",
                 "service_spread", "priority_share", "no_show_share", "transfer_share", "transfer_to",
                 "arrivals_per_hour", "arrivals_at", "bookings", "booking_no_show_share", "booking_early_share",
                 "booking_early_minutes", "booking_late_share", "booking_late_minutes", "booking_late_walk_in",
                 "slot_minutes", "walk_in_percent", "max_overbook_percent"});
        core::service_config s{.id = in.string(*t, "id"), .prefix = in.string(*t, "prefix")};
        if (d.centre.find_service(s.id)) in.fail(t->get("id"), "service '" + s.id + "' is listed twice");
        s.names = {{"en", s.id}};
        s.target_wait = std::chrono::minutes(in.whole(*t, "target_wait_minutes", 15, 1, 1440));
        s.max_wait = std::chrono::minutes(in.whole(*t, "max_wait_minutes", 45, 1, 1440));
        if (s.max_wait < s.target_wait) in.fail(t->get("max_wait_minutes"), "max_wait_minutes is at least target_wait_minutes");
        service_plan plan;
        double mean = in.number(*t, "mean_service_minutes", 5, 0.1, 480);
        plan.mean_service = seconds_of(mean);
        // The engine's prior: what the centre's configuration would say, by default the true mean.
        s.default_service_time = std::chrono::minutes(in.whole(*t, "service_minutes", std::max(1, static_cast<int>(std::lround(mean))), 1, 480));
        plan.service_spread = in.number(*t, "service_spread", 0.5, 0, 5);
        plan.priority_share = in.number(*t, "priority_share", 0, 0, 1);
        plan.no_show_share = in.number(*t, "no_show_share", 0, 0, 1);
        plan.transfer_share = in.number(*t, "transfer_share", 0, 0, 1);
        transfer_to.push_back(in.string(*t, "transfer_to", std::string()));
        transfer_node.push_back(t->get("transfer_to"));
        if (auto const* hours = in.array(*t, "arrivals_per_hour", 24))
            for (auto const& h : *hours) {
                auto v = h.is_integer() ? std::optional<double>(static_cast<double>(*h.value<std::int64_t>())) : h.value_exact<double>();
                if (!v || !(*v >= 0 && *v <= 100'000)) in.fail(&h, "arrivals per hour are numbers from 0 to 100000");
                plan.arrivals_per_hour.push_back(*v);
                expected += *v;
            }
        if (auto const* fixed = in.array(*t, "arrivals_at", max_fixed_arrivals))
            for (auto const& at : *fixed) plan.arrivals_at.push_back(after_opening(at));
        expected += static_cast<double>(plan.arrivals_at.size());
        d.booking.services.push_back(booking_rules(*t, plan.booked));
        expected += plan.booked.bookings;
        if (expected > max_expected_tickets) in.fail(&node, "a day expects at most 1,000,000 tickets");
        d.centre.services.push_back(std::move(s));
        d.services.push_back(std::move(plan));
    }
    for (std::size_t i = 0; i < transfer_to.size(); ++i) {
        if (transfer_to[i].empty()) continue;
        auto to = d.centre.find_service(transfer_to[i]);
        if (!to || *to == i) in.fail(transfer_node[i], "transfer_to names another service of the day");
        d.services[i].transfer_to = *to;
    }
}

void reading::counters(toml::table const& root) {
    auto const* list = in.array(root, "counters", max_counters);
    if (!list || list->empty()) in.fail(&root, "a day needs at least one [[counters]]");
    for (auto const& node : *list) {
        auto const* t = node.as_table();
        if (!t) in.fail(&node, "each [[counters]] entry is a table");
        in.only(*t, "[[counters]]",
                {"number", "count", "services", "policy", "normal_per_priority", "open", "close", "breaks",
                 "break_stagger_minutes"});
        int first = in.whole(*t, "number", 0, 1, 9999), count = in.whole(*t, "count", 1, 1, static_cast<int>(max_counters));
        if (!t->get("number")) in.fail(t, "'number' is missing");
        if (first + count - 1 > 9999) in.fail(t->get("count"), "counter numbers end at 9999");
        if (d.centre.counters.size() + static_cast<std::size_t>(count) > max_counters)
            in.fail(t->get("count"), "a day has at most 1000 counters");
        core::counter_config config;
        auto const* services = in.array(*t, "services", max_services);
        if (!services || services->empty()) in.fail(t, "a counter needs 'services'");
        for (auto const& id : *services) {
            auto text = id.value_exact<std::string>();
            auto s = text ? d.centre.find_service(*text) : std::nullopt;
            if (!s) in.fail(&id, "an unknown service");
            config.services.push_back(*s);
        }
        auto policy = in.string(*t, "policy", std::string("longest_wait_first"));
        if (policy == "strict_service_order") config.policy = core::routing_policy::strict_service_order;
        else if (policy != "longest_wait_first") in.fail(t->get("policy"), "policy is longest_wait_first or strict_service_order");
        if (t->get("normal_per_priority"))
            config.normal_per_priority = in.whole(*t, "normal_per_priority", 0, 0, core::max_normal_per_priority);
        counter_plan plan;
        if (!t->get("open") || !t->get("close")) in.fail(t, "a counter needs 'open' and 'close' times");
        plan.open = after_opening(*t->get("open"));
        plan.close = after_opening(*t->get("close"));
        if (plan.close <= plan.open) in.fail(t->get("close"), "a counter closes after it opens");
        if (auto const* breaks = in.array(*t, "breaks", 16))
            for (auto const& b : *breaks) {
                auto const* bt = b.as_table();
                if (!bt || !bt->get("at")) in.fail(&b, "a break is { at = \"HH:MM\", minutes = N }");
                in.only(*bt, "a break", {"at", "minutes"});
                counter_break cb{.at = after_opening(*bt->get("at")),
                                 .length = std::chrono::minutes(in.whole(*bt, "minutes", 15, 1, 240))};
                if (cb.at < plan.open || cb.at + cb.length > plan.close || (!plan.breaks.empty() && cb.at < plan.breaks.back().at + plan.breaks.back().length))
                    in.fail(&b, "breaks fall inside the counter's hours, in order, without overlapping");
                plan.breaks.push_back(cb);
            }
        auto stagger = std::chrono::minutes(in.whole(*t, "break_stagger_minutes", 0, 0, 240));
        for (int i = 0; i < count; ++i) {
            config.number = static_cast<core::counter_number>(first + i);
            config.name = "Counter " + std::to_string(first + i);
            auto mine = plan;
            for (auto& b : mine.breaks) b.at += stagger * i;  // not all at once
            if (!mine.breaks.empty() && mine.breaks.back().at + mine.breaks.back().length > mine.close)
                in.fail(t->get("break_stagger_minutes"), "staggered breaks pass the counters' closing");
            if (d.centre.find_counter(config.number)) in.fail(t->get("number"), "counter " + std::to_string(first + i) + " is listed twice");
            d.centre.counters.push_back(config);
            d.counters.push_back(std::move(mine));
        }
    }
}

}  // namespace novbe::sim::detail
