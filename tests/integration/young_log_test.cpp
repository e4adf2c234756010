// The log holds the set-up from the first start (docs/SETUP.md#one-source-of-truth): a file that
// drops a service after it (one the log's tickets name) changes nothing at the next start, after a
// clean stop or a SIGKILL alike; the service is there and one line says the log wins, and the
// file's booking keys follow their services' ids.
#include "messages.hpp"
#include "admin_server.hpp"
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace novbe::testing {
namespace {

// The demo file without its property service and counter 6, the one counter that serves it.
void drop_property(std::string const& path) {
    std::stringstream read;
    read << std::ifstream(path).rdbuf();
    auto text = read.str();
    auto cut = [&](std::string const& head, std::string const& inside) {
        auto at = text.find(inside);
        ASSERT_NE(std::string::npos, at) << inside;
        auto from = text.rfind(head, at);
        auto to = text.find("\n[", at);
        text.erase(from, to - from + 1);
    };
    cut("[[services]]", "id = \"property\"");
    cut("[[counters]]", "number = 6\n");
    ASSERT_EQ(std::string::npos, text.find("property\"")) << text;
    std::ofstream(path, std::ios::trunc) << text;
}

bool offers(v1::CentreInfo const& centre, std::string const& id) {
    for (auto const& s : centre.services())
        if (s.id() == id) return !s.retired();
    return false;
}

bool bookable(v1::CentreInfo const& centre, std::string const& id) {
    for (auto const& s : centre.services())
        if (s.id() == id) return s.bookable();
    ADD_FAILURE() << "no service " << id;
    return false;
}

class young_log_test : public admin_server_test {
protected:
    // First start: the set-up goes to the log; a property ticket waits.
    void first_start_with_a_property_ticket() {
        process.start();
        EXPECT_NE(std::string::npos, process.log().find("config (start): the log held no services or counters yet: the file's "
                                                        "(15 set-up events, by config) written to it"))
            << process.log();
        ws_client kiosk(process.port());
        ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply());
        auto issued = kiosk.request(issue("property"));
        ASSERT_TRUE(issued.has_reply()) << issued.DebugString();
        EXPECT_EQ("E001", issued.reply().issued_ticket().number());
    }
    // The next start, with the file that drops it: the log's property and its ticket are there.
    void start_again_without_property_in_the_file() {
        drop_property(process.folder() + "/centre.toml");
        process.start();
        auto log = process.log();
        auto const seeded = log.find("the log held no services or counters yet");  // the first start's
        ASSERT_NE(std::string::npos, seeded) << log;
        EXPECT_EQ(std::string::npos, log.find("the log held no services or counters yet", seeded + 1)) << "seeded once, not again";
        EXPECT_NE(std::string::npos, log.find("config (start): service property: in the log, not in the file; the log wins")) << log;
        EXPECT_NE(std::string::npos, log.find("config (start): counter 6: in the log, not in the file; the log wins")) << log;
        auto manager = signed_in(v1::ROLE_MANAGER, server_process::manager, server_process::manager_secret);
        v1::ClientMessage get;
        get.mutable_get_centre();
        auto centre = manager.request(get);
        ASSERT_TRUE(centre.has_reply()) << centre.DebugString();
        EXPECT_TRUE(offers(centre.reply().centre(), "property")) << "the log's set-up, not the file's";
        // The file's booking keys go with their service's id, not its place: without property in
        // the file, utilities (bookable = false) stands where property stood and driving_licence
        // where utilities did.
        EXPECT_FALSE(bookable(centre.reply().centre(), "utilities"));
        EXPECT_TRUE(bookable(centre.reply().centre(), "driving_licence"));
        EXPECT_TRUE(bookable(centre.reply().centre(), "passport"));
        EXPECT_FALSE(bookable(centre.reply().centre(), "property")) << "a service the file no longer names takes no bookings";
        ws_client kiosk(process.port());
        ASSERT_TRUE(kiosk.hello(v1::ROLE_KIOSK, server_process::kiosk_token).has_reply());
        auto next = kiosk.request(issue("property"));
        ASSERT_TRUE(next.has_reply()) << next.DebugString();
        EXPECT_EQ("E002", next.reply().issued_ticket().number()) << "after the ticket the log kept";
    }
};

TEST_F(young_log_test, after_a_clean_stop_a_file_without_a_service_leaves_the_logs_service_in_use) {
    first_start_with_a_property_ticket();
    EXPECT_EQ(0, process.stop());
    start_again_without_property_in_the_file();
}

TEST_F(young_log_test, after_a_sigkill_right_after_the_first_start_the_next_start_has_the_set_up) {
    first_start_with_a_property_ticket();
    process.kill();  // before any snapshot but the first start's own
    start_again_without_property_in_the_file();
}

}  // namespace
}  // namespace novbe::testing
