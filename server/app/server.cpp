#include "server.hpp"

#include "app/config_file.hpp"
#include "net/centre_service.hpp"
#include "net/dispatcher.hpp"
#include "net/listener.hpp"
#include "net/log.hpp"
#include "store/event_log.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <sys/resource.h>

#include <filesystem>

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

core::time_point wall_clock() {
    return std::chrono::time_point_cast<core::duration>(std::chrono::system_clock::now());
}

// Minutes after local midnight for "HH:MM".
int minutes_of(std::string const& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') throw config_error("times are HH:MM, not '" + hhmm + "'");
    return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
}

// Every 15 s: lets the engine notice a new day, and closes the day at closing time.
class day_keeper {
public:
    day_keeper(boost::asio::io_context& io, net::centre_service& centre, net::settings const& s)
        : timer_(io), centre_(centre), closing_(minutes_of(s.profile.closing)), offset_(s.centre.rules.utc_offset) {}

    void start() {
        timer_.expires_after(std::chrono::seconds(15));
        timer_.async_wait([this](boost::system::error_code ec) {
            if (ec) return;
            centre_.execute(core::tick{}, [] {});
            auto local = centre_.now() + offset_;
            auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local)).count();
            if (minute >= closing_ && closed_day_ != centre_.state().day()) {
                closed_day_ = centre_.state().day();
                centre_.execute(core::close_day{}, [] {});
                net::log_info("closing time: waiting tickets closed unserved");
            }
            start();
        });
    }
    void stop() { timer_.cancel(); }

private:
    boost::asio::steady_timer timer_;
    net::centre_service& centre_;
    int closing_;
    std::chrono::minutes offset_;
    core::day_number closed_day_ = core::no_day;
};

}  // namespace

int run_server(server_options const& options) {
    auto settings = load_config(options.config_path);
    raise_open_files();
    minutes_of(settings.profile.opening);
    std::filesystem::create_directories(options.data_dir);
    auto db = (std::filesystem::path(options.data_dir) / "centre.db").string();
    auto opened = store::event_log::open({.path = db}, settings.centre);
    net::log_info("recovered " + db + " up to event " + std::to_string(opened.last_sequence) + " (" +
                  std::to_string(opened.replayed) + " replayed after the newest snapshot)");

    boost::asio::io_context io(1);
    boost::asio::thread_pool sign_in(1);
    net::hub subscribers;
    net::centre_service centre(io.get_executor(), *opened.log, std::move(opened.centre), opened.last_sequence, wall_clock,
                               subscribers);
    net::dispatcher dispatch(centre, settings, io.get_executor(), sign_in.get_executor());
    dispatch.remember(opened.replies);
    auto web_root = options.web_root.empty() ? std::string(NOVBE_SOURCE_WEB_ROOT) : options.web_root;
    auto state = std::make_shared<net::shared_state>(dispatch, settings, web_root, novbe::proto::novbe_proto_text);

    net::metrics counts;
    state->counts = &counts;
    state->metrics_text = [&] { return counts.render(centre.state(), opened.log->statistics(), centre.now()); };

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

    day_keeper days(io, centre, settings);
    days.start();
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int signal) {
        if (ec) return;
        net::log_info("signal " + std::to_string(signal) + ": stopping");
        state->ready = false;
        state->stopping = true;
        server->stop();
        days.stop();
        state->close_all();
    });
    io.run();
    sign_in.join();
    opened.log->close();  // commits in flight, then a snapshot for a fast start
    net::log_info(opened.log->failed() ? "stopped after a store failure" : "stopped cleanly");
    return opened.log->failed() ? 70 : 0;
}

}  // namespace novbe::app
