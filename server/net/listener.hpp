#pragma once
// Accepts TCP connections on one port and gives each an HTTP session on its own strand. When
// accepting fails (out of descriptors: EMFILE, ENFILE; out of memory) it waits 100 ms before
// the next try rather than spinning, and logs at most a line a second with a count.
#include "net/shared_state.hpp"
#include "net/throttled_log.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace novbe::net {

class listener : public std::enable_shared_from_this<listener> {
public:
    // Throws boost::system::system_error if the address cannot be bound.
    listener(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint, std::shared_ptr<shared_state> state);
    void run();
    void stop();
    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

private:
    void do_accept();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer pause_;
    std::shared_ptr<shared_state> state_;
    throttled_log failures_{"accept failed; trying again every 100 ms", true};
};

}  // namespace novbe::net
