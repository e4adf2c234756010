// The Hello: who a connection is. Devices by their token, people by name and secret (checked
// off the event loop), ticket holders by their ticket's token; failures go to the limiter,
// which slows the guesser and nobody else.
#include "net/auth.hpp"
#include "net/dispatcher.hpp"
#include "net/publication.hpp"
#include "net/sentence.hpp"
#include "net/setup_handlers.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

// Switches over protobuf enums default on purpose (see dispatcher.cpp).
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

namespace {

using M = v1::ClientMessage;

// Checked against when the user is unknown, so that an unknown name costs as long as a wrong
// secret and the time of a refusal tells nothing about which names exist.
std::string const& stand_in_hash() {
    static std::string const hash = hash_secret(to_hex(random_token()));
    return hash;
}

}  // namespace

void dispatcher::greet(M const& m, std::string const& address, sender send,
                       std::function<void(std::optional<identity>)> done) {
    auto const id = m.request_id();
    done = [inner = std::move(done), address](std::optional<identity> who) {
        if (who) who->address = address;
        inner(std::move(who));
    };
    // One sentence for every credential not known, whichever part was wrong (docs/PROTOCOL.md#requests-and-replies).
    std::string const not_signed_in(sentence(v1::ERROR_CODE_UNAUTHENTICATED));
    auto refuse = [&](v1::ErrorCode code, std::string why) {
        send(error_reply(id, code, std::move(why)));
        done(std::nullopt);
    };
    // Unknown credentials are refused later and later from the same address.
    auto refuse_unknown = [&](std::string why) {
        auto delay = limiter_.unknown_credentials(address, sign_in_limiter::clock::now());
        if (delay.count() == 0) return refuse(v1::ERROR_CODE_UNAUTHENTICATED, std::move(why));
        auto timer = std::make_shared<boost::asio::steady_timer>(core_, delay);
        timer->async_wait([timer, id, why = std::move(why), send, done](boost::system::error_code) {
            send(error_reply(id, v1::ERROR_CODE_UNAUTHENTICATED, why));
            done(std::nullopt);
        });
    };
    if (m.command_case() != M::kHello) return refuse(v1::ERROR_CODE_HELLO_REQUIRED, std::string(sentence(v1::ERROR_CODE_HELLO_REQUIRED)));
    auto const& hello = m.hello();
    if (hello.protocol_version() != 1)
        return refuse(v1::ERROR_CODE_UNSUPPORTED_VERSION, "This server speaks protocol version 1.");
    auto wanted = role_of(hello.role());
    if (!wanted) return refuse(v1::ERROR_CODE_UNAUTHENTICATED, "Hello names no known role.");
    switch (*wanted) {
    case role::kiosk:
    case role::board:
    case role::rating_device: {
        if (*wanted == role::board && hello.device_token().empty() && settings_.public_boards)
            return welcome(id, {.kind = role::board, .user = "public board"}, send, done);
        // The log's devices (docs/SETUP.md): a revoked one's token is as unknown as a guessed one.
        auto const& roster = centre_.state().roster();
        auto index = find_device(roster, hello.device_token());
        if (!index || role_of(roster.devices[*index].kind) != *wanted) return refuse_unknown(not_signed_in);
        auto const& d = roster.devices[*index];
        return welcome(id, {.kind = *wanted, .user = d.name, .counter = d.stands_at, .device = index}, send, done);
    }
    case role::ticket_holder: {
        auto token = from_hex(hello.ticket_token());
        if (token && !centre_.state().find_ticket(*token)) {
            // A ticket of an earlier day is no guess: say so, and charge nobody for it.
            auto const& rules = settings_.centre.rules;
            auto today = core::day_of(centre_.now(), rules.utc_offset, rules.day_start);
            if (auto day = stamped_day(settings_.token_key, *token, today, 31))
                return refuse(v1::ERROR_CODE_TICKET_EXPIRED,
                              "This ticket was for " + date_of(*day) + "; a ticket is valid on its own day only.");
        }
        if (!token || !centre_.state().find_ticket(*token)) return refuse_unknown(not_signed_in);
        return welcome(id, {.kind = role::ticket_holder, .ticket = *token}, send, done);
    }
    case role::clerk:
    case role::manager:
    case role::admin: {
        // A name nobody has goes the same way as a real one: charged, locked, held and checked
        // alike (docs/RELIABILITY.md#sign-in), so nothing tells which names exist.
        auto const verdict = limiter_.attempt(hello.user(), address, sign_in_limiter::clock::now());
        if (verdict.locked) return refuse(v1::ERROR_CODE_RATE_LIMITED, std::string(sentence(v1::ERROR_CODE_RATE_LIMITED)));
        auto check = [this, id, wanted = *wanted, user = hello.user(), secret = hello.secret(), address, send, done]() mutable {
            // The secret as the log has it when the check starts; an unknown name's stand-in.
            auto const* u = centre_.state().roster().find_user(user);
            auto hash = u ? u->secret_hash : std::string();
            check_secret(id, wanted, std::move(user), std::move(secret), std::move(hash), u != nullptr, address, send, done);
        };
        if (verdict.hold.count() == 0) return check();
        auto timer = std::make_shared<boost::asio::steady_timer>(core_, verdict.hold);
        timer->async_wait([timer, check = std::move(check)](boost::system::error_code) mutable { check(); });
        return;
    }
    }
}

void dispatcher::check_secret(std::uint64_t id, role wanted, std::string user, std::string secret, std::string hash,
                              bool known, std::string const& address, sender const& send,
                              std::function<void(std::optional<identity>)> const& done) {
    // The check takes ~0.1 s on purpose: off the event loop, then back to it.
    boost::asio::post(sign_in_, [this, id, wanted, hash = std::move(hash), known, user = std::move(user),
                                 secret = std::move(secret), address, send, done] {
        bool right = verify_secret(known ? hash : stand_in_hash(), secret) && known;
        boost::asio::post(core_, [this, id, checked = right, hash, wanted, user, address, send, done] {
            // The user as they are now: disabled, or given a new secret, while the check ran.
            auto const* now_is = centre_.state().roster().find_user(user);
            auto const kind = now_is ? role_of(now_is->role) : role::clerk;
            bool const good = checked && now_is && now_is->secret_hash == hash;
            if (good) limiter_.succeeded(user, address);  // no guess: its charge is forgiven
            if (checked && now_is && now_is->disabled) {  // the secret was right: say what is true
                send(error_reply(id, v1::ERROR_CODE_UNAUTHENTICATED,
                                 user + " may not sign in: an admin disabled this user."));
                return done(std::nullopt);
            }
            if (!good) {  // the attempt was charged when it began
                send(generic_refusal(id, v1::ERROR_CODE_UNAUTHENTICATED));
                return done(std::nullopt);
            }
            if (kind != wanted && kind != role::admin) {  // the secret was right: say what is true
                send(error_reply(id, v1::ERROR_CODE_PERMISSION_DENIED,
                                 user + " signs in as " + std::string(name(kind)) + ", not as " + std::string(name(wanted)) + "."));
                return done(std::nullopt);
            }
            welcome(id, {.kind = wanted, .user = user}, send, done);
        });
    });
}

void dispatcher::welcome(std::uint64_t request_id, identity const& who, sender const& send,
                         std::function<void(std::optional<identity>)> const& done) {
    auto m = answer_to(request_id);
    auto& w = *m.mutable_reply()->mutable_welcome();
    w.set_protocol_version(1);
    w.set_role(wire_role(who.kind));
    w.set_user(who.user);
    w.set_server_time_ms(unix_ms(centre_.now()));
    auto info = centre_info(settings_, centre_.state());  // public screens get what they show
    *w.mutable_centre() = sees_public_centre(who.kind) ? public_centre(info) : std::move(info);
    w.set_counter(who.counter);
    send(m);
    done(who);
}

}  // namespace novbe::net
