#pragma once
// Accepts TCP connections on one port and gives each an HTTP session on its own strand.
#include "net/shared_state.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

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
    std::shared_ptr<shared_state> state_;
};

}  // namespace novbe::net
