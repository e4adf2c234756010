#include "day_file.hpp"

#include "app/toml_screen.hpp"
#include "day_reader.hpp"

#include <fstream>

namespace novbe::sim {
namespace detail {

std::chrono::seconds reading::after_opening(toml::node const& node) const {
    auto at = in.clock(node) - d.opening;
    if (at < 0min || at >= 24h) in.fail(&node, "times are within 24 hours from [day] opening");
    return at;
}

void reading::day_table(toml::table const& root) {
    auto const* t = root.get_as<toml::table>("day");
    if (!t) return;
    in.only(*t, "[day]", {"seed", "opening", "walk_seconds", "no_show_after_seconds"});
    d.seed = static_cast<std::uint64_t>(in.whole(*t, "seed", 1, 0, 2'000'000'000));
    if (auto const* opening = t->get("opening")) d.opening = in.clock(*opening);
    if (d.opening >= 24h) in.fail(t->get("opening"), "[day] opening is before 24:00");
    d.walk = std::chrono::seconds(in.whole(*t, "walk_seconds", 30, 0, 600));
    d.no_show_after = std::chrono::seconds(in.whole(*t, "no_show_after_seconds", 120, 1, 3600));
}

void reading::rules(toml::table const& root) {
    auto const* t = root.get_as<toml::table>("rules");
    if (!t) return;
    in.only(*t, "[rules]", {"max_priority_streak", "normal_per_priority"});
    auto& r = d.centre.rules;
    r.max_priority_streak = in.whole(*t, "max_priority_streak", r.max_priority_streak, 1, 100);
    r.normal_per_priority = in.whole(*t, "normal_per_priority", 0, 0, core::max_normal_per_priority);
}

}  // namespace detail

day read_day(std::string_view text, std::string const& path) {
    detail::reader in(path);
    if (text.size() > max_file_bytes) throw day_error(path + ": a day file is at most 1 MiB");
    if (auto problem = app::screen_toml(text); !problem.empty()) throw day_error(path + ":" + problem);
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (toml::parse_error const& e) {
        throw day_error(path + ":" + std::to_string(e.source().begin.line) + ":" +
                        std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
    }
    in.only(root, "the day file", {"day", "rules", "services", "counters"});
    day d;
    detail::reading r{in, d};
    r.day_table(root);
    r.rules(root);
    r.services(root);
    r.counters(root);
    if (auto problem = core::validate(d.centre, core::engine_caps); !problem.empty()) throw day_error(path + ": " + problem);
    return d;
}

day load_day(std::string const& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw day_error(path + ": cannot be read");
    std::string text;
    text.resize(max_file_bytes + 1);
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    return read_day(text, path);
}

}  // namespace novbe::sim
