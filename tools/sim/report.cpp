#include "report.hpp"

#include <cstdio>

namespace novbe::sim {
namespace {

std::string format(char const* spec, double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, spec, x);
    return buf;
}
std::string min(double s) { return format("%.1f", s / 60.0); }
std::string percent(double share) { return format("%.1f %%", share * 100.0); }
std::string count(std::size_t n) { return std::to_string(n); }

std::string row(wait_line const& l) {
    return "| " + l.name + " | " + count(l.waits) + " | " + min(l.mean) + " | " + min(l.p90) + " | " + min(l.max) + " | " +
           percent(l.within_target) + " | " + count(l.unserved) + " | " + count(l.no_shows) + " | " +
           min(l.estimate_mae) + " | " + percent(l.estimate_ratio) + " | " +
           (l.utilisation < 0 ? std::string("") : percent(l.utilisation)) + " |\n";
}

std::string estimate_row(wait_line const& l) {
    return "| " + l.name + " | " + count(l.estimates) + " | " + percent(l.in_range) + " | " + count(l.long_waits) + " | " +
           percent(l.long_error_ratio) + " | " + percent(l.long_old_error_ratio) + " |\n";
}

std::string share(std::size_t part, std::size_t whole) { return whole ? percent(double(part) / double(whole)) : "-"; }

std::string alert_row(wait_line const& l) {
    auto const& a = l.alerts;
    return "| " + l.name + " | " + count(a.breaches) + " | " + share(a.warned, a.breaches) + " | " + count(a.alerts) + " | " +
           share(a.false_alarms, a.alerts) + " |\n";
}

std::string booking_row(booking_line const& b) {
    return "| " + b.name + " | " + count(b.made) + " | " + count(b.refused) + " | " + count(b.checked_in) + " | " +
           count(b.lapsed) + " | " + (b.checked_in + b.lapsed ? percent(b.no_show_rate()) : "-") + " | " +
           count(b.comebacks) + " | " + count(b.late_walk_ins) + " | " + min(b.booked.mean) + " | " + min(b.booked.p90) +
           " | " + min(b.past_slot.mean) + " | " + min(b.past_slot.p90) + " | " + min(b.walk_in.mean) + " | " +
           min(b.walk_in.p90) + " |\n";
}

}  // namespace

std::string render_bookings(result const& r) {
    std::string out = "| line | bookings | refused (no room) | checked in | lapsed | no-show rate | came back (too early) | "
                      "late, then walk-in | booked mean min | booked p90 min | past the slot mean min | past the slot p90 min | "
                      "walk-in mean min | walk-in p90 min |\n"
                      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (auto const& b : r.booking_services)
        if (b.wanted > 0) out += booking_row(b);
    return out + booking_row(r.booking_overall);
}

std::string render_booking_comparison(std::vector<result> const& runs) {
    std::string out = "| variant | bookings | checked in | lapsed | no-show rate | came back | booked mean min | "
                      "booked p90 min | past the slot p90 min | walk-in mean min | walk-in p90 min |\n"
                      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (auto const& r : runs) {
        auto const& b = r.booking_overall;
        out += "| " + r.variant + " | " + count(b.made) + " | " + count(b.checked_in) + " | " + count(b.lapsed) + " | " +
               percent(b.no_show_rate()) + " | " + count(b.comebacks) + " | " + min(b.booked.mean) + " | " +
               min(b.booked.p90) + " | " + min(b.past_slot.p90) + " | " + min(b.walk_in.mean) + " | " +
               min(b.walk_in.p90) + " |\n";
    }
    return out;
}

std::string render_alerts(result const& r) {
    std::string out = "| line | breaches | warned 15 min ahead | alerts | false alarms |\n| --- | --- | --- | --- | --- |\n";
    for (auto const& l : r.services) out += alert_row(l);
    return out + alert_row(r.overall);
}

std::string render_estimates(result const& r) {
    std::string out = "| line | judged | wait inside the range | waits over 5 min | middle's error / wait | "
                      "old estimate's error / wait |\n| --- | --- | --- | --- | --- | --- |\n";
    for (auto const& l : r.services) out += estimate_row(l);
    out += estimate_row(r.priority) + estimate_row(r.normal) + estimate_row(r.overall);
    return out;
}

std::string render_run(result const& r) {
    std::string out = "### " + r.variant + "\n\n";
    out += "| line | waits | mean min | p90 min | max min | within target | unserved | no-shows | estimate error min | "
           "error / mean wait | counters' utilisation |\n";
    out += "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (auto const& l : r.services) out += row(l);
    out += row(r.priority) + row(r.normal) + (r.has_bookings() ? row(r.appointment) : std::string()) + row(r.overall);
    out += "\nCounter utilisation " + percent(r.utilisation) + "; " + count(r.tickets) + " tickets, " +
           count(r.commands) + " engine commands.\n\nEstimates told at issue, judged at the first call "
           "(docs/DOMAIN.md#estimates):\n\n" + render_estimates(r) +
           "\nAlerts before a breach, the forecast read once a minute (docs/DOMAIN.md#alerts-before-a-breach):\n\n" +
           render_alerts(r) + "\n";
    if (r.has_bookings())
        out += "Bookings, made before the day opened, and how their citizens came (docs/DOMAIN.md#check-in); "
               "waits per visit:\n\n" + render_bookings(r) + "\n";
    return out;
}

std::string render_comparison(std::vector<result> const& runs) {
    std::string out = "| variant | mean min | p90 min | max min | within target | priority mean | normal mean | "
                      "normal p90 | normal max | unserved | utilisation | estimate error / mean wait | "
                      "wait inside the range | middle's error / wait over 5 min |\n";
    out += "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (auto const& r : runs) {
        auto const& a = r.overall;
        out += "| " + r.variant + " | " + min(a.mean) + " | " + min(a.p90) + " | " + min(a.max) + " | " +
               percent(a.within_target) + " | " + min(r.priority.mean) + " | " + min(r.normal.mean) + " | " +
               min(r.normal.p90) + " | " + min(r.normal.max) + " | " + count(a.unserved) + " | " +
               percent(r.utilisation) + " | " + percent(a.estimate_ratio) + " | " + percent(a.in_range) + " | " +
               percent(a.long_error_ratio) + " |\n";
    }
    bool bookings = false;
    for (auto const& r : runs) bookings = bookings || r.has_bookings();
    if (bookings) out += "\nBookings side by side:\n\n" + render_booking_comparison(runs);
    return out;
}

}  // namespace novbe::sim
