#pragma once
// The central PostgreSQL, live: one thread that LISTENs on channel novbe_forwarded (the schema's
// trigger NOTIFYs the centre's id when a batch commits, docs/CENTRAL.md#situation-room), reads
// every centre once when it connects and then only the centres named by notifications. It waits
// on the connection's socket; there is no polling loop. After a failure it reconnects with
// back-off and reads everything again (notifications sent meanwhile are lost to it).
#include "central/figures_query.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace novbe::central {

class source {
public:
    struct callbacks {
        std::function<void(centre_figures)> figures;  // called on the source's thread
        std::function<void(bool connected)> status;
        std::function<void(bool error, std::string const& line)> log;
    };
    source(std::string connection, callbacks cb);
    ~source();  // stops
    void start();
    void stop();  // returns within about half a second

private:
    void run();
    void serve(std::string const& connection_text, bool& connected);
    bool sleep(std::chrono::milliseconds d);  // false once stopping

    std::string connection_;
    callbacks cb_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace novbe::central
