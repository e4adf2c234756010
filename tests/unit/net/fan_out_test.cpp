// The centre's fan-out shares the event loop: after the answers it sends a slice of subscribers
// per turn, so a request that arrives meanwhile (a kiosk's issue) is served between slices
// instead of after the last of thousands of boards.
#include "hub_fixtures.hpp"
#include "memory_log.hpp"
#include "net/centre_service.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <deque>

namespace novbe::net {
namespace {

core::centre_config passport_centre() {
    core::centre_config c;
    c.services.push_back({.id = "passport", .prefix = "A"});
    c.counters.push_back({.number = 1, .name = "1", .services = {0}});
    return c;
}

TEST(fan_out, a_request_that_arrives_during_the_fan_out_is_served_before_its_end) {
    boost::asio::io_context io;
    testing::memory_log log;
    hub subscribers;
    centre_service centre(io.get_executor(), log, core::centre(passport_centre()), 0,
                          [] { return core::time_point{std::chrono::hours(24 * 20'000 + 10)}; }, subscribers);
    std::string order;  // "b" for each board sent to, "K" when the kiosk's request runs
    std::deque<std::shared_ptr<hub::subscriber>> boards;
    int const hall = 1000;
    for (int i = 0; i < hall; ++i) {
        auto& s = boards.emplace_back(std::make_shared<hub::subscriber>());
        s->id = 2;
        s->live = true;
        s->send = [&order](std::shared_ptr<std::string const>) { order += 'b'; };
        subscribers.add(s.get(), s);
    }
    bool answered = false;
    auto outcome = centre.execute(core::issue_ticket{.service = 0, .language = "en", .token = {0, 1}}, [&answered] { answered = true; });
    ASSERT_TRUE(outcome.ok());
    log.make_durable();
    io.run_one();  // the writer's completions: the answer, then the first slice
    EXPECT_TRUE(answered);
    auto const first_slice = order.size();
    EXPECT_GT(first_slice, 0u);
    EXPECT_LT(first_slice, std::size_t(hall));
    boost::asio::post(io, [&order] { order += 'K'; });  // a kiosk's request, read meanwhile
    io.run();
    EXPECT_EQ(std::size_t(hall) + 1, order.size());  // every board, once
    auto const kiosk_at = order.find('K');
    EXPECT_LT(kiosk_at, std::size_t(hall)) << "the kiosk waited for every board";
    EXPECT_LE(kiosk_at, 2 * first_slice) << "the kiosk waited for more than a slice after its arrival";
}

}  // namespace
}  // namespace novbe::net
