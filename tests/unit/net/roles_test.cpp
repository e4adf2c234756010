// The wire's roles and the server's map one to one, both ways.
#include "net/protocol.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

TEST(roles, every_wire_role_but_unspecified_is_a_server_role_and_maps_back) {
    auto const* roles = v1::Role_descriptor();
    for (int i = 0; i < roles->value_count(); ++i) {
        auto wire = static_cast<v1::Role>(roles->value(i)->number());
        auto server = role_of(wire);
        if (wire == v1::ROLE_UNSPECIFIED) {
            EXPECT_EQ(std::nullopt, server);
            continue;
        }
        ASSERT_TRUE(server.has_value()) << roles->value(i)->name();
        EXPECT_EQ(wire, wire_role(*server));
        EXPECT_EQ(roles->value(i)->name(), "ROLE_" + [&] {
            std::string upper(name(*server));
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return upper;
        }());
    }
}

}  // namespace
}  // namespace novbe::net
