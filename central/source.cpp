#include "source.hpp"

#include <pqxx/pqxx>

#include <random>
#include <set>

namespace novbe::central {

namespace {

constexpr int needed_schema = 3;  // NOTIFYs (2) and keeps the live figures (3): server/forward/central_schema.cpp

// Collects the centres named by notifications until the thread reads them.
class listener final : public pqxx::notification_receiver {
public:
    listener(pqxx::connection_base& c, std::set<std::string>& dirty)
        : notification_receiver(c, "novbe_forwarded"), dirty_(dirty) {}
    void operator()(std::string const& payload, int) override {
        if (payload.size() <= 64) dirty_.insert(payload);  // a centre_id is 1-64 characters
    }

private:
    std::set<std::string>& dirty_;
};

int schema_version(pqxx::connection& c) {
    pqxx::read_transaction tx(c);
    if (tx.exec("SELECT to_regclass('schema_version')")[0][0].is_null()) return 0;
    auto rows = tx.exec("SELECT version FROM schema_version");
    return rows.empty() ? 0 : rows[0][0].as<int>();
}

}  // namespace

source::source(std::string connection, callbacks cb) : connection_(std::move(connection)), cb_(std::move(cb)) {}

source::~source() { stop(); }

void source::start() {
    thread_ = std::thread([this] { run(); });
}

void source::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool source::sleep(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, d, [this] { return stopping_; });
}

void source::serve(std::string const& connection_text, bool& connected) {
    pqxx::connection c(connection_text);
    std::set<std::string> dirty;
    listener notifications(c, dirty);  // LISTEN first: nothing committed after the full read is missed
    int version = schema_version(c);
    if (version < needed_schema) {
        cb_.log(true, "central: the central schema is version " + std::to_string(version) + "; novbe-central needs " +
                          std::to_string(needed_schema) +
                          " (a centre of this Novbe creates it when it forwards); waiting");
        while (schema_version(c) < needed_schema) {
            c.await_notification(1, 0);  // the first claim of a new forwarder NOTIFYs
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        dirty.clear();
    }
    cb_.log(false, "central: reading the central database live (LISTEN novbe_forwarded)");
    connected = true;
    cb_.status(true);
    for (auto const& id : centre_ids(c))
        if (auto f = read_centre(c, id); !f.centre_id.empty()) cb_.figures(std::move(f));
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        // Waits on the socket (at most 0.5 s, to notice a stop); a burst of batches is read once.
        if (c.await_notification(0, 500000) == 0 && dirty.empty()) continue;
        c.get_notifs();
        auto names = std::move(dirty);
        dirty.clear();
        for (auto const& id : names)
            if (auto f = read_centre(c, id); !f.centre_id.empty()) cb_.figures(std::move(f));
    }
}

void source::run() {
    std::mt19937 random(std::random_device{}());
    auto backoff = std::chrono::milliseconds(250);
    std::string problem;
    while (true) {
        bool connected = false;
        try {
            serve(connection_, connected);
            return;  // stopped
        } catch (std::exception const& e) {
            if (connected) backoff = std::chrono::milliseconds(250);  // it worked until now: retry soon
            cb_.status(false);
            std::string why = e.what();
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
            if (why != problem)
                cb_.log(true, "central: cannot read the central database ([database] connection): " + why +
                                  "; retrying with back-off");
            problem = why;
        }
        std::uniform_int_distribution<long> spread(backoff.count() / 2, backoff.count());
        if (!sleep(std::chrono::milliseconds(spread(random)))) return;
        backoff = std::min(backoff * 2, std::chrono::milliseconds(10000));
    }
}

}  // namespace novbe::central
