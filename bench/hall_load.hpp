#pragma once
// A busy hall on a thread of its own, for the busy-hall benchmark: boards following the whole
// hall, a clerk at each of the eight counters of the demo centre working visit after visit,
// two kiosks issuing tickets for every service; optionally hostile clients beside them.
// Bench code only.
#include "peer.hpp"

#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace novbe::bench {

class hall_load {
public:
    static constexpr int counters = 8;
    struct plan {
        int boards = 0;
        int visit_ms = 2000;   // each clerk: call, start after a third of it, complete after two thirds
        bool hostile = false;  // guessed ticket tokens, silent connections, boards at their limit
    };

    hall_load(unsigned short port, plan p);
    ~hall_load();
    hall_load(hall_load const&) = delete;
    hall_load& operator=(hall_load const&) = delete;

    // Connects everyone, returns once the boards have their snapshots and the counters are
    // open; the load then runs on its own thread until stop().
    void start();
    void stop();

    double commands_per_second() const;
    double board_frames_per_second() const;
    int boards_lost() const { return boards_lost_; }

private:
    struct clerk;
    void add_board(int subscriptions);
    void add_clerk(int counter);
    void add_kiosk(int which);
    void issue_from(peer* kiosk, std::size_t n);
    void add_guesser();
    void add_silent();
    void next_step(std::shared_ptr<clerk> const& c, novbe::v1::ServerMessage const& m);
    void later(std::chrono::milliseconds after, std::function<void()> fn);
    bool running() const { return !stopping_.load(); }

    unsigned short port_;
    plan plan_;
    boost::asio::io_context io_;
    std::vector<std::shared_ptr<peer>> boards_;
    std::vector<std::shared_ptr<clerk>> clerks_;
    std::vector<std::shared_ptr<peer>> kiosks_;
    int snapshots_ = 0, counters_open_ = 0, boards_lost_ = 0;
    std::atomic<long> commands_{0}, board_frames_{0};
    std::atomic<bool> stopping_{false};
    std::chrono::steady_clock::time_point started_, stopped_;
    std::thread thread_;
};

}  // namespace novbe::bench
