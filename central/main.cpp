// novbe-central: the situation room over the central PostgreSQL (docs/CENTRAL.md#situation-room).
// Wiring only: the configuration, the database's thread, the room and the HTTP/WebSocket port.
#include "central/central_config.hpp"
#include "central/http_session.hpp"
#include "central/source.hpp"
#include "net/edge.hpp"
#include "net/log.hpp"
#include "net/secret_hash.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/json/src.hpp>  // Boost.JSON compiled into this program, once

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

char const* const usage =
    "usage:\n"
    "  novbe-central --config FILE [--listen HOST:PORT] [--web-root DIR]\n"
    "      Serve the situation room: its page at /, live figures on the WebSocket /live.\n"
    "      --listen defaults to 127.0.0.1:8090 (port 0 picks a free port). Stops on SIGTERM or SIGINT.\n"
    "  novbe-central check-config --config FILE\n"
    "      Read the configuration and say what is wrong with it, if anything (FILE:LINE:COLUMN).\n"
    "  novbe-central hash-secret\n"
    "      Read a secret from standard input (one line, 8 characters at least) and print its hash\n"
    "      for a [[users]] entry's 'secret'.\n"
    "  novbe-central --help\n"
    "      This text.\n";

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::map<std::string, std::string> options(std::vector<std::string> const& args, std::size_t from,
                                           std::vector<std::string> const& known) {
    std::map<std::string, std::string> out;
    for (auto i = from; i < args.size(); i += 2) {
        if (args[i].rfind("--", 0) != 0) throw usage_error("expected --option value, got '" + args[i] + "'");
        auto name = args[i].substr(2);
        if (std::find(known.begin(), known.end(), name) == known.end()) throw usage_error("unknown option " + args[i]);
        if (i + 1 >= args.size()) throw usage_error(args[i] + " needs a value");
        out[name] = args[i + 1];
    }
    if (!out.contains("config") && std::find(known.begin(), known.end(), "config") != known.end())
        throw usage_error("--config is required");
    return out;
}

boost::asio::ip::tcp::endpoint endpoint_of(std::string const& text) {
    auto colon = text.rfind(':');
    auto address = colon == std::string::npos ? std::nullopt : novbe::net::parse_address(text.substr(0, colon));
    int port = -1;
    try {
        if (colon != std::string::npos) port = std::stoi(text.substr(colon + 1));
    } catch (std::exception const&) {
    }
    if (!address || port < 0 || port > 65535) throw usage_error("--listen is HOST:PORT, e.g. 127.0.0.1:8090");
    return {*address, static_cast<unsigned short>(port)};
}

int serve(std::map<std::string, std::string> o) {
    using namespace novbe;
    auto settings = central::load_central_config(o["config"]);
    auto const connection = settings.connection;
    boost::asio::io_context io;
    central::room situation(std::move(settings));
    boost::asio::thread_pool checks(2);
    boost::asio::ip::tcp::acceptor acceptor(io);
    auto const wanted = endpoint_of(o.contains("listen") ? o["listen"] : "127.0.0.1:8090");
    acceptor.open(wanted.protocol());
    acceptor.set_option(boost::asio::socket_base::reuse_address(true));
    acceptor.bind(wanted);
    acceptor.listen();
    central::site s{situation, checks, o.contains("web-root") ? o["web-root"] : NOVBE_SOURCE_WEB_ROOT,
                    acceptor.local_endpoint()};
    auto const where = s.listening.address().to_string() + ":" + std::to_string(s.listening.port());
    net::log_info("listening on " + where);
    central::source db(
        connection,
        {
            .figures =
                [&](central::centre_figures f) {
                    boost::asio::post(io, [&situation, f = std::move(f)]() mutable { situation.update(std::move(f)); });
                },
            .status =
                [&](bool connected) {
                    boost::asio::post(io, [&situation, connected] { situation.database(connected); });
                },
            .log = [](bool error, std::string const& line) { error ? net::log_error(line) : net::log_info(line); },
        });
    db.start();
    central::accept(acceptor, s);
    boost::asio::signal_set signals(io, SIGTERM, SIGINT);
    signals.async_wait([&](boost::system::error_code, int) {
        net::log_info("stopping");
        boost::system::error_code ignored;
        acceptor.close(ignored);
        io.stop();  // the live pages reconnect to the next process; nothing here needs finishing
    });
    io.run();
    db.stop();
    checks.join();
    return 0;
}

int main_checked(std::vector<std::string> const& args) {
    if (args.empty()) throw usage_error("--config FILE is needed");
    if (std::find(args.begin(), args.end(), "--help") != args.end() ||
        std::find(args.begin(), args.end(), "-h") != args.end()) {
        std::fputs(usage, stdout);
        return 0;
    }
    if (args[0] == "hash-secret") {
        if (args.size() > 1) throw usage_error("hash-secret takes no options (the secret comes on standard input)");
        std::string secret;
        std::getline(std::cin, secret);
        if (secret.size() < 8)
            throw std::runtime_error("the secret needs at least 8 characters (read from standard input)");
        std::printf("%s\n", novbe::net::hash_secret(secret).c_str());
        return 0;
    }
    if (args[0] == "check-config") {
        auto o = options(args, 1, {"config"});
        auto s = novbe::central::load_central_config(o["config"]);
        std::printf("%s: good: %zu users\n", o["config"].c_str(), s.users.size());
        return 0;
    }
    if (args[0].rfind("--", 0) != 0) throw usage_error("unknown command '" + args[0] + "'");
    return serve(options(args, 0, {"config", "listen", "web-root"}));
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return main_checked({argv + 1, argv + argc});
    } catch (usage_error const& e) {
        std::fprintf(stderr, "novbe-central: %s\n%s", e.what(), usage);
        return 2;
    } catch (std::exception const& e) {  // config_error, a port in use: one clear line
        std::fprintf(stderr, "novbe-central: %s\n", e.what());
        return 1;
    }
}
