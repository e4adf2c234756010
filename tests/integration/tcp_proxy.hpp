#pragma once
// A TCP relay between a client and novbe-server on 127.0.0.1, for tests of lost replies: it can
// swallow what the server says (the request arrives, the answer never does), cut every
// connection, and be pointed at a restarted server's new port.
#include <memory>

namespace novbe::testing {

class tcp_proxy {
public:
    explicit tcp_proxy(unsigned short target_port);  // listens on an ephemeral port at once
    ~tcp_proxy();
    tcp_proxy(tcp_proxy const&) = delete;
    tcp_proxy& operator=(tcp_proxy const&) = delete;

    unsigned short port() const;
    void swallow_replies(bool on);            // drop server-to-client bytes while on
    void cut_all();                           // close every relayed connection
    void retarget(unsigned short target_port);  // new connections go there

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace novbe::testing
