#include "listener.hpp"

#include "net/http_session.hpp"
#include "net/log.hpp"

#include <boost/asio/strand.hpp>

namespace novbe::net {

listener::listener(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint, std::shared_ptr<shared_state> state)
    : io_(io), acceptor_(boost::asio::make_strand(io)), pause_(acceptor_.get_executor()), state_(std::move(state)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(boost::asio::socket_base::max_listen_connections);
}

void listener::run() { do_accept(); }

void listener::stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    pause_.cancel();
}

void listener::do_accept() {
    acceptor_.async_accept(boost::asio::make_strand(io_), [self = shared_from_this()](boost::system::error_code ec,
                                                                                     boost::asio::ip::tcp::socket socket) {
        if (ec == boost::asio::error::operation_aborted || !self->acceptor_.is_open()) return;  // stopped
        if (!ec) {
            std::make_shared<http_session>(std::move(socket), self->state_)->run();
            return self->do_accept();
        }
        if (ec == boost::asio::error::connection_aborted) return self->do_accept();  // that client left first
        // Out of descriptors the pending connection stays queued, and accepting again at once
        // fails again at once: a loop at full speed. Pause; the queue waits in the kernel.
        self->failures_.note(ec.message());
        self->pause_.expires_after(std::chrono::milliseconds(100));
        self->pause_.async_wait([self](boost::system::error_code timer_ec) {
            if (!timer_ec && self->acceptor_.is_open()) self->do_accept();
        });
    });
}

}  // namespace novbe::net
