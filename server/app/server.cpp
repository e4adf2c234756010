#include "server.hpp"

#include "app/config_file.hpp"
#include "app/calendar_seed.hpp"
#include "app/config_check.hpp"
#include "app/data_dir_lock.hpp"
#include "app/file_reload.hpp"
#ifdef NOVBE_CENTRAL
#include "forward/forwarder.hpp"
#endif
#include "net/centre_service.hpp"
#include "net/auth.hpp"
#include "net/booking_gate.hpp"
#include "net/dispatcher.hpp"
#include "net/hub.hpp"
#include "net/listener.hpp"
#include "net/log.hpp"
#include "net/publication.hpp"
#include "net/service_handlers.hpp"
#include "store/audit_reader.hpp"
#include "store/event_log.hpp"
#include "store/history_reader.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <sys/resource.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace novbe::proto {
extern char const novbe_proto_text[];
}

namespace novbe::app {

namespace {

boost::asio::ip::tcp::endpoint parse_endpoint(std::string const& text) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos) throw config_error("--listen takes HOST:PORT, not '" + text + "'");
    auto host = text.substr(0, colon);
    if (host.size() > 1 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    auto port = std::stoi(text.substr(colon + 1));
    if (port < 0 || port > 65535) throw config_error("--listen: port out of range");
    return {boost::asio::ip::make_address(host), static_cast<unsigned short>(port)};
}

// Each connection is a descriptor, and the usual soft limit (1,024) is far below what a centre
// of kiosks, boards and phones can open; the hard limit is the administrator's to set.
void raise_open_files() {
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0) return;
    if (files.rlim_cur < files.rlim_max) {
        auto wanted = files;
        wanted.rlim_cur = files.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &wanted) != 0 && files.rlim_max == RLIM_INFINITY) {
            wanted.rlim_cur = 1 << 20;  // the kernel's usual nr_open
            setrlimit(RLIMIT_NOFILE, &wanted);
        }
        getrlimit(RLIMIT_NOFILE, &files);
    }
    net::log_info("open files: up to " + (files.rlim_cur == RLIM_INFINITY ? std::string("unlimited") : std::to_string(files.rlim_cur)) +
                  " (RLIMIT_NOFILE; one per connection)");
}

// The secret that stamps ticket tokens with their day, made at the first start and kept beside
// the database (0600). Lost, it costs only the "expired" answer for the tokens it stamped.
std::string token_key(std::string const& data_dir) {
    auto path = std::filesystem::path(data_dir) / "ticket-token.key";
    std::string key;
    if (std::ifstream in{path, std::ios::binary}) key.assign(std::istreambuf_iterator<char>(in), {});
    if (key.size() == 32) return key;
    if (!key.empty()) throw config_error(path.string() + ": not a ticket token key (move it aside: a new one is made)");
    key = net::random_key();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << key;
        if (!out) throw config_error(path.string() + ": cannot write the ticket token key");
    }
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    return key;
}

core::time_point wall_clock() {
    return std::chrono::time_point_cast<core::duration>(std::chrono::system_clock::now());
}

// Every 15 s (at once if started after closing time): lets the engine notice a new day and close the day at closing
// time. Whether today is closed already is the engine's (replayed) state, so a restart after
// closing does not close it again.
class day_keeper {
public:
    // `retention_days` ([store]): ended bookings of slots older than that are forgotten by the
    // engine (docs/DOMAIN.md#appointments), so snapshots keep no reference or phone of them either.
    day_keeper(boost::asio::io_context& io, net::centre_service& centre, int retention_days)
        : timer_(io), centre_(centre), retention_days_(retention_days) {}

    void start(std::chrono::seconds after = std::chrono::seconds(15)) {
        timer_.expires_after(after);
        timer_.async_wait([this](boost::system::error_code ec) {
            if (ec) return;
            // First, so that a new day's snapshot (taken when its first event is durable) no
            // longer holds the bookings that day puts past retention.
            if (retention_days_ > 0) {
                core::booking_outcome decided;
                auto forgot = centre_.apply(core::booking_command{core::forget_ended{retention_days_}}, core::server_actor(), decided);
                if (!forgot.outcome.events().empty()) centre_.commit(forgot, [] {});
            }
            auto result = centre_.execute(core::tick{}, [] {});
            for (auto const& ev : result.events())
                if (std::holds_alternative<core::day_closed>(ev)) net::log_info("closing time: waiting tickets closed unserved");
            start();
        });
    }
    void stop() { timer_.cancel(); }

private:
    boost::asio::steady_timer timer_;
    net::centre_service& centre_;
    int retention_days_;
};

// [central]: the durable log goes to the central database from a thread of its own, reading
// centre.db (docs/CENTRAL.md#guarantees); nothing here waits for it.
#ifdef NOVBE_CENTRAL
// `set_up`: the engine's services and counters (the log's, once the file is applied), for the
// central reference tables; the file's may be older than what the log holds.
std::unique_ptr<forward::forwarder> start_forwarding(net::settings const& settings, core::centre_config const& set_up,
                                                     std::string const& data_dir, std::string const& db) {
    if (!settings.central) return nullptr;
    auto f = std::make_unique<forward::forwarder>(forward::options{
        .connection = settings.central->connection, .centre_id = settings.central->centre_id,
        .batch_events = settings.central->batch_events, .log_path = db,
        .identity = forward::central_identity(data_dir), .reference = set_up,
        .log = [](bool problem, std::string const& line) { problem ? net::log_error(line) : net::log_info(line); }});
    f->start();
    return f;
}
#else
struct no_forwarder {
    struct lag_figures {
        std::uint64_t events = 0;
        double seconds = 0;
        std::int64_t failing_since_ms = 0;
        std::string problem;
        bool stopped = false;
    };
    lag_figures lag() const { return {}; }
    void stop() {}
};
std::unique_ptr<no_forwarder> start_forwarding(net::settings const& settings, core::centre_config const&, std::string const&,
                                               std::string const&) {
    if (settings.central) net::log_error("central: [central] is set but this build has no forwarder (NOVBE_CENTRAL=OFF)");
    return nullptr;
}
#endif

// What the centre takes bookings for, in a line, so that a [booking] table left out is seen:
// of the services the log offers now (a retired one takes no bookings, whatever the file says).
void log_booking(net::settings const& s, core::centre const& c) {
    std::size_t live = 0, bookable = 0;
    auto const& rules = c.appointments().config().services;
    for (std::size_t i = 0; i < c.config().services.size(); ++i) {
        if (c.config().services[i].retired) continue;
        ++live;
        bookable += i < rules.size() && rules[i].bookable ? 1 : 0;
    }
    net::log_info("booking: " + std::to_string(bookable) + " of " + std::to_string(live) + " services bookable" +
                  (s.booking ? "" : " (no [booking] table)") + "; " + std::to_string(s.portals.size()) +
                  " portals may use /api/v1/");
}

// A start may change the centre's languages; the services keep the names they had, so each one
// that no longer fits is said, with the command that fixes it (kiosks show the first name meanwhile).
void tell_languages(store::event_log::opened const& opened, std::vector<std::string> const& languages) {
    if (!opened.languages_before.empty())
        net::log_info("config (start): the centre's languages were " + net::listed(opened.languages_before) + "; now " +
                      net::listed(languages));
    for (auto const& s : opened.centre.config().services) {
        auto problem = s.retired ? std::string() : net::languages_problem(s.names, languages);
        if (!problem.empty())
            net::log_info("config (start): service " + s.id + " has " + problem + " (the centre's languages are " +
                          net::listed(languages) + "): name it in each (service change --id " + s.id + " --names 'LANG=NAME;...')");
    }
}

}  // namespace

int run_server(server_options const& options) {
    // The first reflection in a process builds protobuf's shared descriptor pool; built here,
    // before any thread of ours exists, so two threads never build it at once (the event loop,
    // the forwarder and the audit reader all reflect; ThreadSanitizer saw the first two meet).
    (void)v1::ClientMessage::descriptor();
    // SIGHUP never stops the server (its default action would, without a word): registered
    // first, so that one during recovery waits for the loop rather than killing the process.
    boost::asio::io_context io(1);
    boost::asio::signal_set hangups(io, SIGHUP);
    auto settings = load_config(options.config_path);
    raise_open_files();
    std::filesystem::create_directories(options.data_dir);
    data_dir_lock one_writer(options.data_dir);  // before centre.db is opened; held until the process ends
    settings.token_key = token_key(options.data_dir);
    auto db = (std::filesystem::path(options.data_dir) / "centre.db").string();
    // The hub's resume window is refilled from the log, each event told as it was when it was
    // new (the lines from the centre just after it, at its own time): a board that reconnects
    // after a restart gets what it missed instead of SEQUENCE_TOO_OLD and a new snapshot.
    net::hub subscribers;
    std::vector<core::event> one(1);
    auto opened = store::event_log::open(
        {.path = db, .retention_days = settings.retention_days, .resume_window = subscribers.keep(),
         .recent = [&](std::uint64_t seq, core::event const& ev, core::centre const& c, core::actor const& by) {
             one[0] = ev;
             subscribers.record(net::publish(c, one, seq, std::visit([](auto const& e) { return e.at; }, ev), by));
         },
         .booking = settings.booking,
         .seed_set_up = wall_clock(),
         .owner = store::folder_owner{.id = settings.profile.id, .languages = settings.profile.languages}},
        settings.centre);
    tell_languages(opened, settings.profile.languages);
    if (opened.seeded > 0)
        net::log_info("config (start): the log held no services or counters yet: the file's (" + std::to_string(opened.seeded) +
                      " set-up events, by config) written to it; from now on the log's set-up wins over the file's");
    net::log_info("recovered " + db + " up to event " + std::to_string(opened.last_sequence) + " (" +
                  std::to_string(opened.replayed) + " replayed after the snapshot used; the resume window holds " +
                  std::to_string(subscribers.recorded()) + " events)");

    boost::asio::thread_pool sign_in(1);
    net::centre_service centre(io.get_executor(), *opened.log, std::move(opened.centre), opened.last_sequence, wall_clock,
                               subscribers);
    net::dispatcher dispatch(centre, settings, io.get_executor(), sign_in.get_executor());
    dispatch.remember(opened.replies);
    // The audit trail is read on its own thread and read-only connection (docs/DOMAIN.md#audit):
    // a manager's query never waits on the core, and the writer never waits on it.
    boost::asio::thread_pool audit(1);
    std::optional<store::audit_reader> audit_reader;  // used on the audit thread only
    dispatch.audit_reads = [&](store::audit_filter f, std::function<void(net::dispatcher::audit_result)> done) {
        boost::asio::post(audit, [&audit_reader, &db, f = std::move(f), done = std::move(done)] {
            try {
                if (!audit_reader) audit_reader.emplace(db);
                done(audit_reader->read(f));
            } catch (std::exception const& e) {
                audit_reader.reset();  // the next query opens the file again
                done(std::string(e.what()));
            }
        });
    };
    auto web_root = options.web_root.empty() ? std::string(NOVBE_SOURCE_WEB_ROOT) : options.web_root;
    auto state = std::make_shared<net::shared_state>(dispatch, settings, web_root, novbe::proto::novbe_proto_text);
    apply_file(dispatch, centre, settings, "start");
    // The booking API on this port (docs/booking-api.yaml); without [[portal]] every request is 401.
    net::booking_gate bookings(centre, settings.portals, {settings.profile.name, settings.profile.languages}, io.get_executor(),
                               {.max_requests = settings.phone_requests_per_minute,
                                .max_bookings = settings.phone_bookings_per_address});
    state->bookings = &bookings;
    log_booking(settings, centre.state());

    auto central = start_forwarding(settings, centre.state().config(), options.data_dir, db);
    // The dashboard's history, on its own thread and read-only connection (store/history_reader.hpp,
    // dispatcher::read_history): a long range never holds up the event loop. Then the forwarder's
    // state as GetForwarding tells it.
    store::history_reader history(db);
    boost::asio::thread_pool history_thread(1);
    dispatch.sources.history = [&history](core::day_number from, core::day_number to) { return history.read(from, to); };
    dispatch.history_thread = [&history_thread](std::function<void()> work) {
        boost::asio::post(history_thread, std::move(work));
    };
    if (central)
        dispatch.sources.forwarding = [&central] {
            auto lag = central->lag();
            v1::Forwarding f;
            f.set_configured(true);
            f.set_lag_events(lag.events);
            f.set_lag_seconds(static_cast<std::int64_t>(lag.seconds));
            f.set_unreachable_since_ms(lag.failing_since_ms);
            f.set_problem(lag.problem);
            f.set_stopped(lag.stopped);
            return f;
        };
    net::metrics counts;
    state->counts = &counts;
    state->metrics_text = [&] {
        if (central) {
            auto lag = central->lag();
            counts.central_lag(static_cast<double>(lag.events), lag.seconds);
        }
        return counts.render(centre.state(), opened.log->statistics(), centre.now());
    };

    auto server = std::make_shared<net::listener>(io, parse_endpoint(options.listen), state);
    auto bound = server->local_endpoint();
    state->hosts.listen_address = bound.address();
    if (settings.limit.public_names.empty()) {
        auto const& a = bound.address();
        auto own = a.is_unspecified() ? std::string(" or any IP address")
                 : a == boost::asio::ip::address_v4::loopback() || a == boost::asio::ip::address_v6::loopback()
                     ? std::string()
                     : " or " + (a.is_v6() ? "[" + a.to_string() + "]" : a.to_string());
        net::log_info("no [server] public_names: answering a Host of localhost, 127.0.0.1, [::1]" + own + " (any port)");
    }
    net::log_info("listening on " + bound.address().to_string() + ":" + std::to_string(bound.port()));
    server->run();
    state->ready = true;

    day_keeper days(io, centre, settings.retention_days);
    // Started after closing time (a restart in the evening), the first tick comes at once: the
    // engine closes the day now, waiting tickets unserved, unless it already did before.
    // By the engine's calendar: the log's once an admin set one, not the file's [centre] hours.
    days.start(starts_after_closing(centre.state(), wall_clock()) ? std::chrono::seconds(0) : std::chrono::seconds(15));
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    // Connections get 2 s to close; one that does not (a peer that neither reads nor answers
    // the close) is then shut, so a stop never waits for a stranger.
    boost::asio::steady_timer closing(io);
    std::chrono::steady_clock::time_point deadline;  // set when the signal comes
    std::function<void()> watch_closing = [&] {
        closing.expires_after(std::chrono::milliseconds(100));
        closing.async_wait([&](boost::system::error_code timer_ec) {
            if (timer_ec || state->open_sessions() == 0) return;
            if (std::chrono::steady_clock::now() < deadline) return watch_closing();
            net::log_info("stopping: shut " + std::to_string(state->open_sessions()) + " connections that did not close in 2 s");
            state->abort_all();
        });
    };
    auto file_calendar = calendar_of(settings);  // what a SIGHUP's file is compared with: its edits since are applied
    // CheckConfig: an admin's file judged as the next SIGHUP would judge it, against the same two.
    dispatch.sources.check_config = [&](std::string const& toml) {
        return check_config(toml, settings, file_calendar, centre.state(), centre.now());
    };
    std::function<void()> await_hangup = [&] {
        hangups.async_wait([&](boost::system::error_code ec, int) {
            if (ec) return;
            net::log_info("signal SIGHUP: reading " + options.config_path + " again");
            reload(options.config_path, settings, file_calendar, dispatch, centre);
            await_hangup();
        });
    };
    await_hangup();
    signals.async_wait([&](boost::system::error_code ec, int signal) {
        if (ec) return;
        net::log_info("signal " + std::to_string(signal) + ": stopping");
        state->ready = false;
        state->stopping = true;
        server->stop();
        days.stop();
        hangups.cancel();
        state->close_all();
        deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        watch_closing();
    });
    io.run();
    sign_in.join();
    audit.join();
    history_thread.join();
    if (central) central->stop();
    opened.log->close();  // commits in flight, then a snapshot for a fast start
    net::log_info(opened.log->failed() ? "stopped after a store failure" : "stopped cleanly");
    return opened.log->failed() ? 70 : 0;
}

}  // namespace novbe::app
