#include "listener.hpp"

#include "net/http_session.hpp"
#include "net/log.hpp"

#include <boost/asio/strand.hpp>

namespace novbe::net {

listener::listener(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint, std::shared_ptr<shared_state> state)
    : io_(io), acceptor_(boost::asio::make_strand(io)), state_(std::move(state)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(boost::asio::socket_base::max_listen_connections);
}

void listener::run() { do_accept(); }

void listener::stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
}

void listener::do_accept() {
    acceptor_.async_accept(boost::asio::make_strand(io_), [self = shared_from_this()](boost::system::error_code ec,
                                                                                     boost::asio::ip::tcp::socket socket) {
        if (ec == boost::asio::error::operation_aborted) return;  // stopped
        if (ec) log_failure(ec, "accept");
        else std::make_shared<http_session>(std::move(socket), self->state_)->run();
        self->do_accept();
    });
}

}  // namespace novbe::net
