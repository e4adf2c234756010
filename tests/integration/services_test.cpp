// Services and counters at runtime over the wire (docs/SETUP.md#services-and-counters-at-runtime):
// an admin adds a service and a kiosk following the hall sees it at once and issues a ticket for
// it; retiring it is refused while that ticket waits; all of it survives a SIGKILL.
#include "messages.hpp"
#include "admin_server.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include "app/config_file.hpp"

#include <gtest/gtest.h>

namespace novbe::testing {
namespace {


v1::ClientMessage add_visa() {
    v1::ClientMessage m;
    auto& s = *m.mutable_add_service()->mutable_service();
    s.set_id("visa");
    s.set_prefix("V");
    for (auto const* language : {"az", "en", "ru", "rw", "fr"}) (*s.mutable_names())[language] = std::string("Visa ") + language;
    s.set_target_wait_s(600);
    s.set_max_wait_s(1800);
    return m;
}

v1::ClientMessage retire_visa() {
    v1::ClientMessage m;
    m.mutable_retire_service()->set_id("visa");
    return m;
}

// The next ServiceChanged a subscriber hears (the day's events may come first); nullopt if none
// comes within a few messages or the connection closes.
std::optional<v1::ServiceChanged> next_service_change(ws_client& c) {
    for (int i = 0; i < 8; ++i) {
        auto m = c.receive();
        if (!m) return std::nullopt;
        if (!m->has_events()) continue;
        for (auto const& e : m->events().events())
            if (e.has_service_changed()) return e.service_changed();
    }
    return std::nullopt;
}

bool offers(v1::CentreInfo const& centre, std::string const& id) {
    for (auto const& s : centre.services())
        if (s.id() == id) return !s.retired();
    return false;
}

class services_test : public admin_server_test {};

TEST_F(services_test, an_added_service_reaches_a_kiosk_live_takes_tickets_and_survives_a_crash) {
    process.start();
    auto kiosk = following_kiosk();

    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    auto added = root.request(add_visa());
    ASSERT_TRUE(added.has_reply()) << added.DebugString();
    EXPECT_TRUE(offers(added.reply().centre(), "visa"));
    auto heard = next_service_change(kiosk);
    ASSERT_TRUE(heard) << "the kiosk hears of the new service without reconnecting";
    EXPECT_EQ("Visa en", heard->service().names().at("en"));
    EXPECT_EQ(0, heard->service().target_wait_s()) << "a kiosk's board view carries names, not targets";

    auto issued = kiosk.request(issue("visa"));
    ASSERT_TRUE(issued.has_reply()) << issued.DebugString();
    EXPECT_EQ("V001", issued.reply().issued_ticket().number());
    EXPECT_EQ("ERROR_CODE_SERVICE_HAS_WAITING", error_name(root.request(retire_visa())));
    v1::ClientMessage manager_retires = retire_visa();
    auto manager = signed_in(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
    EXPECT_EQ("ERROR_CODE_PERMISSION_DENIED", error_name(manager.request(manager_retires))) << "the set-up is the admin's";

    process.kill();
    process.start();
    ws_client again(process.port());
    auto welcome = again.hello(v1::ROLE_KIOSK, server_process::kiosk_token);
    ASSERT_TRUE(welcome.has_reply()) << welcome.DebugString();
    EXPECT_TRUE(offers(welcome.reply().welcome().centre(), "visa")) << "the log kept the service through SIGKILL";
    for (auto const& s : welcome.reply().welcome().centre().services())  // a kiosk's Welcome is the public centre
        EXPECT_EQ(0, s.target_wait_s()) << s.id() << ": a kiosk is not told the targets";
    EXPECT_EQ(0u, welcome.reply().welcome().centre().max_recalls());
    auto next = again.request(issue("visa"));
    ASSERT_TRUE(next.has_reply()) << next.DebugString();
    EXPECT_EQ("V002", next.reply().issued_ticket().number());
    auto root_again = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    EXPECT_EQ("ERROR_CODE_SERVICE_HAS_WAITING", error_name(root_again.request(retire_visa())));
}

TEST_F(services_test, a_retired_service_leaves_the_kiosks_and_its_counters_and_stays_retired_after_a_crash) {
    process.start();
    auto root = signed_in(v1::ROLE_ADMIN, admin, admin_secret);
    ASSERT_TRUE(root.request(add_visa()).has_reply());
    v1::ClientMessage counter;
    auto& k = *counter.mutable_add_counter()->mutable_counter();
    k.set_number(40);
    k.set_name("Visa desk");
    k.add_service_ids("visa");
    k.add_service_ids("passport");
    auto added = root.request(counter);
    ASSERT_TRUE(added.has_reply()) << added.DebugString();
    auto retired = root.request(retire_visa());
    ASSERT_TRUE(retired.has_reply()) << retired.DebugString();
    EXPECT_FALSE(offers(retired.reply().centre(), "visa"));
    for (auto const& c : retired.reply().centre().counters()) {
        if (c.number() == 40) {
            EXPECT_EQ(1, c.service_ids_size()) << "counter 40 serves passport only now";
        }
    }

    auto kiosk = signed_in(v1::ROLE_KIOSK, server_process::kiosk_token);
    EXPECT_EQ("ERROR_CODE_SERVICE_RETIRED", error_name(kiosk.request(issue("visa"))));
    process.kill();
    process.start();
    auto after = signed_in(v1::ROLE_KIOSK, server_process::kiosk_token);
    EXPECT_EQ("ERROR_CODE_SERVICE_RETIRED", error_name(after.request(issue("visa"))));
    v1::ClientMessage get;
    get.mutable_get_centre();
    auto centre = after.request(get);
    bool found = false;
    for (auto const& c : centre.reply().centre().counters())
        if (c.number() == 40) found = c.service_ids_size() == 1;
    EXPECT_TRUE(found) << "counter 40 and its services came back from the log";
}

}  // namespace
}  // namespace novbe::testing
