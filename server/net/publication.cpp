#include "publication.hpp"

#include "net/actor.hpp"
#include "net/calendar_handlers.hpp"
#include "net/setup_handlers.hpp"
#include "net/staff_booking_handlers.hpp"

#include <algorithm>

// Switches over protobuf oneof cases default on purpose (see dispatcher.cpp).
#pragma GCC diagnostic ignored "-Wswitch-enum"

namespace novbe::net {

namespace {

class translator {
public:
    translator(core::centre const& c, v1::Event& out, std::vector<core::service_index>& touched)
        : c_(c), out_(out), touched_(touched) {}

    // A booking reaches the managers' dashboards as staff see it after the change (booking_row:
    // no token, no phone); boards and phones get nothing of it (board_copy lists no booking). A
    // check-in's ticket is an event of its own. Forgetting ended bookings is said to nobody: the
    // event keeps its sequence and time only, so that ranges still join up.
    void operator()(core::booking_made const& e) { booking(e.id, v1::BOOKING_CHANGE_MADE); }
    void operator()(core::booking_cancelled const& e) { booking(e.id, v1::BOOKING_CHANGE_CANCELLED); }
    void operator()(core::booking_rescheduled const& e) { booking(e.id, v1::BOOKING_CHANGE_RESCHEDULED); }
    void operator()(core::booking_checked_in const& e) { booking(e.id, v1::BOOKING_CHANGE_CHECKED_IN); }
    void operator()(core::booking_lapsed const& e) { booking(e.id, v1::BOOKING_CHANGE_LAPSED); }
    void operator()(core::bookings_forgotten const&) {}

    void operator()(core::day_started const& e) {
        out_.mutable_day_started()->set_day(date_of(e.day));
        for (auto const& counter : c_.config().counters)  // all closed now: docs/DOMAIN.md#counters
            *out_.mutable_day_started()->add_counters() = counter_view(c_, counter.number);
        all_lines();
    }
    void operator()(core::day_closed const&) {
        out_.mutable_day_closed();
        all_lines();
    }
    void operator()(core::ticket_issued const& e) {
        auto& m = *out_.mutable_ticket_issued();
        m.set_number(number(e.ticket));
        m.set_service_id(id(e.service));
        m.set_priority(wire_class(e.cls));
        touched_.push_back(e.service);
    }
    void operator()(core::ticket_called const& e) {
        called(e.ticket, e.counter, false);
        if (!e.reason.empty()) out_.mutable_ticket_called()->set_reason(e.reason);
    }
    void operator()(core::ticket_recalled const& e) { called(e.ticket, e.counter, true); }
    void operator()(core::service_started const& e) {
        out_.mutable_service_started()->set_number(number(e.ticket));
        out_.mutable_service_started()->set_counter(e.counter);
    }
    void operator()(core::service_completed const& e) {
        out_.mutable_service_completed()->set_number(number(e.ticket));
        out_.mutable_service_completed()->set_counter(e.counter);
        touched_.push_back(c_.tickets()[e.ticket].current().service);  // the moving average moved
    }
    void operator()(core::ticket_no_show const& e) {
        out_.mutable_ticket_no_show()->set_number(number(e.ticket));
        out_.mutable_ticket_no_show()->set_counter(e.counter);
    }
    void operator()(core::ticket_transferred const& e) {
        auto const& t = c_.tickets()[e.ticket];
        if (e.counter == 0) {  // a manager's move of a waiting ticket: both lines changed
            auto& m = *out_.mutable_ticket_moved();
            m.set_number(number(e.ticket));
            m.set_from_service_id(id(t.visits[t.visits.size() - 2].service));
            m.set_to_service_id(id(e.to));
            m.set_reason(e.reason);
            touched_.push_back(t.visits[t.visits.size() - 2].service);
            touched_.push_back(e.to);
            return;
        }
        auto& m = *out_.mutable_ticket_transferred();
        m.set_number(number(e.ticket));
        m.set_counter(e.counter);
        m.set_from_service_id(id(t.visits[t.visits.size() - 2].service));
        m.set_to_service_id(id(e.to));
        touched_.push_back(e.to);
    }
    void operator()(core::ticket_cancelled const& e) {
        out_.mutable_ticket_cancelled()->set_number(number(e.ticket));
        if (!e.reason.empty()) out_.mutable_ticket_cancelled()->set_reason(e.reason);
        touched_.push_back(c_.tickets()[e.ticket].current().service);
    }
    void operator()(core::ticket_rated const& e) {
        auto const& t = c_.tickets()[e.ticket];
        out_.mutable_ticket_rated()->set_number(number(e.ticket));
        out_.mutable_ticket_rated()->set_score(e.score);
        out_.mutable_ticket_rated()->set_counter(t.current().counter);
    }
    void operator()(core::counter_opened const& e) { counter(e.counter); }
    void operator()(core::counter_paused const& e) { counter(e.counter); }
    void operator()(core::counter_resumed const& e) { counter(e.counter); }
    void operator()(core::counter_closed const& e) { counter(e.counter); }
    // Dashboards see the counter's new user in its view; boards get what for_boards leaves.
    void operator()(core::counter_taken_over const& e) {
        counter(e.counter);
        auto& m = *out_.mutable_counter_changed();
        m.set_taken_from(e.from_clerk);
        m.set_reason_code(e.code);
        m.set_reason(e.reason);
    }
    void operator()(core::alert_changed const& e) { *out_.mutable_alert_changed() = line_alert(c_, e.service, e.alert); }
    void operator()(core::hall_message_set const& e) {
        out_.mutable_hall_message_set()->set_text(e.text);
        out_.mutable_hall_message_set()->set_set_by(e.by);
    }
    // docs/SETUP.md: dashboards see who changed whom; never a hash. Boards see nothing of it.
    void operator()(core::user_set const& e) {
        *out_.mutable_user_changed()->mutable_user() = user_info(e.user);
        out_.mutable_user_changed()->set_by(e.by);
    }
    void operator()(core::device_set const& e) {
        *out_.mutable_device_changed()->mutable_device() = device_info(e.device);
        out_.mutable_device_changed()->set_by(e.by);
    }
    // docs/SETUP.md#services-and-counters-at-runtime: everyone follows; boards through board_copy.
    void operator()(core::service_set const& e) {
        *out_.mutable_service_changed()->mutable_service() = service_info(e.config, c_);
        out_.mutable_service_changed()->set_by(e.by);
        if (auto s = c_.config().find_service(e.config.id)) touched_.push_back(*s);  // a new line, or new targets
    }
    void operator()(core::counter_set const& e) {
        *out_.mutable_counter_set_up()->mutable_counter() = counter_info(e.config, c_.config());
        out_.mutable_counter_set_up()->set_by(e.by);
        all_lines();  // which counters serve a line changes its estimate
    }
    // docs/SETUP.md#hours-and-holidays: everyone follows (the hours are public); boards not who.
    void operator()(core::calendar_set const& e) {
        *out_.mutable_calendar_changed()->mutable_calendar() = calendar_info(e.calendar, c_.day());
        out_.mutable_calendar_changed()->set_by(e.by);
    }

private:
    void booking(core::booking_id id, v1::BookingChange change) {
        auto const* b = c_.appointments().find(id);
        if (!b) return;  // forgotten since (a replayed batch): nothing to show
        auto& m = *out_.mutable_booking_changed();
        *m.mutable_booking() = booking_row(*b, c_);
        m.set_change(change);
    }

    std::string number(core::ticket_ordinal t) const { return c_.number_of(c_.tickets()[t]); }
    std::string const& id(core::service_index s) const { return c_.config().services[s].id; }
    void called(core::ticket_ordinal t, core::counter_number n, bool recall) {
        auto& m = *out_.mutable_ticket_called();
        m.set_number(number(t));
        m.set_counter(n);
        m.set_service_id(id(c_.tickets()[t].current().service));
        m.set_recall(recall);
        touched_.push_back(c_.tickets()[t].current().service);
    }
    void counter(core::counter_number n) {
        *out_.mutable_counter_changed()->mutable_counter() = counter_view(c_, n);
        for (auto s : c_.config().find_counter(n)->services) touched_.push_back(s);  // open counters change estimates
    }
    void all_lines() {
        for (std::size_t s = 0; s < c_.config().services.size(); ++s) touched_.push_back(static_cast<core::service_index>(s));
    }

    core::centre const& c_;
    v1::Event& out_;
    std::vector<core::service_index>& touched_;
};

template <class T>
bool listed(std::vector<T> const& only, T const& value) {
    return only.empty() || std::binary_search(only.begin(), only.end(), value);
}

template <class T>
void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    v.shrink_to_fit();
}

}  // namespace

void fill_queue_line(v1::QueueLine& line, core::centre const& c, core::service_index s, core::time_point now) {
    line.set_service_id(c.config().services[s].id);
    line.set_waiting(static_cast<std::uint32_t>(c.queue(s).size()));
    auto range = c.estimated_range(s, now);
    line.set_estimated_wait_s(seconds(range.middle));
    line.set_estimated_low_s(seconds(range.low));
    line.set_estimated_high_s(seconds(range.high));
    line.set_open_counters(static_cast<std::uint32_t>(c.open_counters(s)));
    auto oldest = c.queue(s).oldest_issue();
    line.set_longest_wait_s(oldest ? seconds(now - *oldest) : 0);
}

std::shared_ptr<publication const> publish(core::centre const& c, std::vector<core::event> const& events,
                                           std::uint64_t first_sequence, core::time_point now,
                                           core::actor const& by) {
    auto p = std::make_shared<publication>();
    p->first_sequence = first_sequence;
    std::vector<core::service_index> touched;  // a vector, not a set: no allocation per service
    auto sequence = first_sequence;
    for (auto const& ev : events) {
        auto* out = google::protobuf::Arena::CreateMessage<v1::Event>(p->messages_arena());
        out->set_sequence(sequence++);
        out->set_at_ms(unix_ms(std::visit([](auto const& e) { return e.at; }, ev)));
        std::visit(translator{c, *out, touched}, ev);
        set_actor(*out, core::actor_of(ev, by));
        p->events.push_back(out);
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (auto s : touched) {
        auto* line = google::protobuf::Arena::CreateMessage<v1::QueueLine>(p->messages_arena());
        fill_queue_line(*line, c, s, now);
        p->lines.push_back(line);
    }
    return p;
}

v1::CounterView board_counter(v1::CounterView const& in) {
    v1::CounterView m;
    m.set_number(in.number());
    m.set_name(in.name());
    m.set_status(in.status());
    m.set_since_ms(in.since_ms());
    *m.mutable_service_ids() = in.service_ids();
    // "Now serving A012 at 3": the number was on the board when it was called; nothing else of it.
    if (in.has_current()) m.mutable_current()->set_number(in.current().number());
    return m;
}

v1::CentreInfo public_centre(v1::CentreInfo const& in) {
    v1::CentreInfo out;
    out.set_id(in.id());
    out.set_name(in.name());
    out.set_time_zone(in.time_zone());
    *out.mutable_languages() = in.languages();
    for (auto const& s : in.services()) {
        auto& m = *out.add_services();
        m.set_id(s.id());
        m.set_prefix(s.prefix());
        *m.mutable_names() = s.names();
        m.set_agency(s.agency());
        *m.mutable_agency_names() = s.agency_names();
        m.set_retired(s.retired());
        m.set_bookable(s.bookable());
    }
    for (auto const& c : in.counters()) {
        auto& m = *out.add_counters();
        m.set_number(c.number());
        m.set_name(c.name());
        *m.mutable_service_ids() = c.service_ids();
        m.set_retired(c.retired());
    }
    out.set_opening(in.opening());
    out.set_closing(in.closing());
    out.set_public_url(in.public_url());
    *out.mutable_calendar() = public_calendar(in.calendar());  // when the centre is open is the public's to know
    return out;
}

bool sees_public_centre(role r) {
    return r == role::kiosk || r == role::board || r == role::ticket_holder || r == role::rating_device;
}

std::optional<v1::Event> board_copy(v1::Event const& e) {
    v1::Event out;
    out.set_sequence(e.sequence());
    out.set_at_ms(e.at_ms());
    switch (e.kind_case()) {
    case v1::Event::kDayStarted:
        out.mutable_day_started()->set_day(e.day_started().day());
        for (auto const& counter : e.day_started().counters()) *out.mutable_day_started()->add_counters() = board_counter(counter);
        break;
    case v1::Event::kDayClosed: out.mutable_day_closed(); break;
    case v1::Event::kTicketIssued: {  // no priority class: who is elderly or disabled is nobody's business
        auto& m = *out.mutable_ticket_issued();
        m.set_number(e.ticket_issued().number());
        m.set_service_id(e.ticket_issued().service_id());
        break;
    }
    case v1::Event::kTicketCalled: {
        auto const& in = e.ticket_called();
        auto& m = *out.mutable_ticket_called();
        m.set_number(in.number());
        m.set_counter(in.counter());
        m.set_service_id(in.service_id());
        m.set_recall(in.recall());
        break;
    }
    case v1::Event::kServiceCompleted:
        out.mutable_service_completed()->set_number(e.service_completed().number());
        out.mutable_service_completed()->set_counter(e.service_completed().counter());
        break;
    case v1::Event::kTicketNoShow:
        out.mutable_ticket_no_show()->set_number(e.ticket_no_show().number());
        out.mutable_ticket_no_show()->set_counter(e.ticket_no_show().counter());
        break;
    case v1::Event::kTicketTransferred: {
        auto const& in = e.ticket_transferred();
        auto& m = *out.mutable_ticket_transferred();
        m.set_number(in.number());
        m.set_counter(in.counter());
        m.set_from_service_id(in.from_service_id());
        m.set_to_service_id(in.to_service_id());
        break;
    }
    case v1::Event::kTicketMoved: {  // the lines changed; why is not the hall's business
        auto& m = *out.mutable_ticket_moved();
        m.set_number(e.ticket_moved().number());
        m.set_from_service_id(e.ticket_moved().from_service_id());
        m.set_to_service_id(e.ticket_moved().to_service_id());
        break;
    }
    case v1::Event::kTicketCancelled: out.mutable_ticket_cancelled()->set_number(e.ticket_cancelled().number()); break;
    case v1::Event::kHallMessageSet: out.mutable_hall_message_set()->set_text(e.hall_message_set().text()); break;  // not who
    case v1::Event::kServiceChanged: {  // what a kiosk and a board show: names, not targets, nor who changed it
        auto const& in = e.service_changed().service();
        auto& m = *out.mutable_service_changed()->mutable_service();
        m.set_id(in.id());
        m.set_prefix(in.prefix());
        *m.mutable_names() = in.names();
        m.set_agency(in.agency());
        *m.mutable_agency_names() = in.agency_names();
        m.set_retired(in.retired());
        break;
    }
    case v1::Event::kCounterSetUp: {  // the counter's row: its number, name and services
        auto const& in = e.counter_set_up().counter();
        auto& m = *out.mutable_counter_set_up()->mutable_counter();
        m.set_number(in.number());
        m.set_name(in.name());
        *m.mutable_service_ids() = in.service_ids();
        m.set_retired(in.retired());
        break;
    }
    case v1::Event::kCalendarChanged:  // the hours, not who set them
        *out.mutable_calendar_changed()->mutable_calendar() = public_calendar(e.calendar_changed().calendar());
        break;
    case v1::Event::kCounterChanged: {  // which counter, and whether it is open: not who sits there, nor why it paused
        *out.mutable_counter_changed()->mutable_counter() = board_counter(e.counter_changed().counter());
        break;
    }
    // How a citizen rated a clerk is the manager's business; nothing on a board changes when
    // service starts (at 10,000 boards, a third fewer frames per visit: bench/README.md).
    case v1::Event::kTicketRated:
    case v1::Event::kServiceStarted:
    default: return std::nullopt;
    }
    return out;
}

void zone_filter::tidy() {
    sort_unique(services);
    sort_unique(counters);
}

bool zone_filter::shows_service(std::string const& id) const { return listed(services, id); }
bool zone_filter::shows_counter(std::uint32_t n) const { return listed(counters, n); }

bool zone_filter::shows(v1::Event const& e) const {
    switch (e.kind_case()) {
    case v1::Event::kTicketIssued: return shows_service(e.ticket_issued().service_id());
    case v1::Event::kTicketCalled:
        return shows_service(e.ticket_called().service_id()) && shows_counter(e.ticket_called().counter());
    case v1::Event::kServiceStarted: return shows_counter(e.service_started().counter());
    case v1::Event::kServiceCompleted: return shows_counter(e.service_completed().counter());
    case v1::Event::kTicketNoShow: return shows_counter(e.ticket_no_show().counter());
    case v1::Event::kTicketTransferred: return shows_counter(e.ticket_transferred().counter());
    case v1::Event::kTicketMoved:
        return shows_service(e.ticket_moved().from_service_id()) || shows_service(e.ticket_moved().to_service_id());
    case v1::Event::kCounterChanged: return shows_counter(e.counter_changed().counter().number());
    case v1::Event::kServiceChanged: return shows_service(e.service_changed().service().id());
    case v1::Event::kCounterSetUp: return shows_counter(e.counter_set_up().counter().number());
    default: return true;  // day events, cancellations: everyone
    }
}

bool zone_filter::shows(v1::QueueLine const& l) const { return shows_service(l.service_id()); }

}  // namespace novbe::net
