// The native clients' words for refusals: whose counter it is comes from the server's sentence.
#include "client/refusal.hpp"

#include <gtest/gtest.h>

namespace novbe::client {
namespace {

v1::Error error(v1::ErrorCode code, std::string const& message) {
    v1::Error e;
    e.set_code(code);
    e.set_message(message);
    return e;
}

TEST(refusal, another_clerks_counter_is_named) {
    EXPECT_EQ("Counter 1 is anna's until it is closed; a manager can take it over.",
              describe(error(v1::ERROR_CODE_COUNTER_NOT_YOURS,
                             "Counter 1 is anna's until it is closed; a manager can take it over.")));
    EXPECT_EQ("This counter belongs to another clerk: a manager can take it over.",
              describe(error(v1::ERROR_CODE_COUNTER_NOT_YOURS, "")));
}

TEST(refusal, a_closed_centre_is_said_in_words) {
    EXPECT_EQ("The centre is closed: no tickets are issued now.", describe(error(v1::ERROR_CODE_CENTRE_CLOSED, "x")));
}

}  // namespace
}  // namespace novbe::client
