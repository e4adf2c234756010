#include "net/booking_gate.hpp"

#include "net/auth.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace novbe::net {

booking_gate::booking_gate(centre_service& centre, std::vector<portal_key> portals, boost::asio::any_io_executor core)
    : centre_(centre), portals_(std::move(portals)), core_(std::move(core)) {}

void booking_gate::handle(api_call call, std::string const& address, std::function<void(api_answer, bool)> done) {
    boost::asio::dispatch(core_, [this, call = std::move(call), address, done = std::move(done)]() mutable {
        auto const& c = centre_.state();
        api_request r{.method = call.method, .target = call.target, .api_key = call.api_key, .body = call.body};
        auto plan = plan_request(r, portals_, c.appointments(), c, centre_.now(), random_token());
        if (plan.answer && plan.answer->status == 401) {
            // No key is no guess; a wrong one is, and slows its address (docs/RELIABILITY.md#sign-in).
            auto delay = call.api_key.empty() ? std::chrono::milliseconds(0)
                                              : limiter_.unknown_credentials(address, sign_in_limiter::clock::now());
            if (delay.count() == 0) return done(std::move(*plan.answer), false);
            auto timer = std::make_shared<boost::asio::steady_timer>(core_, delay);
            return timer->async_wait([timer, answer = std::move(*plan.answer), done = std::move(done)](boost::system::error_code) mutable {
                done(std::move(answer), false);
            });
        }
        if (plan.answer) {  // a read or a refusal: after what was accepted before it is durable
            return centre_.after_durable([answer = std::move(*plan.answer), done = std::move(done)]() mutable {
                done(std::move(answer), true);
            });
        }
        core::booking_outcome decided;
        auto applied = centre_.apply(*plan.command, core::actor{core::actor_role::unknown, "portal " + plan.portal}, decided);
        // The answer as of this command; sent once it is durable (later commands cannot change it).
        auto answer = answer_after(plan, decided, centre_.state().appointments(), centre_.state());
        centre_.commit(applied, [answer = std::move(answer), done = std::move(done)]() mutable { done(std::move(answer), true); });
    });
}

}  // namespace novbe::net
