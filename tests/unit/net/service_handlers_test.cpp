// The set-up's service and counter handlers (docs/SETUP.md#services-and-counters-at-runtime).
#include "handlers_fixture.hpp"

#include "net/command_handlers.hpp"
#include "net/publication.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using testing::handlers;
using testing::M;


// docs/SETUP.md#services-and-counters-at-runtime: an admin's commands become the engine's in the
// admin's name, the reply is the centre as it is after them, and boards see only names.
class service_handlers : public handlers {
protected:
    // Decides and applies what the handler made; the refusal's wire code, or the reply.
    v1::Reply run(M const& m, v1::ErrorCode* refused = nullptr) {
        auto made = of(m.command_case()).make(as(root_), m);
        if (auto const* no = std::get_if<refusal>(&made)) {
            if (refused) *refused = no->code;
            return {};
        }
        auto& act = std::get<action>(made);
        auto decided = centre_.decide(act.command, {});
        if (!decided.ok()) {
            if (refused) *refused = wire_code(decided.error());
            return {};
        }
        for (auto const& ev : decided.events()) {
            centre_.apply(ev);
            events_.push_back(ev);
        }
        v1::Reply reply;
        act.reply(centre_, reply);
        return reply;
    }
    identity root_{.kind = role::admin, .user = "root"};
    std::vector<core::event> events_;
};

TEST_F(service_handlers, an_added_service_is_in_the_reply_and_boards_get_its_names_only) {
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    (*s.mutable_names())["en"] = "Visa";
    s.set_target_wait_s(600);
    s.set_max_wait_s(1800);
    auto reply = run(add);
    ASSERT_EQ(2, reply.centre().services_size());
    EXPECT_EQ("Visa", reply.centre().services(1).names().at("en"));
    EXPECT_EQ(600, reply.centre().services(1).target_wait_s());
    auto const& set = std::get<core::service_set>(events_.back());
    EXPECT_EQ("root", set.by);

    auto p = publish(centre_, {set}, 7, core::time_point{});
    auto const& full = *p->events.front();
    ASSERT_TRUE(full.has_service_changed());
    EXPECT_EQ("root", full.service_changed().by());
    auto copy = board_copy(full);
    ASSERT_TRUE(copy && copy->has_service_changed());
    EXPECT_EQ("Visa", copy->service_changed().service().names().at("en"));
    EXPECT_EQ(0, copy->service_changed().service().target_wait_s()) << "a board sees names, not targets";
    EXPECT_EQ("", copy->service_changed().by());
}

TEST_F(service_handlers, a_new_service_needs_every_language_and_waits_in_range) {
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    (*s.mutable_names())["az"] = "Viza";
    v1::ErrorCode code{};
    run(add, &code);
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, code) << "the centre speaks en";
    auto said = [&] { return std::get<refusal>(of(add.command_case()).make(as(root_), add)).message; };
    EXPECT_EQ("A service needs a name in each of the centre's languages (en), and in no other; this one has no name in 'en'.",
              said());
    (*s.mutable_names())["en"] = "Visa";
    EXPECT_EQ("A service needs a name in each of the centre's languages (en), and in no other; this one has a name in 'az'.",
              said());
    s.mutable_names()->erase("az");
    s.set_target_wait_s(-5);
    code = {};
    run(add, &code);
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, code);
}

TEST_F(service_handlers, counters_are_added_reordered_and_retired_and_the_retired_refusals_have_codes) {
    M add;
    auto& s = *add.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    (*s.mutable_names())["en"] = "Visa";
    run(add);
    M counter;
    auto& k = *counter.mutable_add_counter()->mutable_counter();
    k.set_number(3);
    k.set_name("Visa desk");
    k.add_service_ids("visa");
    k.add_service_ids("passport");
    auto reply = run(counter);
    ASSERT_EQ(3, reply.centre().counters_size());
    EXPECT_EQ("visa", reply.centre().counters(2).service_ids(0));
    M change;
    change.mutable_change_counter()->set_number(3);
    change.mutable_change_counter()->add_service_ids("passport");
    change.mutable_change_counter()->set_policy(v1::ROUTING_POLICY_STRICT_SERVICE_ORDER);
    reply = run(change);
    EXPECT_EQ(1, reply.centre().counters(2).service_ids_size());
    EXPECT_EQ(v1::ROUTING_POLICY_STRICT_SERVICE_ORDER, reply.centre().counters(2).policy());

    M retire;
    retire.mutable_retire_counter()->set_number(3);
    reply = run(retire);
    EXPECT_TRUE(reply.centre().counters(2).retired());
    v1::ErrorCode code{};
    run(retire, &code);
    EXPECT_EQ(v1::ERROR_CODE_COUNTER_RETIRED, code);
    M service;
    service.mutable_retire_service()->set_id("visa");
    EXPECT_TRUE(run(service).centre().services(1).retired());
    code = {};
    run(service, &code);
    EXPECT_EQ(v1::ERROR_CODE_SERVICE_RETIRED, code);
}

TEST(command_table, services_and_counters_are_the_admins) {
    for (auto c : {M::kAddService, M::kChangeService, M::kRetireService, M::kAddCounter, M::kChangeCounter, M::kRetireCounter}) {
        EXPECT_TRUE(commands::is_mutating(c)) << commands::find(c)->name;
        EXPECT_TRUE(commands::find(c)->roles.has(v1::ROLE_ADMIN)) << commands::find(c)->name;
        EXPECT_FALSE(commands::find(c)->roles.has(v1::ROLE_MANAGER)) << commands::find(c)->name;
    }
}


}  // namespace
}  // namespace novbe::net
