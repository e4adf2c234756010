#include "net/booking_gate.hpp"

#include "net/auth.hpp"
#include "net/booking_json.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace novbe::net {

booking_gate::booking_gate(centre_service& centre, std::vector<portal_key> portals, public_profile profile,
                           boost::asio::any_io_executor core, public_limits::policy bounds)
    : centre_(centre), portals_(std::move(portals)), profile_(std::move(profile)), core_(std::move(core)),
      bounds_(bounds) {}

void booking_gate::later(std::chrono::milliseconds delay, api_answer answer, bool known, reply done) {
    if (delay.count() == 0) return done(std::move(answer), known);
    auto timer = std::make_shared<boost::asio::steady_timer>(core_, delay);
    timer->async_wait([timer, answer = std::move(answer), known, done = std::move(done)](boost::system::error_code) mutable {
        done(std::move(answer), known);
    });
}

namespace {

api_answer too_many(std::chrono::seconds wait, std::string_view code, std::string_view message) {
    auto a = detail::api_error(429, code, message);
    a.retry_after_s = static_cast<unsigned>(wait.count());
    return a;
}

}  // namespace

// docs/DOMAIN.md#phone-bookings: every request counts against its address; a booking only once
// the core accepted it (a refusal holds no slot) or said the reference already holds one; a code
// nobody holds is a guess.
void booking_gate::handle_public(api_call const& call, std::string const& address, reply done) {
    auto const now = public_limits::clock::now();
    if (auto wait = bounds_.request(address, now))
        return done(too_many(*wait, "rate_limited", "Too many requests from your address; try again in a minute."), false);
    auto const& c = centre_.state();
    api_request r{.method = call.method, .target = call.target, .api_key = {}, .body = call.body};
    auto plan = plan_public(r, profile_, c.appointments(), c, centre_.now(), random_token());
    if (plan.answer && plan.unknown_token)
        return later(limiter_.unknown_credentials(address, sign_in_limiter::clock::now()), std::move(*plan.answer), false,
                     std::move(done));
    if (plan.answer) {
        return centre_.after_durable([answer = std::move(*plan.answer), done = std::move(done)]() mutable {
            done(std::move(answer), false);
        });
    }
    if (plan.kind == public_kind::booking) {
        if (auto wait = bounds_.may_book(address, now))
            return done(too_many(*wait, "too_many_bookings",
                                 "Your address has made as many bookings as it may for now; try again later, or take a ticket at the centre."),
                        false);
    }
    core::booking_outcome decided;
    auto applied = centre_.apply(*plan.command, core::actor{core::actor_role::unknown, std::string(phone_author)}, decided);
    // already_booked tells whoever asks that the reference holds a booking of the service (a
    // reference proves nobody's identity here): it costs the address a booking, as a booking
    // made would, so probing is no cheaper than booking (docs/DOMAIN.md#phone-bookings).
    bool charged = decided.ok() || decided.error == core::booking_errc::already_booked;
    if (charged && plan.kind == public_kind::booking) bounds_.booked(address, now);
    auto answer = public_answer_after(plan, decided, centre_.state().appointments(), centre_.state());
    centre_.commit(applied, [answer = std::move(answer), done = std::move(done)]() mutable { done(std::move(answer), false); });
}

void booking_gate::handle(api_call call, std::string const& address, std::function<void(api_answer, bool)> done) {
    boost::asio::dispatch(core_, [this, call = std::move(call), address, done = std::move(done)]() mutable {
        if (std::string_view(call.target).starts_with(public_prefix)) return handle_public(call, address, std::move(done));
        auto const& c = centre_.state();
        api_request r{.method = call.method, .target = call.target, .api_key = call.api_key, .body = call.body};
        auto plan = plan_request(r, portals_, c.appointments(), c, centre_.now(), random_token());
        if (plan.answer && plan.answer->status == 401) {
            // No key is no guess; a wrong one is, and slows its address (docs/RELIABILITY.md#sign-in).
            auto delay = call.api_key.empty() ? std::chrono::milliseconds(0)
                                              : limiter_.unknown_credentials(address, sign_in_limiter::clock::now());
            return later(delay, std::move(*plan.answer), false, std::move(done));
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
