#include "command_handlers.hpp"

#include "net/audit_query.hpp"
#include "net/auth.hpp"
#include "net/calendar_handlers.hpp"
#include "net/check_in_handler.hpp"
#include "net/history_handlers.hpp"
#include "net/publication.hpp"
#include "net/service_handlers.hpp"
#include "net/setup_handlers.hpp"
#include "net/staff_booking_handlers.hpp"

#include <algorithm>
#include <cstddef>

namespace novbe::net {

namespace {

using M = v1::ClientMessage;
using made = std::variant<action, refusal>;

// The engine's set-up, not the file's: services are added at runtime (docs/SETUP.md).
core::service_index service_index_of(core::centre const& c, std::string const& id) {
    // An unknown id becomes an index past the end, which the engine refuses as unknown_service.
    return c.config().find_service(id).value_or(static_cast<core::service_index>(c.config().services.size()));
}

int score_of(std::uint32_t score) { return static_cast<int>(std::min(score, 100u)); }  // the engine refuses past 5

// Every counter command's reply: the counter as it is right after it. Counter commands act as
// the signed-in user: the engine refuses anyone but the counter's (docs/DOMAIN.md#counter-ownership).
action at_counter(core::command cmd, core::counter_number n) {
    return {std::move(cmd), [n](core::centre const& c, v1::Reply& r) { *r.mutable_counter() = counter_view(c, n); }};
}

// ---- mutating ----

made issue_ticket(command_context const& x, M const& m) {
    auto const& in = m.issue_ticket();
    // Appointments are checked in from a booking, never declared by a kiosk: a declared one
    // "due now" would jump the line.
    if (in.priority() == v1::PRIORITY_CLASS_APPOINTMENT || in.appointment_at_ms() != 0)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A kiosk issues normal and priority tickets; appointments are checked in."};
    auto const& known = x.config.profile.languages;
    auto language = in.language().empty() ? known.front() : in.language();
    // The ticket page and spoken calls use it: a language the centre has no words for would give
    // a mixed ticket. The refusal names the known ones, for the kiosk's installer.
    if (std::find(known.begin(), known.end(), language) == known.end()) {
        std::string list;
        for (auto const& k : known) list += (list.empty() ? "" : ", ") + k;
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT,
                       "This centre has no language " +
                           (language.size() <= 16 ? "\"" + language + "\"" : "of that length") + "; it speaks " + list +
                           "."};
    }
    core::issue_ticket cmd{.service = service_index_of(x.state, in.service_id()), .cls = engine_class(in.priority()),
                           .language = language,
                           .token = day_stamped_token(x.config.token_key, core::day_of(x.now, x.config.centre.rules.utc_offset,
                                                                                        x.config.centre.rules.day_start))};
    return action{cmd, [](core::centre const& c, v1::Reply& r) { *r.mutable_issued_ticket() = issued_ticket(c, c.tickets().back()); }};
}

made open_counter(command_context const& x, M const& m) {
    return at_counter(core::open_counter{m.open_counter().counter(), x.who.user}, m.open_counter().counter());
}
made close_counter(command_context const& x, M const& m) {
    return at_counter(core::close_counter{m.close_counter().counter(), x.who.user}, m.close_counter().counter());
}
made pause_counter(command_context const& x, M const& m) {
    return at_counter(core::pause_counter{m.pause_counter().counter(), m.pause_counter().reason(), x.who.user},
                      m.pause_counter().counter());
}
made resume_counter(command_context const& x, M const& m) {
    return at_counter(core::resume_counter{m.resume_counter().counter(), x.who.user}, m.resume_counter().counter());
}
made call_next(command_context const& x, M const& m) {
    return at_counter(core::call_next{m.call_next().counter(), x.who.user}, m.call_next().counter());
}
made call_ticket(command_context const& x, M const& m) {
    auto const& in = m.call_ticket();
    return at_counter(core::call_ticket{in.counter(), in.number(), x.who.user, in.reason()}, in.counter());
}
made recall_ticket(command_context const& x, M const& m) {
    return at_counter(core::recall_ticket{m.recall_ticket().counter(), x.who.user}, m.recall_ticket().counter());
}
made start_serving(command_context const& x, M const& m) {
    return at_counter(core::start_serving{m.start_serving().counter(), x.who.user}, m.start_serving().counter());
}
made complete_service(command_context const& x, M const& m) {
    return at_counter(core::complete_service{m.complete_service().counter(), m.complete_service().outcome(), x.who.user},
                      m.complete_service().counter());
}
made mark_no_show(command_context const& x, M const& m) {
    return at_counter(core::mark_no_show{m.mark_no_show().counter(), x.who.user}, m.mark_no_show().counter());
}
made transfer_ticket(command_context const& x, M const& m) {
    auto const& in = m.transfer_ticket();
    return at_counter(core::transfer_ticket{in.counter(), service_index_of(x.state, in.to_service_id()), x.who.user}, in.counter());
}

// A manager's: the counter becomes theirs, audited in the log with the reason.
made take_over_counter(command_context const& x, M const& m) {
    auto const& in = m.take_over_counter();
    return at_counter(core::take_over_counter{in.counter(), x.who.user, in.reason(), in.reason_code()}, in.counter());
}

made rate_service(command_context const& x, M const& m) {
    auto token = from_hex(m.rate_service().ticket_token()).value_or(core::ticket_token{});
    return action{core::rate_service{token, score_of(m.rate_service().score())},
                  [token, now = x.now](core::centre const& c, v1::Reply& r) {
                      *r.mutable_ticket_status() = ticket_status(c, *c.find_ticket(token), now);
                  }};
}

made rate_at_counter(command_context const& x, M const& m) {
    auto n = m.rate_at_counter().counter();
    return action{core::rate_at_counter{n, score_of(m.rate_at_counter().score())},
                  [n, now = x.now](core::centre const& c, v1::Reply& r) {
                      *r.mutable_ticket_status() = ticket_status(c, c.tickets()[*c.find_counter(n)->last_served], now);
                  }};
}

made cancel_ticket(command_context const& x, M const& m) {
    auto number = m.cancel_ticket().number();
    // A holder cancels their own without a reason; staff's cancel is an exception to the line.
    core::cancel_ticket cmd{number, m.cancel_ticket().reason(), x.who.kind == role::ticket_holder};
    return action{cmd, [number, now = x.now](core::centre const& c, v1::Reply& r) {
                      *r.mutable_ticket_status() = ticket_status(c, *c.find_ticket(number), now);
                  }};
}

// A manager's move of a waiting ticket, audited with its reason like a staff cancel.
made move_ticket(command_context const& x, M const& m) {
    auto const& in = m.move_ticket();
    auto number = in.number();
    return action{core::move_ticket{number, service_index_of(x.state, in.to_service_id()), in.reason()},
                  [number, now = x.now](core::centre const& c, v1::Reply& r) {
                      *r.mutable_ticket_status() = ticket_status(c, *c.find_ticket(number), now);
                  }};
}

made close_day(command_context const&, M const&) {
    return action{core::close_day{}, [](core::centre const&, v1::Reply& r) { r.mutable_empty(); }};
}

// The sender is the one recorded: the log says who told the hall what.
made set_hall_message(command_context const& x, M const& m) {
    return action{core::set_hall_message{m.set_hall_message().text(), x.who.user},
                  [](core::centre const&, v1::Reply& r) { r.mutable_empty(); }};
}

// docs/SETUP.md: defined here, so that the table below sees them at compile time.
made add_user(command_context const& x, M const& m) { return setup_add_user(x, m); }
made change_user(command_context const& x, M const& m) { return setup_change_user(x, m); }
made add_device(command_context const& x, M const& m) { return setup_add_device(x, m); }
made change_device(command_context const& x, M const& m) { return setup_change_device(x, m); }
made check_in(command_context const& x, M const& m) { return booking_check_in(x, m); }  // check_in_handler.cpp
// docs/SETUP.md#services-and-counters-at-runtime (service_handlers.cpp).
made add_service(command_context const& x, M const& m) { return setup_add_service(x, m); }
made change_service(command_context const& x, M const& m) { return setup_change_service(x, m); }
made retire_service(command_context const& x, M const& m) { return setup_retire_service(x, m); }
made add_counter(command_context const& x, M const& m) { return setup_add_counter(x, m); }
made change_counter(command_context const& x, M const& m) { return setup_change_counter(x, m); }
made retire_counter(command_context const& x, M const& m) { return setup_retire_counter(x, m); }
// docs/SETUP.md#hours-and-holidays (calendar_handlers.cpp).
made set_weekly_hours(command_context const& x, M const& m) { return setup_set_weekly_hours(x, m); }
made add_holiday(command_context const& x, M const& m) { return setup_add_holiday(x, m); }
made remove_holiday(command_context const& x, M const& m) { return setup_remove_holiday(x, m); }
made set_exception(command_context const& x, M const& m) { return setup_set_exception(x, m); }
// Staff's bookings, under the HTTP API's rules (staff_booking_handlers.cpp).
made book_visit(command_context const& x, M const& m) { return staff_book_visit(x, m); }
made cancel_booking(command_context const& x, M const& m) { return staff_cancel_booking(x, m); }
made book_offered(command_context const& x, M const& m) { return kiosk_book_offered(x, m); }  // docs/DOMAIN.md#last-ticket-cut-off

// ---- reads ----

void get_centre(command_context const& x, M const&, v1::ServerMessage& out) {
    auto info = centre_info(x.config, x.state);
    *out.mutable_reply()->mutable_centre() = sees_public_centre(x.who.kind) ? public_centre(info) : std::move(info);
}

void get_ticket_status(command_context const& x, M const& m, v1::ServerMessage& out) {
    auto token = from_hex(m.get_ticket_status().ticket_token());
    auto const* t = token ? x.state.find_ticket(*token) : nullptr;
    if (!t) out = engine_error(out.request_id(), core::errc::unknown_ticket);
    else *out.mutable_reply()->mutable_ticket_status() = ticket_status(x.state, *t, x.now);
}

void get_statistics(command_context const& x, M const&, v1::ServerMessage& out) {
    *out.mutable_reply()->mutable_statistics() = statistics(x.state, x.now);
}

void get_last_served(command_context const& x, M const& m, v1::ServerMessage& out) {
    auto const* counter = x.state.find_counter(m.get_last_served().counter());
    if (!counter) out = engine_error(out.request_id(), core::errc::unknown_counter);
    else if (!counter->last_served) out = engine_error(out.request_id(), core::errc::unknown_ticket);
    else *out.mutable_reply()->mutable_ticket_status() = ticket_status(x.state, x.state.tickets()[*counter->last_served], x.now);
}

void get_tickets(command_context const& x, M const&, v1::ServerMessage& out) {
    *out.mutable_reply()->mutable_tickets() = ticket_rows(x.state);
}

void get_counter(command_context const& x, M const& m, v1::ServerMessage& out) {
    auto n = m.get_counter().counter();
    if (!x.state.find_counter(n)) out = engine_error(out.request_id(), core::errc::unknown_counter);
    else *out.mutable_reply()->mutable_counter() = counter_view(x.state, n);
}

// GetAudit is read from the log on the audit reader's own thread (dispatcher::read_audit), never
// from memory; here only when a dispatcher has no reader (unit tests): its checks still answer.
void get_audit(command_context const& x, M const& m, v1::ServerMessage& out) {
    auto f = audit_filter_of(m.get_audit(), x.config, x.now);
    if (auto const* no = std::get_if<refusal>(&f)) out = error_reply(out.request_id(), no->code, no->message);
    else out = error_reply(out.request_id(), v1::ERROR_CODE_UNAVAILABLE, "This server has no audit reader.");
}

void list_users(command_context const& x, M const& m, v1::ServerMessage& out) { setup_list_users(x, m, out); }
void list_devices(command_context const& x, M const& m, v1::ServerMessage& out) { setup_list_devices(x, m, out); }
void check_config(command_context const& x, M const& m, v1::ServerMessage& out) { setup_check_config(x, m, out); }
void get_history(command_context const& x, M const& m, v1::ServerMessage& out) { history_read(x, m, out); }
void get_forwarding(command_context const& x, M const& m, v1::ServerMessage& out) { forwarding_read(x, m, out); }
void list_bookings(command_context const& x, M const& m, v1::ServerMessage& out) { staff_list_bookings(x, m, out); }

// ---- own-only ----

bool own_token(command_context const& x, std::string const& token) { return from_hex(token) == std::optional(x.who.ticket); }
bool rates_own(command_context const& x, M const& m) { return own_token(x, m.rate_service().ticket_token()); }
bool asks_own(command_context const& x, M const& m) { return own_token(x, m.get_ticket_status().ticket_token()); }
bool cancels_own(command_context const& x, M const& m) {
    auto const* own = x.state.find_ticket(x.who.ticket);
    return own && x.state.number_of(*own) == m.cancel_ticket().number();
}
bool pad_rates_own(command_context const& x, M const& m) { return m.rate_at_counter().counter() == x.who.counter; }
bool pad_asks_own(command_context const& x, M const& m) { return m.get_last_served().counter() == x.who.counter; }

// In the order of commands::table; the static_assert below keeps the two in step.
constexpr std::array<command_handler, commands::table.size()> handlers{{
    {M::kHello},
    {M::kIssueTicket, issue_ticket},
    {M::kOpenCounter, open_counter},
    {M::kCloseCounter, close_counter},
    {M::kPauseCounter, pause_counter},
    {M::kResumeCounter, resume_counter},
    {M::kCallNext, call_next},
    {M::kCallTicket, call_ticket},
    {M::kRecallTicket, recall_ticket},
    {M::kStartServing, start_serving},
    {M::kCompleteService, complete_service},
    {M::kMarkNoShow, mark_no_show},
    {M::kTransferTicket, transfer_ticket},
    {M::kTakeOverCounter, take_over_counter},
    {M::kRateService, rate_service, nullptr, rates_own},
    {M::kRateAtCounter, rate_at_counter, nullptr, pad_rates_own},
    {M::kGetTicketStatus, nullptr, get_ticket_status, asks_own},
    {M::kGetCentre, nullptr, get_centre},
    {M::kGetCounter, nullptr, get_counter},
    {M::kGetLastServed, nullptr, get_last_served, pad_asks_own},
    {M::kSubscribe},
    {M::kUnsubscribe},
    {M::kCancelTicket, cancel_ticket, nullptr, cancels_own},
    {M::kGetStatistics, nullptr, get_statistics},
    {M::kCloseDay, close_day},
    {M::kGetTickets, nullptr, get_tickets},
    {M::kSetHallMessage, set_hall_message},
    {M::kListUsers, nullptr, list_users},
    {M::kAddUser, add_user},
    {M::kChangeUser, change_user},
    {M::kListDevices, nullptr, list_devices},
    {M::kAddDevice, add_device},
    {M::kChangeDevice, change_device},
    {M::kCheckIn, check_in},
    {M::kGetHistory, nullptr, get_history},
    {M::kGetForwarding, nullptr, get_forwarding},
    {M::kGetAudit, nullptr, get_audit},
    {M::kMoveTicket, move_ticket},
    {M::kAddService, add_service},
    {M::kChangeService, change_service},
    {M::kRetireService, retire_service},
    {M::kAddCounter, add_counter},
    {M::kChangeCounter, change_counter},
    {M::kRetireCounter, retire_counter},
    {M::kSetWeeklyHours, set_weekly_hours},
    {M::kAddHoliday, add_holiday},
    {M::kRemoveHoliday, remove_holiday},
    {M::kSetException, set_exception},
    {M::kCheckConfig, nullptr, check_config},
    {M::kBookVisit, book_visit},
    {M::kListBookings, nullptr, list_bookings},
    {M::kCancelBooking, cancel_booking},
    {M::kBookOffered, book_offered},
}};

// Each row has its handler, and each handler the shape its row's effect needs.
consteval bool in_step() {
    for (std::size_t i = 0; i < handlers.size(); ++i) {
        auto const& row = commands::table[i];
        auto const& h = handlers[i];
        if (h.command != row.command) return false;
        if ((h.make != nullptr) != (row.kind == commands::effect::mutating)) return false;
        if ((h.read != nullptr) != (row.kind == commands::effect::read)) return false;
        if ((h.owns != nullptr) != (row.own != commands::own_rule::none)) return false;
    }
    return true;
}
static_assert(in_step(), "command_handlers and commands::table must list the same commands in the same order");

}  // namespace

command_handler const& handler_of(commands::row const& row) {
    return handlers[static_cast<std::size_t>(&row - commands::table.data())];
}

}  // namespace novbe::net
