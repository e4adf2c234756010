#pragma once
// What each ClientMessage command is, said once: who may send it, whether it is bound to the
// sender's own ticket or counter, and what it does to the centre. The server checks every
// command against it (server/net/command_handlers.cpp holds the handler of each row, in the same
// order, checked at compile time); the native clients give mutating commands an idempotency key
// by it; the web pages read the same table from the server as /commands.json.
#include "novbe.pb.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace novbe::commands {

using command_case = v1::ClientMessage::CommandCase;

// A set of the wire's roles.
class role_set {
public:
    constexpr role_set(std::initializer_list<v1::Role> roles) {
        for (auto r : roles) bits_ |= bit(r);
    }
    constexpr bool has(v1::Role r) const { return (bits_ & bit(r)) != 0; }

private:
    static constexpr std::uint32_t bit(v1::Role r) { return std::uint32_t{1} << static_cast<int>(r); }
    std::uint32_t bits_ = 0;
};

// What a command does. Mutating ones are answered only once durable and take an idempotency
// key; reads are answered once everything before them is durable, from the state then.
enum class effect : std::uint8_t { greeting, read, mutating, subscription };

// Bound principals act only on their own: a ticket holder on its ticket, a rating pad on its
// counter. Staff roles in the same row act on any. (Whose counter it is, is the engine's rule:
// it belongs to whoever opened it, or took it over, until closed: docs/DOMAIN.md#counter-ownership.
// So managers are in the rows of the counter commands, yet work only a counter they took over.)
enum class own_rule : std::uint8_t { none, own_ticket, own_counter };

struct row {
    command_case command;
    std::string_view name;  // the oneof field's name in novbe.proto
    role_set roles;
    effect kind;
    own_rule own = own_rule::none;
};

namespace detail {
using enum v1::Role;
using M = v1::ClientMessage;
constexpr role_set everyone{ROLE_KIOSK, ROLE_CLERK, ROLE_BOARD, ROLE_MANAGER, ROLE_ADMIN, ROLE_TICKET_HOLDER,
                            ROLE_RATING_DEVICE};
constexpr role_set clerk{ROLE_CLERK};
constexpr role_set staff{ROLE_CLERK, ROLE_MANAGER, ROLE_ADMIN};
constexpr role_set managers{ROLE_MANAGER, ROLE_ADMIN};
constexpr role_set admins{ROLE_ADMIN};  // the set-up (docs/SETUP.md)
// A kiosk follows the public board too: its service buttons show each line live.
constexpr role_set followers{ROLE_KIOSK, ROLE_CLERK, ROLE_BOARD, ROLE_MANAGER, ROLE_ADMIN, ROLE_TICKET_HOLDER};
}  // namespace detail

// One row per ClientMessage case, in the order of novbe.proto. A test walks the descriptor and
// fails when a case has no row.
inline constexpr std::array table{
    // clang-format off
    row{detail::M::kHello,           "hello",             detail::everyone, effect::greeting},
    row{detail::M::kIssueTicket,     "issue_ticket",      {v1::ROLE_KIOSK}, effect::mutating},
    row{detail::M::kOpenCounter,     "open_counter",      detail::clerk,    effect::mutating},
    row{detail::M::kCloseCounter,    "close_counter",     detail::staff,    effect::mutating},
    row{detail::M::kPauseCounter,    "pause_counter",     detail::staff,    effect::mutating},
    row{detail::M::kResumeCounter,   "resume_counter",    detail::staff,    effect::mutating},
    row{detail::M::kCallNext,        "call_next",         detail::staff,    effect::mutating},
    row{detail::M::kCallTicket,      "call_ticket",       detail::staff,    effect::mutating},
    row{detail::M::kRecallTicket,    "recall_ticket",     detail::staff,    effect::mutating},
    row{detail::M::kStartServing,    "start_serving",     detail::staff,    effect::mutating},
    row{detail::M::kCompleteService, "complete_service",  detail::staff,    effect::mutating},
    row{detail::M::kMarkNoShow,      "mark_no_show",      detail::staff,    effect::mutating},
    row{detail::M::kTransferTicket,  "transfer_ticket",   detail::staff,    effect::mutating},
    row{detail::M::kTakeOverCounter, "take_over_counter", detail::managers, effect::mutating},
    row{detail::M::kRateService,     "rate_service",      {v1::ROLE_TICKET_HOLDER}, effect::mutating, own_rule::own_ticket},
    row{detail::M::kRateAtCounter,   "rate_at_counter",   {v1::ROLE_RATING_DEVICE}, effect::mutating, own_rule::own_counter},
    row{detail::M::kGetTicketStatus, "get_ticket_status", {v1::ROLE_TICKET_HOLDER, v1::ROLE_KIOSK, v1::ROLE_MANAGER, v1::ROLE_ADMIN},
        effect::read, own_rule::own_ticket},
    row{detail::M::kGetCentre,       "get_centre",        detail::everyone, effect::read},
    row{detail::M::kGetCounter,      "get_counter",       detail::staff,    effect::read},
    row{detail::M::kGetLastServed,   "get_last_served",   {v1::ROLE_RATING_DEVICE, v1::ROLE_MANAGER, v1::ROLE_ADMIN},
        effect::read, own_rule::own_counter},
    row{detail::M::kSubscribe,       "subscribe",         detail::followers, effect::subscription},
    row{detail::M::kUnsubscribe,     "unsubscribe",       detail::followers, effect::subscription},
    row{detail::M::kCancelTicket,    "cancel_ticket",     {v1::ROLE_TICKET_HOLDER, v1::ROLE_MANAGER, v1::ROLE_ADMIN},
        effect::mutating, own_rule::own_ticket},
    row{detail::M::kGetStatistics,   "get_statistics",    detail::staff,    effect::read},
    row{detail::M::kCloseDay,        "close_day",         detail::managers, effect::mutating},
    row{detail::M::kGetTickets,      "get_tickets",       detail::managers, effect::read},
    row{detail::M::kSetHallMessage,  "set_hall_message",  detail::managers, effect::mutating},
    row{detail::M::kListUsers,       "list_users",        detail::managers, effect::read},
    row{detail::M::kAddUser,         "add_user",          detail::admins,   effect::mutating},
    row{detail::M::kChangeUser,      "change_user",       detail::admins,   effect::mutating},
    row{detail::M::kListDevices,     "list_devices",      detail::managers, effect::read},
    row{detail::M::kAddDevice,       "add_device",        detail::admins,   effect::mutating},
    row{detail::M::kChangeDevice,    "change_device",     detail::admins,   effect::mutating},
    row{detail::M::kCheckIn,         "check_in",          {v1::ROLE_KIOSK}, effect::mutating},
    row{detail::M::kGetHistory,      "get_history",       detail::managers, effect::read},
    row{detail::M::kGetForwarding,   "get_forwarding",    detail::managers, effect::read},
    row{detail::M::kGetAudit,        "get_audit",         detail::managers, effect::read},
    row{detail::M::kMoveTicket,      "move_ticket",       detail::managers, effect::mutating},
    row{detail::M::kAddService,      "add_service",       detail::admins,   effect::mutating},
    row{detail::M::kChangeService,   "change_service",    detail::admins,   effect::mutating},
    row{detail::M::kRetireService,   "retire_service",    detail::admins,   effect::mutating},
    row{detail::M::kAddCounter,      "add_counter",       detail::admins,   effect::mutating},
    row{detail::M::kChangeCounter,   "change_counter",    detail::admins,   effect::mutating},
    row{detail::M::kRetireCounter,   "retire_counter",    detail::admins,   effect::mutating},
    row{detail::M::kSetWeeklyHours,  "set_weekly_hours",  detail::admins,   effect::mutating},
    row{detail::M::kAddHoliday,      "add_holiday",       detail::admins,   effect::mutating},
    row{detail::M::kRemoveHoliday,   "remove_holiday",    detail::admins,   effect::mutating},
    row{detail::M::kSetException,    "set_exception",     detail::admins,   effect::mutating},
    row{detail::M::kCheckConfig,     "check_config",      detail::admins,   effect::read},
    row{detail::M::kBookVisit,       "book_visit",        detail::managers, effect::mutating},
    row{detail::M::kListBookings,    "list_bookings",     detail::managers, effect::read},
    row{detail::M::kCancelBooking,   "cancel_booking",    detail::managers, effect::mutating},
    row{detail::M::kBookOffered,     "book_offered",      {v1::ROLE_KIOSK}, effect::mutating},
    // clang-format on
};

// The row of a command, or null for COMMAND_NOT_SET and cases newer than this table.
row const* find(command_case c);
inline bool is_mutating(command_case c) {
    auto const* r = find(c);
    return r && r->kind == effect::mutating;
}

// The table as JSON for the web pages: [{"command":"issueTicket","effect":"mutating",
// "roles":["ROLE_KIOSK"],"own":"none"}, ...]; command names as protobufjs spells them.
std::string table_json();

}  // namespace novbe::commands
