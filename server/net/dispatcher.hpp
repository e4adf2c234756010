#pragma once
// What each decoded message does: the Hello's sign-in, the checks of the command table
// (proto/command_table.hpp: roles, own-only), the handler's engine call or read, idempotency
// keys, and the reply once durable. Knows nothing of sockets or Beast.
#include "net/centre_service.hpp"
#include "net/command_handlers.hpp"
#include "net/identity.hpp"
#include "net/protocol.hpp"
#include "net/read_sources.hpp"
#include "net/settings.hpp"
#include "net/setup_sessions.hpp"
#include "net/sign_in_limiter.hpp"
#include "store/audit_reader.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace novbe::net {

class dispatcher {
public:
    using sender = std::function<void(v1::ServerMessage const&)>;

    // A session as the dispatcher sees it: where replies go, and where ready-made frames go.
    struct connection {
        void const* id = nullptr;
        sender send;
        std::function<void(std::shared_ptr<std::string const>)> send_frame;
        // A large answer the connection asked for (a range's history): it goes out whole, beside the
        // bound on what the connection has not read, one at a time (empty: send_frame).
        std::function<void(std::shared_ptr<std::string const>)> send_answer;
    };

    // `sign_in` runs password checks (deliberately slow) away from the event loop.
    dispatcher(centre_service& centre, settings const& s, boost::asio::any_io_executor core,
               boost::asio::any_io_executor sign_in);

    // A Hello from `address`: replies Welcome or Error, then `done` gets the identity or nothing.
    void greet(v1::ClientMessage const& m, std::string const& address, sender send,
               std::function<void(std::optional<identity>)> done);
    // Any command of a greeted connection; the reply goes to `send` once durable.
    void handle(identity const& who, v1::ClientMessage const& m, connection const& to);
    // The connection is gone: its subscriptions end.
    void disconnected(void const* connection_id);

    // Answers kept under idempotency keys before a restart (the store's `requests`).
    void remember(std::vector<store::remembered_reply> const& replies);

    // A set-up command from the server itself (the file, at start or on SIGHUP: docs/SETUP.md),
    // applied as an admin's is: the connections it ends are closed once it is durable.
    core::outcome apply_setup(core::command const& cmd);
    // Closes the connections a set-up change ends (set by shared_state; none in unit tests).
    std::function<void(session_end const&)> end_sessions;
    // What GetHistory and GetForwarding read (set by the server; empty in unit tests).
    read_sources sources;

    // The audit trail's reader (server.cpp sets it): runs a query on its own thread and SQLite
    // connection and calls `done` there with the page, or the store's words when it failed.
    // Unset (unit tests): GetAudit is checked, then refused UNAVAILABLE.
    using audit_result = std::variant<store::audit_page, std::string>;
    std::function<void(store::audit_filter, std::function<void(audit_result)> done)> audit_reads;
    // GetHistory's thread (server.cpp sets it): runs `work` there, the only place that calls
    // `sources.history` then. Unset (unit tests): GetHistory is read in place on the core.
    std::function<void(std::function<void()> work)> history_thread;

private:
    // A person's secret, checked on the sign-in thread against `hash` (a stand-in's when the
    // name is not `known`), then answered on the core's.
    void check_secret(std::uint64_t id, role wanted, std::string user, std::string secret, std::string hash, bool known,
                      std::string const& address, sender const& send, std::function<void(std::optional<identity>)> const& done);
    void welcome(std::uint64_t request_id, identity const& who, sender const& send,
                 std::function<void(std::optional<identity>)> const& done);
    // Why the table refuses this sender this command, if it does.
    std::optional<std::string> refused(commands::row const& row, identity const& who, v1::ClientMessage const& m) const;
    void mutate(command_handler const& h, identity const& who, v1::ClientMessage const& m, connection const& to);
    void run(action a, identity const& who, std::uint64_t request_id, sender send, std::string key, void const* connection_id);
    static bool is_setup(core::command const& cmd);
    bool answered_before(std::string const& key, std::uint64_t request_id, sender const& send);
    void read(command_handler const& h, identity const& who, v1::ClientMessage const& m, sender send);
    void subscribe(identity const& who, v1::ClientMessage const& m, connection const& to);
    void read_audit(command_handler const& h, identity const& who, v1::ClientMessage const& m, sender send);
    void read_history(v1::ClientMessage const& m, connection const& to);

    centre_service& centre_;
    settings const& settings_;
    boost::asio::any_io_executor core_;
    boost::asio::any_io_executor sign_in_;

    // The first answer to each (who, idempotency key): a retry gets it again and changes nothing;
    // one that comes while the first is not yet durable waits for it.
    struct kept_reply {
        v1::ServerMessage reply;
        core::day_number day = 0;
        bool durable = false;
        std::vector<std::pair<std::uint64_t, sender>> waiting;
    };
    std::unordered_map<std::string, kept_reply> kept_;
    core::day_number kept_day_ = core::no_day;
    sign_in_limiter limiter_;
    std::size_t audits_waiting_ = 0;  // GetAudit queries handed to the reader, not yet answered
    std::unordered_set<void const*> histories_running_;  // connections whose GetHistory is not yet answered
};

}  // namespace novbe::net
