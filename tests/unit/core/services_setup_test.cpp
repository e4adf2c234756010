// Services and counters at runtime (docs/SETUP.md#services-and-counters-at-runtime): added,
// changed and retired as events with who did it; the caches follow; history stays.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class services_setup : public centre_test {
protected:
    static service_config visa() {
        return {.id = "visa", .prefix = "V", .names = {{"en", "Visa"}, {"az", "Viza"}}, .target_wait = 10min,
                .max_wait = 30min, .agency = "migration", .agency_names = {{"en", "Migration service"}}};
    }
    // "1:A 2:A,B 3:B,A 4:C" : each counter's services by prefix ("5:-" retired).
    std::string counters() const {
        std::string out;
        for (auto const& k : c.config().counters) {
            out += (out.empty() ? "" : " ") + std::to_string(k.number) + ":";
            if (k.retired) { out += "-"; continue; }
            for (std::size_t i = 0; i < k.services.size(); ++i)
                out += (i ? "," : "") + c.config().services[k.services[i]].prefix;
        }
        return out;
    }
};

TEST_F(services_setup, an_added_service_takes_tickets_and_is_called_at_a_counter_added_for_it) {
    EXPECT_EQ("ok", run(add_service{visa(), "root"}));
    EXPECT_EQ("root", std::get<service_set>(log.back()).by);
    EXPECT_EQ("V001", issue("visa"));
    EXPECT_EQ("ok", run(add_counter{{.number = 7, .name = "Visa desk", .services = {service("visa"), service("passport")}}, "root"}));
    EXPECT_EQ("1:A 2:A,B 3:B,A 4:C 7:V,A", counters());
    open(7);
    EXPECT_EQ("V001", call(7));
    EXPECT_EQ("V: called=V001@7", render(c, "visa"));
    EXPECT_EQ(1u, c.open_counters(service("visa")));
}

TEST_F(services_setup, ids_prefixes_and_numbers_are_unique_and_values_bounded) {
    EXPECT_EQ("duplicate_name", run(add_service{{.id = "passport", .prefix = "P", .names = {{"en", "P"}}}, "root"}));
    EXPECT_EQ("prefix_taken", run(add_service{{.id = "other", .prefix = "A", .names = {{"en", "P"}}}, "root"}));
    // An admin reads what is wrong, and with what: never the generic sentence of the code.
    EXPECT_EQ("invalid_argument: Service 'lower' needs a prefix of 1 to 3 capital letters.",
              said(add_service{{.id = "lower", .prefix = "a", .names = {{"en", "P"}}}, "root"}));
    EXPECT_EQ("invalid_argument: Service 'nameless': it needs a name in each of the centre's languages.",
              said(add_service{{.id = "nameless", .prefix = "N"}, "root"}));
    EXPECT_EQ("invalid_argument: Service 'slow' needs 0 < target wait <= maximum wait.",
              said(add_service{{.id = "slow", .prefix = "S", .names = {{"en", "S"}}, .target_wait = 20min, .max_wait = 10min}, "root"}));
    EXPECT_EQ("invalid_argument", run(add_service{visa(), ""}));
    EXPECT_EQ("duplicate_name", run(add_counter{{.number = 1, .services = {0}}, "root"}));
    EXPECT_EQ("invalid_argument: Counter 9 needs at least one service.", said(add_counter{{.number = 9, .services = {}}, "root"}));
    EXPECT_EQ("invalid_argument: Counter 9 names a service twice.", said(add_counter{{.number = 9, .services = {0, 0}}, "root"}));
    EXPECT_EQ("invalid_argument: Counter 9 names an unknown service.", said(add_counter{{.number = 9, .services = {42}}, "root"}));
    EXPECT_EQ("invalid_argument: A counter's number is 1 to 9999.", said(add_counter{{.number = 0, .services = {0}}, "root"}));
    EXPECT_EQ("invalid_argument: A counter's number is 1 to 9999.", said(add_counter{{.number = 10000, .services = {0}}, "root"}));
    EXPECT_EQ("invalid_argument: Counter 9 has a name over 128 bytes.",
              said(add_counter{{.number = 9, .name = std::string(129, 'x'), .services = {0}}, "root"}));
    // A name reaches the ticket printer, where ESC and GS bytes are commands (a reset, a cut).
    EXPECT_EQ("invalid_argument: Service 'esc': its name in 'en' holds a control character (a name is one line of text).",
              said(add_service{{.id = "esc", .prefix = "E", .names = {{"en", "Tax\x1b@\x1dV"}}}, "root"}));
    EXPECT_EQ("invalid_argument: Service 'long': its name in 'en' is not 1 to 128 bytes.",
              said(add_service{{.id = "long", .prefix = "L", .names = {{"en", std::string(129, 'x')}}}, "root"}));
    EXPECT_EQ("invalid_argument: Counter 9's name holds a control character (a name is one line of text).",
              said(add_counter{{.number = 9, .name = "C\x1b[2J", .services = {0}}, "root"}));
    auto lone = visa();
    lone.agency = "new_agency";
    lone.agency_names.clear();
    EXPECT_EQ("invalid_argument: Agency 'new_agency' is new: it needs names, one in each of the centre's languages.",
              said(add_service{lone, "root"}));
    EXPECT_EQ("unknown_service: There is no service 'ghost' in this centre (services are named by id).",
              said(change_service{.id = "ghost", .by = "root"}));
    EXPECT_EQ("unknown_service: ", said(change_service{.id = "gh\x1bost", .by = "root"}))
        << "the code's own sentence: an id with a control character is never echoed";
    EXPECT_EQ("unknown_counter", run(change_counter{.number = 99, .by = "root"}));
}

TEST_F(services_setup, a_change_renames_retargets_and_reorders_and_an_empty_one_logs_nothing) {
    EXPECT_EQ("ok", run(change_service{.id = "passport", .names = std::map<std::string, std::string>{{"en", "Passports"}},
                                       .target_wait = 5min, .agency = "interior",
                                       .agency_names = std::map<std::string, std::string>{{"en", "Interior"}}, .by = "root"}));
    auto const& passport = c.config().services[service("passport")];
    EXPECT_EQ("Passports", passport.names.at("en"));
    EXPECT_EQ(5min, passport.target_wait);
    EXPECT_EQ("A", passport.prefix) << "a service keeps its prefix";
    EXPECT_EQ("invalid_argument", run(change_service{.id = "passport", .max_wait = 1min, .by = "root"}));
    EXPECT_EQ("ok", run(change_counter{.number = 2, .services = std::vector<service_index>{service("id_card"), service("passport")},
                                       .policy = routing_policy::strict_service_order, .by = "root"}));
    EXPECT_EQ("1:A 2:B,A 3:B,A 4:C", counters());
    auto events = log.size();
    EXPECT_EQ("ok", run(change_counter{.number = 2, .name = c.config().find_counter(2)->name, .by = "root"}));
    EXPECT_EQ(events, log.size());
}

TEST_F(services_setup, a_new_target_counts_from_now_on_and_leaves_the_days_figures_as_they_were) {
    open(1);
    issue("passport");
    now += 10min;
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ(1u, c.statistics().by_service[service("passport")].within_target) << "10 minutes within 15";
    EXPECT_EQ("ok", run(change_service{.id = "passport", .target_wait = 5min, .by = "root"}));
    EXPECT_EQ(1u, c.statistics().by_service[service("passport")].within_target) << "the past is not recounted";
    serve(1);
    issue("passport");
    now += 10min;
    EXPECT_EQ("A002", call(1));
    EXPECT_EQ(1u, c.statistics().by_service[service("passport")].within_target) << "10 minutes is over the new 5";
}

TEST_F(services_setup, a_service_is_retired_only_once_nobody_waits_and_keeps_its_history) {
    open(4);
    auto first = issue("notary");
    issue("notary");
    EXPECT_EQ(first, call(4));
    EXPECT_EQ("service_has_waiting", run(retire_service{"notary", "root"}));
    EXPECT_EQ("ok", run(cancel_ticket{.number = "C002", .reason = "citizen_request"}));
    EXPECT_EQ("last_service", run(retire_service{"notary", "root"})) << "counter 4 would serve nothing";
    EXPECT_EQ("ok", run(change_counter{.number = 4, .services = std::vector<service_index>{service("notary"), service("id_card")},
                                       .by = "root"}));
    EXPECT_EQ("ok", run(retire_service{"notary", "root"}));
    EXPECT_EQ("1:A 2:A,B 3:B,A 4:B", counters()) << "no counter serves a retired service";
    EXPECT_EQ("service_retired", run(issue_ticket{.service = service("notary"), .language = "en", .token = {9, 9}}));
    EXPECT_EQ("service_retired", run(retire_service{"notary", "root"}));
    EXPECT_EQ("service_retired", run(change_service{.id = "notary", .target_wait = 1min, .by = "root"}));
    EXPECT_EQ("service_retired", run(add_counter{{.number = 8, .services = {service("notary")}}, "root"}));
    auto waiting = issue("passport");
    EXPECT_EQ("service_retired", run(move_ticket{waiting, service("notary"), "wrong_service"})) << "a manager's move neither";
    serve(4);  // the ticket called before it was retired is served to the end
    EXPECT_EQ(2u, c.statistics().by_service[service("notary")].issued);
    EXPECT_EQ(1u, c.statistics().by_service[service("notary")].served);
    EXPECT_NE(nullptr, c.find_ticket("C001"));
    EXPECT_EQ("nothing_waiting", call(4));
}

// A file says each counter's services and one [agencies.ID] table of names (docs/SETUP.md#config-export):
// the commands keep the set-up one a file can say.
TEST_F(services_setup, a_counter_keeps_a_service_and_an_agency_keeps_one_set_of_names) {
    EXPECT_EQ("ok", run(retire_counter{4, "root"}));
    auto const before = log.size();
    EXPECT_EQ("ok", run(retire_service{"notary", "root"})) << "a retired counter may be left with none";
    EXPECT_EQ(before + 1, log.size()) << "the service's event alone: a retired counter takes no changes";
    EXPECT_EQ("ok", run(add_service{visa(), "root"}));
    auto joining = visa();
    joining.id = "residence";
    joining.prefix = "R";
    joining.agency_names.clear();
    EXPECT_EQ("ok", run(add_service{joining, "root"}));
    EXPECT_EQ(visa().agency_names, c.config().services[service("residence")].agency_names) << "takes the agency's names";
    EXPECT_EQ("ok", run(change_service{.id = "residence", .agency_names = std::map<std::string, std::string>{{"en", "Migration"}},
                                       .by = "root"}));
    EXPECT_EQ("Migration", c.config().services[service("visa")].agency_names.at("en")) << "renamed for all its services";
    EXPECT_EQ("ok", run(change_service{.id = "passport", .agency = "migration", .by = "root"}));
    EXPECT_EQ("Migration", c.config().services[service("passport")].agency_names.at("en"));
    EXPECT_EQ("invalid_argument", run(change_service{.id = "id_card", .agency = "nameless", .by = "root"})) << "a new agency needs names";
    joining.id = "other";
    joining.prefix = "O";
    joining.agency = "";
    joining.agency_names = {{"en", "Names without an agency"}};
    EXPECT_EQ("invalid_argument", run(add_service{joining, "root"}));
}

TEST_F(services_setup, a_counter_is_retired_only_when_closed_and_empty_then_opens_no_more) {
    open(1);
    issue("passport");
    EXPECT_EQ("counter_in_use", run(retire_counter{1, "root"}));
    EXPECT_EQ("A001", call(1));
    EXPECT_EQ("counter_in_use", run(retire_counter{1, "root"}));
    serve(1);
    EXPECT_EQ("ok", run(close_counter{.counter = 1}));
    EXPECT_EQ("ok", run(retire_counter{1, "root"}));
    EXPECT_EQ("counter_retired", run(open_counter{1, "clerk"}));
    EXPECT_EQ("counter_retired", run(change_counter{.number = 1, .name = "x", .by = "root"}));
    open(2);
    EXPECT_EQ(1u, c.open_counters(service("passport")));
    EXPECT_NE(nullptr, c.find_counter(1)) << "a retired counter keeps its number and history";
    EXPECT_EQ("1:- 2:A,B 3:B,A 4:C", counters());
}

TEST_F(services_setup, the_set_up_outlives_the_day_is_kept_in_the_image_and_replays) {
    EXPECT_EQ("ok", run(add_service{visa(), "root"}));
    EXPECT_EQ("ok", run(add_counter{{.number = 7, .services = {service("visa")}}, "root"}));
    EXPECT_EQ("ok", run(retire_counter{4, "root"}));  // it serves notary alone
    EXPECT_EQ("ok", run(retire_service{"notary", "root"}));
    issue("visa");
    now += std::chrono::hours(24);
    EXPECT_EQ("V001", issue("visa")) << "a new day numbers the new service from 1 again";
    auto seeded = small_centre();  // the file: without visa or counter 7
    auto rebuilt = centre::from_image(seeded, c.image());
    ASSERT_TRUE(rebuilt);
    EXPECT_EQ(c, *rebuilt);
    centre replayed(seeded);
    for (auto const& ev : log) {
        ASSERT_TRUE(replayed.can_apply(ev));
        replayed.apply(ev);
    }
    EXPECT_EQ(c, replayed);
    open(7);
    EXPECT_EQ("V001", call(7));
}

TEST_F(services_setup, a_damaged_set_up_event_is_refused) {
    EXPECT_FALSE(c.can_apply(service_set{{.id = "passport", .prefix = "Z", .names = {{"en", "P"}}}, "root", now}))
        << "a known service keeps its prefix";
    EXPECT_FALSE(c.can_apply(service_set{{.id = "x", .prefix = "A", .names = {{"en", "X"}}}, "root", now}));
    EXPECT_FALSE(c.can_apply(counter_set{{.number = 9, .services = {77}}, "root", now}));
    EXPECT_TRUE(c.can_apply(counter_set{{.number = 9, .services = {0}}, "root", now}));
}

}  // namespace
}  // namespace novbe::core::testing
