#include "client/blocking_client.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

namespace novbe::client {

struct blocking_client::impl {
    explicit impl(options opts) : link(io, std::move(opts)) {}
    boost::asio::io_context io{1};
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work{io.get_executor()};
    connection link;
    std::mutex mutex;
    std::condition_variable changed;
    std::thread thread;
};

blocking_client::blocking_client(options opts) : impl_(std::make_unique<impl>(std::move(opts))) {
    auto* i = impl_.get();
    i->link.on_status([i](link_status const&) {
        std::lock_guard lock(i->mutex);  // so that a waiter cannot miss the change between check and wait
        i->changed.notify_all();
    });
    i->link.start();
    i->thread = std::thread([i] { i->io.run(); });
}

blocking_client::~blocking_client() {
    impl_->link.stop();
    impl_->work.reset();
    impl_->thread.join();
}

bool blocking_client::wait_online(std::chrono::milliseconds limit) {
    std::unique_lock lock(impl_->mutex);
    impl_->changed.wait_for(lock, limit, [&] {
        auto s = impl_->link.status();
        return s.state == link::online || s.refused;
    });
    return impl_->link.status().state == link::online;
}

v1::ServerMessage blocking_client::request(v1::ClientMessage m, std::chrono::milliseconds deadline) {
    auto answer = std::make_shared<std::promise<v1::ServerMessage>>();
    auto future = answer->get_future();
    impl_->link.request(std::move(m), deadline, [answer](v1::ServerMessage const& reply) { answer->set_value(reply); });
    return future.get();
}

link_status blocking_client::status() const { return impl_->link.status(); }
v1::Welcome blocking_client::welcome() const { return impl_->link.welcome(); }
connection& blocking_client::link() { return impl_->link; }

bool parse_address(std::string const& text, options& into) {
    auto colon = text.rfind(':');
    auto host = colon == std::string::npos ? text : text.substr(0, colon);
    auto port = colon == std::string::npos ? std::string("8080") : text.substr(colon + 1);
    if (host.empty() || port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return false;
    if (auto n = std::stoul(port); n == 0 || n > 65535) return false;  // 83637 is no port, not 18101
    into.host = host;
    into.port = port;
    return true;
}

}  // namespace novbe::client
