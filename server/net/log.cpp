#include "log.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/websocket/error.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace novbe::net {

namespace {

void write(char const* level, std::string const& line) {
    static std::mutex mutex;
    auto now = std::chrono::system_clock::now();
    auto t = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::lock_guard lock(mutex);
    std::fprintf(stderr, "%s %s %s\n", stamp, level, line.c_str());
}

}  // namespace

void log_info(std::string const& line) { write("info", line); }
void log_error(std::string const& line) { write("error", line); }

void log_failure(boost::system::error_code ec, std::string const& what) {
    if (ec == boost::asio::error::operation_aborted || ec == boost::beast::websocket::error::closed ||
        ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset || ec == boost::beast::error::timeout)
        return log_info(what + ": " + ec.message());
    log_error(what + ": " + ec.message());
}

}  // namespace novbe::net
