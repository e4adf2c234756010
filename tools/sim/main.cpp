// novbe-sim: a centre's day through the real engine, with routing and fairness variants side by
// side (tools/sim/README.md).
#include "citizens.hpp"
#include "day_file.hpp"
#include "log_day.hpp"
#include "replay.hpp"
#include "report.hpp"
#include "simulation.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace novbe;

char const* const usage =
    "usage: novbe-sim DAY.toml [--policy P] [--fairness F] [--plan K] [--log-to NEW.db] [--brief]\n"
    "       novbe-sim --replay CENTRE.db --day YYYY-MM-DD [--policy P] [--fairness F] [--plan K] [--brief]\n"
    "  --replay    a real day from a centre's log (read-only): its tickets and counters' plans as\n"
    "              the day, and a row of what really happened beside the variants (the log\n"
    "              holds no [rules]: 'day' is then the engine's defaults)\n"
    "  --policy    longest_wait_first | strict_service_order | all  (default: each counter's own)\n"
    "  --fairness  day | streak:K | ratio:K | all  (default: day, the file's rules)\n"
    "              streak:K  at most K priority calls in a row, no ratio rule\n"
    "              ratio:K   K normal calls for each priority call (docs/DOMAIN.md#priority-ratio)\n"
    "              all       day, streak:1, ratio:1, ratio:2, ratio:4\n"
    "  --plan      known | hidden | both  (default: known) whether the engine is told the counters'\n"
    "              breaks (docs/DOMAIN.md#the-counters-plan)\n"
    "  --log-to F  also writes the first variant's events to a new centre log F, through the\n"
    "              server's own writer, for --replay (the day's date: 2026-12-01)\n"
    "  --brief     only the comparison table, not each run's\n"
    "Several variants print a comparison table; the time taken goes to stderr.\n";

struct bad_usage {
    std::string why;
};

std::vector<sim::variant> policies(std::string const& arg) {
    if (arg.empty()) return {sim::variant{.name = "own policies"}};
    std::vector<sim::variant> out;
    if (arg == "longest_wait_first" || arg == "all")
        out.push_back({.name = "longest_wait_first", .policy = core::routing_policy::longest_wait_first});
    if (arg == "strict_service_order" || arg == "all")
        out.push_back({.name = "strict_service_order", .policy = core::routing_policy::strict_service_order});
    if (out.empty()) throw bad_usage{"unknown policy '" + arg + "'"};
    return out;
}

int k_of(std::string const& arg, std::size_t from, int low) {
    auto text = arg.substr(from);
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
        throw bad_usage{"'" + arg + "' needs a whole number"};
    int k = std::stoi(text);
    if (k < low || k > core::max_normal_per_priority) throw bad_usage{"'" + arg + "' is out of range"};
    return k;
}

// The fairness rules to run, applied on top of each policy variant.
std::vector<sim::variant> fairness(std::string const& arg) {
    auto streak = [](int k) {
        return sim::variant{.name = "streak:" + std::to_string(k), .max_priority_streak = k, .normal_per_priority = 0};
    };
    auto ratio = [](int k) { return sim::variant{.name = "ratio:" + std::to_string(k), .normal_per_priority = k}; };
    if (arg.empty() || arg == "day") return {sim::variant{.name = "day's rules"}};
    if (arg == "all")
        return {sim::variant{.name = "day's rules"}, streak(1), ratio(1), ratio(2), ratio(4)};
    if (arg.starts_with("streak:")) return {streak(k_of(arg, 7, 1))};
    if (arg.starts_with("ratio:")) return {ratio(k_of(arg, 6, 0))};
    throw bad_usage{"unknown fairness rule '" + arg + "'"};
}

int run(std::vector<std::string> const& args) {
    std::string path, replay, date, log_to, policy, rule, plan = "known";
    bool brief = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto const& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage, stdout);
            return 0;
        }
        if ((a == "--policy" || a == "--fairness") && i + 1 < args.size()) (a == "--policy" ? policy : rule) = args[++i];
        else if (a == "--plan" && i + 1 < args.size()) plan = args[++i];
        else if (a == "--replay" && i + 1 < args.size()) replay = args[++i];
        else if (a == "--day" && i + 1 < args.size()) date = args[++i];
        else if (a == "--log-to" && i + 1 < args.size()) log_to = args[++i];
        else if (a == "--brief") brief = true;
        else if (!a.starts_with("-") && path.empty()) path = a;
        else throw bad_usage{"unexpected '" + a + "'"};
    }
    if (path.empty() == replay.empty()) throw bad_usage{"a day file, or --replay with a centre's log, is needed"};
    if (replay.empty() != date.empty()) throw bad_usage{"--replay and --day go together"};
    if (!log_to.empty() && !replay.empty()) throw bad_usage{"--log-to logs a day file's day, not a replay"};
    if (plan != "known" && plan != "hidden" && plan != "both") throw bad_usage{"--plan is known, hidden or both"};
    std::vector<bool> plans;
    if (plan != "hidden") plans.push_back(true);
    if (plan != "known") plans.push_back(false);
    std::vector<sim::result> results;
    sim::day d;
    std::vector<sim::citizen> citizens;
    if (replay.empty()) {
        d = sim::load_day(path);
        citizens = sim::draw_citizens(d);
    } else {
        auto day = sim::parse_day(date);
        auto real = sim::replay_day(replay, day);
        d = std::move(real.d);
        citizens = std::move(real.citizens);
        results.push_back(std::move(real.as_happened));
    }
    auto started = std::chrono::steady_clock::now();
    for (auto known : plans)
    for (auto const& p : policies(policy))
        for (auto const& f : fairness(rule)) {
            sim::variant v = f;
            v.name = p.name + ", " + f.name + (known ? "" : ", plan hidden");
            v.policy = p.policy;
            v.plan_known = known;
            auto one = std::chrono::steady_clock::now();
            bool log = !log_to.empty() && results.empty();  // the first variant only
            results.push_back(log ? sim::log_day(log_to, d, citizens, v) : sim::simulate(d, citizens, v));
            std::fprintf(stderr, "%s: %zu tickets in %.3f s\n", v.name.c_str(), results.back().tickets,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - one).count());
        }
    std::fprintf(stderr, "%zu runs in %.3f s\n", results.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (!brief || results.size() == 1)
        for (auto const& r : results) std::fputs(sim::render_run(r).c_str(), stdout);
    if (results.size() > 1) std::fputs(sim::render_comparison(results).c_str(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (bad_usage const& e) {
        std::fprintf(stderr, "novbe-sim: %s\n%s", e.why.c_str(), usage);
        return 2;
    } catch (std::exception const& e) {
        std::fprintf(stderr, "novbe-sim: %s\n", e.what());
        return 1;
    }
}
