// A refused set-up change says exactly what is wrong (docs/SETUP.md#services-and-counters-at-runtime):
// whose prefix it is, which id exists, what a service id may be, the cap on services and counters.
#include "centre_fixture.hpp"

namespace novbe::core::testing {
namespace {

class setup_refusals : public centre_test {
protected:
    // "ok", or the refusal as "name: sentence" (the sentence the protocol's Error carries).
    std::string said(command cmd) {
        auto result = c.decide(cmd, now);
        if (result.ok()) {
            for (auto const& ev : result.events()) c.apply(ev);
            return "ok";
        }
        return std::string(name(result.error())) + ": " +
               (result.detail().empty() ? make_error_code(result.error()).message() : result.detail());
    }
    static add_service service(std::string id, std::string prefix) {
        return {{.id = std::move(id), .prefix = std::move(prefix), .names = {{"en", "A service"}}}, "root"};
    }
    // 1 to 3 capital letters, none of the fixture's (A, B, C): XAA, XAB, ...
    static std::string prefix_number(std::size_t i) {
        return std::string{static_cast<char>('X' + i / 676), static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26)};
    }
};

TEST_F(setup_refusals, a_prefix_taken_names_the_service_that_has_it_retired_or_not) {
    EXPECT_EQ("prefix_taken: Prefix A is taken by service passport.", said(service("visa", "A")));
    EXPECT_EQ("ok", said(retire_counter{4, "root"}));  // it serves notary alone (LAST_SERVICE otherwise)
    EXPECT_EQ("ok", said(retire_service{"notary", "root"}));
    EXPECT_EQ("prefix_taken: Prefix C is taken by service notary (retired: a prefix is kept for good).", said(service("visa", "C")));
    EXPECT_EQ("duplicate_name: A service passport exists already.", said(service("passport", "V")));
    EXPECT_EQ("duplicate_name: A service notary exists already (retired: an id is kept for good).", said(service("notary", "V")));
    EXPECT_EQ("ok", said(service("visa", "V")));
}

TEST_F(setup_refusals, a_service_id_is_letters_digits_underscores_and_hyphens_as_in_the_file) {
    for (std::string id : std::vector<std::string>{"id card", "say\"hi", "<script>", "a/b", "x.y", "", std::string(65, 'a')}) {
        auto const shown = id.size() > 64 ? "A service id of 65 bytes" : "Service id '" + id + "'";
        EXPECT_EQ("invalid_argument: " + shown + " is not 1 to 64 letters, digits, '_' or '-' (such as id_card).",
                  said(service(id, "V")));
    }
    EXPECT_EQ("ok", said(service("Visa-2_b", "V")));
    EXPECT_EQ("ok", said(service(std::string(64, 'z'), "W")));
}

TEST_F(setup_refusals, the_service_past_the_cap_is_told_the_cap) {
    std::size_t i = 0;
    for (; c.config().services.size() < max_services; ++i) ASSERT_EQ("ok", said(service("s" + std::to_string(i), prefix_number(i))));
    ASSERT_EQ("ok", said(retire_service{"s0", "root"}));  // a retired one keeps its place
    EXPECT_EQ("setup_limit_reached: A centre has at most " + std::to_string(max_services) +
                  " services, retired ones included: this one would be one too many.",
              said(service("one-more", prefix_number(i))));
}

TEST_F(setup_refusals, the_counter_past_the_cap_is_told_the_cap_and_a_number_taken_says_so) {
    EXPECT_EQ("duplicate_name: Counter 1 exists already.", said(add_counter{{.number = 1, .services = {0}}, "root"}));
    for (counter_number n = 100; c.config().counters.size() < max_counters; ++n)
        ASSERT_EQ("ok", said(add_counter{{.number = n, .services = {0}}, "root"}));
    EXPECT_EQ("setup_limit_reached: A centre has at most " + std::to_string(max_counters) +
                  " counters, retired ones included: this one would be one too many.",
              said(add_counter{{.number = 9999, .services = {0}}, "root"}));
}

}  // namespace
}  // namespace novbe::core::testing
