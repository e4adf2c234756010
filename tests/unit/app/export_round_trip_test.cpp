// The export's promise as a property (docs/SETUP.md#config-export): whatever set-up commands an
// admin sends that the server accepts (through the wire's handlers and the engine, as a running
// server takes them), `config export` writes a file that check-config's loader accepts, and a new
// centre started from it has the same GetCentre, but for what was retired. Seeded random runs
// with hostile values: waits off the minute, agencies named twice or not at all, a counter's last
// service retired, quotes and non-ASCII names; the week's hours, holidays and exceptions
// (docs/SETUP.md#hours-and-holidays), malformed ones too.
#include "app/config_export.hpp"
#include "app/config_file.hpp"
#include "net/protocol.hpp"
#include "net/calendar_handlers.hpp"
#include "net/service_handlers.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace novbe::app {
namespace {

using M = v1::ClientMessage;

std::string const demo = NOVBE_DEMO_CONFIG;

// Values an admin (or a hostile client) might send; some refused, some not.
std::vector<std::string> const texts{"Vergi", "Tax \"office\"", "back\\slash", "Ədliyyə Nazirliyi", "Налоги", "🙂 x",
                                     "tab\there", "", std::string(128, 'n'), std::string(129, 'n'), "a = b # c",
                                     "[agencies]", "'single'", "line\nbreak"};
std::vector<std::string> const ids{"tax", "notary", "passport", "visa", "a.b", "x y", "ü", "", "id\"q", std::string(65, 'i')};
std::vector<std::string> const agencies{"", "justice", "migration", "tax-office", "a.b", "ü", "x\"y", "new"};
std::vector<std::int64_t> const waits{0, 60, 61, 90, 120, 600, 3599, 3600, 86'400, 86'401, -60};
// The engine's clock here is the epoch: dates of 1970 are today and later, some past a year ahead.
std::vector<std::string> const clocks{"09:00", "18:00", "08:30", "25:00", "00:00", "24:00", "9:00", "", "13:00", "47:59"};
std::vector<std::string> const dates{"1970-01-01", "1970-01-02", "1970-03-08", "1970-12-31", "1971-01-02", "1969-12-31",
                                     "1970-02-30", "tomorrow", "1970-05-09"};

class random_admin {
public:
    random_admin(unsigned seed, std::vector<std::string> languages) : rng_(seed), languages_(std::move(languages)) {}

    M next(v1::CentreInfo const& now) {
        M m;
        switch (pick(10)) {
        case 6: {
            auto& w = *m.mutable_set_weekly_hours();
            for (std::size_t i = 0, n = pick(12) ? 7 : pick(9); i < n; ++i) hours(*w.add_days());
            break;
        }
        case 7: m.mutable_add_holiday()->set_date(pick(dates)); break;
        case 8: m.mutable_remove_holiday()->set_date(pick(dates)); break;
        case 9: {
            auto& e = *m.mutable_set_exception();
            e.set_date(pick(dates));
            if (!pick(4)) e.set_remove(true);
            else hours(*e.mutable_hours());
            break;
        }
        case 0: {
            auto& s = *m.mutable_add_service()->mutable_service();
            s.set_id(pick(ids) + (pick(3) ? std::to_string(pick(40)) : ""));
            s.set_prefix(prefix());
            names(*s.mutable_names(), 10);
            if (pick(3)) s.set_target_wait_s(pick(waits)), s.set_max_wait_s(pick(waits));
            agency(s.mutable_agency(), *s.mutable_agency_names());
            break;
        }
        case 1: {
            auto& c = *m.mutable_change_service();
            c.set_id(service_id(now));
            if (!pick(3)) names(*c.mutable_names(), 10);
            if (pick(2)) c.set_target_wait_s(pick(waits));
            if (pick(2)) c.set_max_wait_s(pick(waits));
            if (pick(2)) agency(c.mutable_agency(), *c.mutable_agency_names());
            else if (!pick(4)) names(*c.mutable_agency_names(), 4);
            break;
        }
        case 2: m.mutable_retire_service()->set_id(service_id(now)); break;
        case 3: {
            auto& c = *m.mutable_add_counter()->mutable_counter();
            c.set_number(pick(4) ? 1 + pick(30) : std::vector<std::uint32_t>{0, 9999, 10'000}[pick(3)]);
            if (pick(2)) c.set_name(pick(texts));
            services(*c.mutable_service_ids(), now);
            c.set_policy(static_cast<v1::RoutingPolicy>(pick(4)));
            break;
        }
        case 4: {
            auto& c = *m.mutable_change_counter();
            c.set_number(counter(now));
            if (!pick(3)) c.set_name(pick(texts));
            if (pick(2)) services(*c.mutable_service_ids(), now);
            c.set_policy(static_cast<v1::RoutingPolicy>(pick(3)));
            break;
        }
        default: m.mutable_retire_counter()->set_number(counter(now)); break;
        }
        return m;
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    template <class T>
    T const& pick(std::vector<T> const& from) { return from[pick(from.size())]; }

    std::string prefix() {
        std::string p;
        for (std::size_t i = 0, n = 1 + pick(3); i < n; ++i) p += static_cast<char>('A' + pick(pick(10) ? 26 : 40));
        return p;
    }
    // Mostly one name per centre language; sometimes one missing, one extra, or a hostile text.
    void names(google::protobuf::Map<std::string, std::string>& out, std::size_t odd_one_in) {
        for (auto const& l : languages_) out[l] = pick(odd_one_in) ? "Name " + l + std::to_string(pick(5)) : pick(texts);
        if (!pick(odd_one_in)) out.erase(languages_[pick(languages_.size())]);
        if (!pick(odd_one_in)) out["de"] = "Steuer";
    }
    void hours(v1::DayHours& h) {
        if (!pick(5)) return h.set_closed(true);
        h.set_opening(pick(clocks));
        h.set_closing(pick(clocks));
    }
    void agency(std::string* id, google::protobuf::Map<std::string, std::string>& names_out) {
        *id = pick(agencies);
        if (pick(3)) names(names_out, 6);
    }
    std::string service_id(v1::CentreInfo const& now) {
        if (now.services().empty() || !pick(8)) return pick(ids);
        return now.services(static_cast<int>(pick(static_cast<std::size_t>(now.services_size())))).id();
    }
    std::uint32_t counter(v1::CentreInfo const& now) {
        if (now.counters().empty() || !pick(8)) return static_cast<std::uint32_t>(pick(40));
        return now.counters(static_cast<int>(pick(static_cast<std::size_t>(now.counters_size())))).number();
    }
    void services(google::protobuf::RepeatedPtrField<std::string>& out, v1::CentreInfo const& now) {
        for (std::size_t i = 0, n = pick(4); i < n; ++i) out.Add(service_id(now));
    }

    std::mt19937 rng_;
    std::vector<std::string> languages_;
};

using handler = std::variant<net::action, net::refusal> (*)(net::command_context const&, M const&);

handler handler_of(M const& m) {
    if (m.has_add_service()) return net::setup_add_service;
    if (m.has_change_service()) return net::setup_change_service;
    if (m.has_retire_service()) return net::setup_retire_service;
    if (m.has_add_counter()) return net::setup_add_counter;
    if (m.has_change_counter()) return net::setup_change_counter;
    if (m.has_set_weekly_hours()) return net::setup_set_weekly_hours;
    if (m.has_add_holiday()) return net::setup_add_holiday;
    if (m.has_remove_holiday()) return net::setup_remove_holiday;
    if (m.has_set_exception()) return net::setup_set_exception;
    return net::setup_retire_counter;
}

// GetCentre as a centre started from the export has it: what was retired is not there.
v1::CentreInfo without_retired(v1::CentreInfo info) {
    auto services = info.services();
    auto counters = info.counters();
    info.clear_services();
    info.clear_counters();
    for (auto const& s : services)
        if (!s.retired()) *info.add_services() = s;
    for (auto const& c : counters)
        if (!c.retired()) *info.add_counters() = c;
    return info;
}

// The tables, past the header naming the file and before the comment lines of what was retired.
std::string tables(std::string const& exported) {
    auto const from = exported.find("\n\n");
    auto to = exported.find("\n# Retired in the log");
    if (to == std::string::npos) to = exported.find("\n# Users in the log");
    return exported.substr(from, to - from);
}

// Fixed unless NOVBE_SEED says another (a number, or "random"), as the engine's random test.
unsigned seed_base() {
    auto const* s = std::getenv("NOVBE_SEED");
    if (!s) return 20261202u;
    return std::string(s) == "random" ? std::random_device{}() : static_cast<unsigned>(std::strtoul(s, nullptr, 10));
}

TEST(export_round_trip, whatever_the_server_accepts_exports_to_a_file_that_loads_and_seeds_the_same_centre) {
    auto const folder = std::filesystem::temp_directory_path() / ("novbe-export-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    auto const file = (folder / "centre.toml").string(), exported_path = (folder / "exported.toml").string();
    std::filesystem::copy_file(demo, file, std::filesystem::copy_options::overwrite_existing);
    auto const settings = load_config(file);
    unsigned const base = seed_base();
    std::size_t accepted = 0, checked = 0, calendars = 0;
    for (unsigned seed = base; seed < base + 8; ++seed) {
        SCOPED_TRACE("NOVBE_SEED=" + std::to_string(seed));
        core::centre centre(settings.centre, settings.booking);
        random_admin admin(seed, settings.profile.languages);
        net::identity const who{.kind = net::role::admin, .user = "root"};
        for (int step = 0; step < 150; ++step) {
            auto const before = net::centre_info(settings, centre);
            auto const m = admin.next(before);
            auto made = handler_of(m)(net::command_context{centre, settings, who, core::time_point{}}, m);
            if (!std::holds_alternative<net::action>(made)) continue;
            auto decided = centre.decide(std::get<net::action>(made).command, core::time_point{});
            if (!decided.ok() || decided.events().empty()) continue;
            for (auto const& e : decided.events()) centre.apply(e);
            ++accepted;
            if (std::holds_alternative<core::calendar_set>(decided.events().back())) ++calendars;
            auto const now = net::centre_info(settings, centre);
            std::string text;
            try {
                text = export_toml(file, {.centre = now});
            } catch (config_error const& e) {
                FAIL() << "the export refused what the server accepted: " << e.what() << "\nafter " << m.DebugString();
            }
            std::ofstream(exported_path, std::ios::trunc) << text;
            net::settings loaded;
            try {
                loaded = load_config(exported_path);
            } catch (config_error const& e) {
                FAIL() << "check-config refuses the export: " << e.what() << "\nafter " << m.DebugString() << "\n" << text;
            }
            core::centre seeded(loaded.centre, loaded.booking);
            auto const again = net::centre_info(loaded, seeded);
            ASSERT_EQ(without_retired(now).DebugString(), again.DebugString()) << "after " << m.DebugString() << "\n" << text;
            ASSERT_EQ(tables(text), tables(export_toml(exported_path, {.centre = again}))) << "the export of the export is itself";
            ++checked;
        }
    }
    std::filesystem::remove_all(folder);
    EXPECT_GT(accepted, 150u) << "the random admin must get changes through, not only refusals";
    EXPECT_GT(checked, 40u);
    EXPECT_GT(calendars, 20u) << "hours, holidays and exceptions must get through too";
}

}  // namespace
}  // namespace novbe::app
