#pragma once
// The day file's reader: toml++ nodes to checked values, every problem with its line.
#include "day_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace novbe::sim::detail {

using namespace std::chrono_literals;

// Turns every problem into "FILE:LINE:COLUMN: problem" (the line of the value, or of its table).
class reader {
public:
    explicit reader(std::string path) : path_(std::move(path)) {}

    [[noreturn]] void fail(toml::node const* at, std::string const& problem) const {
        std::string where = path_;
        if (at && at->source().begin)
            where += ":" + std::to_string(at->source().begin.line) + ":" + std::to_string(at->source().begin.column);
        throw day_error(where + ": " + problem);
    }

    void only(toml::table const& t, std::string const& what, std::initializer_list<std::string_view> keys) const {
        for (auto const& [key, value] : t)
            if (std::find(keys.begin(), keys.end(), key.str()) == keys.end())
                fail(&value, "unknown key '" + std::string(key.str()) + "' in " + what);
    }

    double number(toml::table const& t, std::string_view key, double fallback, double low, double high) const {
        auto const* node = t.get(key);
        if (!node) return fallback;
        std::optional<double> v;
        if (node->is_integer()) v = static_cast<double>(*node->value<std::int64_t>());
        else if (node->is_floating_point()) v = node->value<double>();
        if (!v || !(*v >= low && *v <= high))
            fail(node, "'" + std::string(key) + "' is a number from " + text(low) + " to " + text(high));
        return *v;
    }
    int whole(toml::table const& t, std::string_view key, int fallback, int low, int high) const {
        auto const* node = t.get(key);
        if (!node) return fallback;
        auto v = node->value_exact<std::int64_t>();
        if (!v || *v < low || *v > high)
            fail(node, "'" + std::string(key) + "' is a whole number from " + std::to_string(low) + " to " + std::to_string(high));
        return static_cast<int>(*v);
    }
    std::string string(toml::table const& t, std::string_view key, std::optional<std::string> fallback = {}) const {
        auto const* node = t.get(key);
        if (!node && fallback) return *fallback;
        if (!node) fail(&t, "'" + std::string(key) + "' is missing");
        auto v = node->value_exact<std::string>();
        if (!v || v->size() > 64) fail(node, "'" + std::string(key) + "' is a text of at most 64 bytes");
        return *v;
    }
    // "HH:MM" local time as minutes after midnight; hours to 47 so that a day may pass midnight.
    std::chrono::minutes clock(toml::node const& node) const {
        auto v = node.value_exact<std::string>();
        auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>((*v)[i])) != 0; };
        if (!v || v->size() != 5 || (*v)[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
            fail(&node, "a time is \"HH:MM\"");
        int h = std::stoi(v->substr(0, 2)), m = std::stoi(v->substr(3, 2));
        if (h > 47 || m > 59) fail(&node, "a time is \"HH:MM\" with HH up to 47 and MM up to 59");
        return std::chrono::minutes(h * 60 + m);
    }
    toml::array const* array(toml::table const& t, std::string_view key, std::size_t at_most) const {
        auto const* node = t.get(key);
        if (!node) return nullptr;
        auto const* a = node->as_array();
        if (!a) fail(node, "'" + std::string(key) + "' is a list");
        if (a->size() > at_most) fail(node, "'" + std::string(key) + "' has at most " + std::to_string(at_most) + " entries");
        return a;
    }

private:
    static std::string text(double x) {
        auto s = std::to_string(x);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    }
    std::string path_;
};

// One day file being read into `d`; a table at a time.
struct reading {
    reader const& in;
    day& d;

    std::chrono::seconds after_opening(toml::node const& node) const;  // seconds after [day] opening
    void day_table(toml::table const& root);
    void rules(toml::table const& root);
    void services(toml::table const& root);  // day_tables.cpp
    core::booking_service_rules booking_rules(toml::table const& t, booking_plan& b) const;  // day_tables.cpp
    void counters(toml::table const& root);  // day_tables.cpp
};

}  // namespace novbe::sim::detail
