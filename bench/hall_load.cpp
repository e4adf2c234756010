#include "hall_load.hpp"

#include <cstdio>
#include <random>

namespace novbe::bench {

namespace {

using steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr char const* services[] = {"passport", "id_card", "civil_registry", "notary", "property", "utilities", "driving_licence"};

novbe::v1::ClientMessage subscribe_to_hall(std::uint64_t id) {
    novbe::v1::ClientMessage sub;
    sub.set_request_id(id);
    sub.mutable_subscribe()->set_view(novbe::v1::VIEW_BOARD);
    return sub;
}

}  // namespace

struct hall_load::clerk {
    std::shared_ptr<peer> link;
    std::uint32_t number = 0;
    std::uint64_t next_id = 10;
    bool open = false;
};

hall_load::hall_load(unsigned short port, plan p) : port_(port), plan_(p) {}

hall_load::~hall_load() { stop(); }

void hall_load::later(milliseconds after, std::function<void()> fn) {
    auto timer = std::make_shared<boost::asio::steady_timer>(io_, after);
    timer->async_wait([this, timer, fn = std::move(fn)](boost::system::error_code ec) {
        if (!ec && running()) fn();
    });
}

void hall_load::add_board(int subscriptions) {
    auto b = std::make_shared<peer>(io_);
    b->on_message = [this](novbe::v1::ServerMessage const& m) {
        if (m.has_snapshot()) ++snapshots_;
        if (m.has_events()) ++board_frames_;
    };
    b->on_closed = [this] { running() ? ++boards_lost_ : 0; };
    peer* raw = b.get();
    b->open(port_, [raw, subscriptions] {
        raw->send(hello(novbe::v1::ROLE_BOARD));
        for (int i = 0; i < subscriptions; ++i) {
            auto sub = subscribe_to_hall(2 + i);
            if (subscriptions > 1)  // a hostile board names every service in each of its zones
                for (auto const* s : services) sub.mutable_subscribe()->add_service_ids(s);
            raw->send(sub);
        }
    });
    boards_.push_back(std::move(b));
}

// The clerk's next action follows from the counter as the server says it is, so a visit left
// half done by the previous run goes on where it stopped.
void hall_load::next_step(std::shared_ptr<clerk> const& c, novbe::v1::ServerMessage const& m) {
    ++commands_;
    novbe::v1::ClientMessage out;
    out.set_request_id(++c->next_id);
    auto pause = milliseconds(plan_.visit_ms / 3);
    if (m.has_error()) {
        if (m.error().code() == novbe::v1::ERROR_CODE_COUNTER_ALREADY_OPEN) {
            out.mutable_get_counter()->set_counter(c->number);
            pause = milliseconds(0);
        } else {
            if (m.error().code() != novbe::v1::ERROR_CODE_NOTHING_WAITING)
                std::fprintf(stderr, "counter %u: %s\n", c->number, m.error().message().c_str());
            out.mutable_call_next()->set_counter(c->number);
            pause = milliseconds(100);
        }
    } else {
        auto const& view = m.reply().counter();
        if (!c->open) c->open = true, ++counters_open_;
        if (view.status() == novbe::v1::COUNTER_STATUS_SERVING && view.current().state() == novbe::v1::TICKET_STATE_CALLED)
            out.mutable_start_serving()->set_counter(c->number);
        else if (view.status() == novbe::v1::COUNTER_STATUS_SERVING)
            out.mutable_complete_service()->set_counter(c->number);
        else
            out.mutable_call_next()->set_counter(c->number);
    }
    later(pause, [link = c->link, out] { link->send(out); });
}

void hall_load::add_clerk(int counter) {
    auto c = std::make_shared<clerk>();
    c->link = std::make_shared<peer>(io_);
    c->number = static_cast<std::uint32_t>(counter);
    std::weak_ptr<clerk> weak = c;
    c->link->on_message = [this, weak](novbe::v1::ServerMessage const& m) {
        auto self = weak.lock();
        if (!self) return;
        if (m.reply().has_welcome()) {
            novbe::v1::ClientMessage open;
            open.set_request_id(++self->next_id);
            open.mutable_open_counter()->set_counter(self->number);
            return self->link->send(open);
        }
        next_step(self, m);
    };
    auto name = counter == 1 ? std::string("bench-clerk") : "bench-clerk-" + std::to_string(counter);
    peer* raw = c->link.get();
    c->link->open(port_, [raw, name] { raw->send(hello(novbe::v1::ROLE_CLERK, name, "bench-clerk-secret")); });
    clerks_.push_back(std::move(c));
}

void hall_load::add_kiosk(int which) {
    auto k = std::make_shared<peer>(io_);
    k->on_message = [this](novbe::v1::ServerMessage const& m) { m.reply().has_issued_ticket() ? ++commands_ : 0; };
    peer* raw = k.get();
    k->open(port_, [this, raw, which] {
        raw->send(hello(novbe::v1::ROLE_KIOSK));
        later(milliseconds(plan_.visit_ms / 8 * which), [this, raw, which] { issue_from(raw, static_cast<std::size_t>(which)); });
    });
    kiosks_.push_back(std::move(k));
}

// A ticket for the next service in turn, every quarter of a visit.
void hall_load::issue_from(peer* kiosk, std::size_t n) {
    novbe::v1::ClientMessage m;
    m.set_request_id(1000 + n);
    m.mutable_issue_ticket()->set_service_id(services[n % std::size(services)]);
    kiosk->send(m);
    later(milliseconds(std::max(1, plan_.visit_ms / 4)), [this, kiosk, n] { issue_from(kiosk, n + 1); });
}

// Hello after Hello with a made-up ticket token: refused, closed, connected again.
void hall_load::add_guesser() {
    auto g = std::make_shared<peer>(io_);
    peer* raw = g.get();
    g->on_closed = [this] { later(milliseconds(10), [this] { add_guesser(); }); };
    g->open(port_, [raw] {
        static std::mt19937_64 random(7);
        novbe::v1::ClientMessage m;
        m.mutable_hello()->set_protocol_version(1);
        m.mutable_hello()->set_role(novbe::v1::ROLE_TICKET_HOLDER);
        m.mutable_hello()->set_ticket_token(std::to_string(random()) + std::to_string(random()));
        raw->send(m);
    });
    kiosks_.push_back(std::move(g));
}

// Connects and says nothing until the server gives up on it, then connects again.
void hall_load::add_silent() {
    auto s = std::make_shared<peer>(io_);
    s->on_closed = [this] { later(milliseconds(10), [this] { add_silent(); }); };
    s->open(port_, [] {});
    kiosks_.push_back(std::move(s));
}

void hall_load::start() {
    for (int i = 0; i < plan_.boards; ++i) add_board(1);
    for (int c = 1; c <= counters; ++c) add_clerk(c);
    auto deadline = steady::now() + std::chrono::seconds(120);
    while ((snapshots_ < plan_.boards || counters_open_ < counters) && steady::now() < deadline)
        io_.run_one_for(milliseconds(10));
    if (snapshots_ < plan_.boards || counters_open_ < counters)
        std::fprintf(stderr, "only %d of %d boards and %d of %d counters were ready\n", snapshots_, plan_.boards, counters_open_,
                     counters);
    add_kiosk(0);
    add_kiosk(1);
    if (plan_.hostile) {
        for (int i = 0; i < 16; ++i) add_guesser();
        for (int i = 0; i < 50; ++i) add_silent();
        for (int i = 0; i < 4; ++i) add_board(8);
    }
    commands_ = 0;
    board_frames_ = 0;
    started_ = steady::now();
    thread_ = std::thread([this] {
        auto guard = boost::asio::make_work_guard(io_);
        io_.run();
    });
}

void hall_load::stop() {
    if (stopping_.exchange(true)) return;
    stopped_ = steady::now();
    io_.stop();
    if (thread_.joinable()) thread_.join();
}

double hall_load::commands_per_second() const {
    return double(commands_) / std::chrono::duration<double>(stopped_ - started_).count();
}

double hall_load::board_frames_per_second() const {
    return double(board_frames_) / std::chrono::duration<double>(stopped_ - started_).count();
}

}  // namespace novbe::bench
