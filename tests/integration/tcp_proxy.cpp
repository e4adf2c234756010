#include "tcp_proxy.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace novbe::testing {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// One relayed connection: the client's socket and the server's.
struct pair_of_sockets : std::enable_shared_from_this<pair_of_sockets> {
    pair_of_sockets(asio::io_context& io, std::atomic<bool>& swallow) : client(io), server(io), swallow_(swallow) {}
    tcp::socket client;
    tcp::socket server;
    std::array<char, 16384> up{};
    std::array<char, 16384> down{};
    std::atomic<bool>& swallow_;

    void relay(tcp::socket& from, tcp::socket& to, std::array<char, 16384>& buffer, bool replies) {
        from.async_read_some(asio::buffer(buffer), [self = shared_from_this(), &from, &to, &buffer, replies](boost::system::error_code ec, std::size_t n) {
            if (ec) return self->close();
            if (replies && self->swallow_) return self->relay(from, to, buffer, replies);
            asio::async_write(to, asio::buffer(buffer.data(), n), [self, &from, &to, &buffer, replies](boost::system::error_code ec2, std::size_t) {
                if (ec2) return self->close();
                self->relay(from, to, buffer, replies);
            });
        });
    }
    void close() {
        boost::system::error_code ignored;
        client.close(ignored);
        server.close(ignored);
    }
};

}  // namespace

struct tcp_proxy::impl {
    asio::io_context io;
    tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    std::atomic<unsigned short> target;
    std::atomic<bool> swallow{false};
    std::vector<std::weak_ptr<pair_of_sockets>> relayed;
    std::thread thread;

    void accept() {
        auto p = std::make_shared<pair_of_sockets>(io, swallow);
        acceptor.async_accept(p->client, [this, p](boost::system::error_code ec) {
            if (ec) return;
            relayed.push_back(p);
            p->server.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), target.load()), [p](boost::system::error_code ec2) {
                if (ec2) return p->close();
                p->relay(p->client, p->server, p->up, false);
                p->relay(p->server, p->client, p->down, true);
            });
            accept();
        });
    }
};

tcp_proxy::tcp_proxy(unsigned short target_port) : impl_(std::make_unique<impl>()) {
    impl_->target = target_port;
    impl_->accept();
    impl_->thread = std::thread([i = impl_.get()] { i->io.run(); });
}

tcp_proxy::~tcp_proxy() {
    asio::post(impl_->io, [i = impl_.get()] {
        i->acceptor.close();
        for (auto& w : i->relayed)
            if (auto p = w.lock()) p->close();
    });
    impl_->thread.join();
}

unsigned short tcp_proxy::port() const { return impl_->acceptor.local_endpoint().port(); }
void tcp_proxy::swallow_replies(bool on) { impl_->swallow = on; }
void tcp_proxy::retarget(unsigned short target_port) { impl_->target = target_port; }

void tcp_proxy::cut_all() {
    std::promise<void> done;
    asio::post(impl_->io, [i = impl_.get(), &done] {
        for (auto& w : i->relayed)
            if (auto p = w.lock()) p->close();
        i->relayed.clear();
        done.set_value();
    });
    done.get_future().wait();
}

}  // namespace novbe::testing
