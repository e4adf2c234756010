// What a configuration file cannot say (docs/SETUP.md#config-export): the wire's commands refuse
// it, and a set-up an older server accepted anyway (its events replay as they were) is named by
// the export, with what to change, rather than written as a file check-config refuses.
#include "app/config_export.hpp"
#include "app/config_file.hpp"
#include "net/protocol.hpp"
#include "net/service_handlers.hpp"

#include <gtest/gtest.h>

namespace novbe::app {
namespace {

using namespace std::chrono_literals;
using M = v1::ClientMessage;

class export_refusals : public ::testing::Test {
protected:
    export_refusals() : settings_(load_config(NOVBE_DEMO_CONFIG)), centre_(settings_.centre) {}

    // The wire's handler, then the engine: "ok", or the refusal's code and sentence.
    std::string send(M const& m, std::variant<net::action, net::refusal> (*handler)(net::command_context const&, M const&)) {
        net::identity const who{.kind = net::role::admin, .user = "root"};
        auto made = handler(net::command_context{centre_, settings_, who, core::time_point{}}, m);
        if (auto const* no = std::get_if<net::refusal>(&made)) return v1::ErrorCode_Name(no->code) + ": " + no->message;
        auto decided = centre_.decide(std::get<net::action>(made).command, core::time_point{});
        if (!decided.ok()) return std::string(core::name(decided.error()));
        for (auto const& e : decided.events()) centre_.apply(e);
        return "ok";
    }
    // An event as an older server logged it: applied as a replay applies it, without a decision.
    void replayed(core::event const& e) {
        ASSERT_TRUE(centre_.can_apply(e));
        centre_.apply(e);
    }
    std::string exported() {
        try {
            return export_toml(NOVBE_DEMO_CONFIG, {.centre = net::centre_info(settings_, centre_)});
        } catch (config_error const& e) {
            return e.what();
        }
    }
    core::service_config passport() const { return centre_.config().services[*centre_.config().find_service("passport")]; }

    net::settings settings_;
    core::centre centre_;
};

TEST_F(export_refusals, the_commands_take_whole_minutes_and_name_a_nameless_counter) {
    M change;
    change.mutable_change_service()->set_id("passport");
    change.mutable_change_service()->set_target_wait_s(61);
    EXPECT_EQ("ERROR_CODE_INVALID_ARGUMENT: A wait is whole minutes, 1 minute to 24 hours (60 to 86400 seconds), and the target "
              "at most the maximum.",
              send(change, net::setup_change_service));
    change.mutable_change_service()->set_target_wait_s(120);
    EXPECT_EQ("ok", send(change, net::setup_change_service));
    EXPECT_EQ(2min, passport().target_wait);

    M add;
    add.mutable_add_counter()->mutable_counter()->set_number(42);
    add.mutable_add_counter()->mutable_counter()->add_service_ids("passport");
    EXPECT_EQ("ok", send(add, net::setup_add_counter));
    EXPECT_EQ("Counter 42", centre_.config().find_counter(42)->name) << "as the file names a counter without a name";

    M retire;
    retire.mutable_retire_service()->set_id("property");
    EXPECT_EQ("last_service", send(retire, net::setup_retire_service)) << "counter 6 serves property alone";
}

TEST_F(export_refusals, an_older_servers_set_up_that_a_file_cannot_say_is_named_with_what_to_change) {
    auto p = passport();
    p.target_wait = 61s;
    replayed(core::service_set{p, "root", {}});
    EXPECT_EQ("service passport has a wait of 61 s, which a configuration file cannot say: give it whole minutes (service "
              "change --id passport --target-minutes N --max-minutes N), then export again",
              exported());
    p.target_wait = 1min;
    replayed(core::service_set{p, "root", {}});

    p.agency_names = {{"en", "Migration"}};  // its agency's other services keep the file's names
    auto visa = p;
    visa.id = "visa";
    visa.prefix = "V";
    replayed(core::service_set{visa, "root", {}});
    EXPECT_EQ("agency migration has other names on service visa than on passport, which a configuration file cannot say: "
              "name it once (service change --id visa --agency migration --agency-names ... renames it for all its services), then "
              "export again",
              exported());
    visa.agency_names = passport().agency_names;
    replayed(core::service_set{visa, "root", {}});

    auto counter = *centre_.config().find_counter(6);
    counter.services.clear();  // an older RetireService left it serving nothing
    replayed(core::counter_set{counter, "root", {}});
    EXPECT_EQ("counter 6 serves no service, which a configuration file cannot say: give it one (counter change --number 6 "
              "--services ID) or retire it, then export again",
              exported());
    counter.retired = true;
    replayed(core::counter_set{counter, "root", {}});
    EXPECT_NE(std::string::npos, exported().find("#   counter 6\n")) << "retired, it is a comment line";
}

}  // namespace
}  // namespace novbe::app
