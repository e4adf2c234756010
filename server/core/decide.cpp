// decide(): checks a command against the current state and says what happens, changing nothing.
#include "breach_forecast.hpp"
#include "centre.hpp"
#include "decide_setup.hpp"
#include "opening_hours.hpp"
#include "routing.hpp"

#include <algorithm>

namespace novbe::core {

namespace {
constexpr std::size_t max_text = 200;  // reasons, outcomes: a sentence, not a document

bool is_setup(command const& cmd) {
    return std::visit([](auto const& m) {
        using T = std::decay_t<decltype(m)>;
        return std::is_same_v<T, add_user> || std::is_same_v<T, change_user> || std::is_same_v<T, add_device> ||
               std::is_same_v<T, change_device> || std::is_same_v<T, add_service> ||
               std::is_same_v<T, change_service> || std::is_same_v<T, retire_service> ||
               std::is_same_v<T, add_counter> || std::is_same_v<T, change_counter> ||
               std::is_same_v<T, retire_counter> || std::is_same_v<T, set_weekly_hours> ||
               std::is_same_v<T, set_holiday> || std::is_same_v<T, set_exception>;
    }, cmd);
}
}

class decider {
public:
    decider(centre const& c, time_point now) : c_(c), now_(now) {}

    outcome operator()(issue_ticket const& cmd) const {
        if (cmd.service >= c_.config_.services.size()) return errc::unknown_service;
        if (c_.config_.services[cmd.service].retired) return errc::service_retired;
        if (auto closed = closed_now(); !closed.ok()) return closed;
        if (cmd.token.empty()) return errc::invalid_argument;
        if (cmd.language.size() > 16) return {errc::invalid_argument, "A language code has at most 16 bytes."};
        if ((cmd.cls == priority_class::appointment) != cmd.due.has_value()) return errc::invalid_argument;
        if (c_.tokens_.contains(cmd.token)) return errc::duplicate_token;
        auto ahead = c_.queues_[cmd.service].ahead_of_new(cmd.cls, cmd.due, now_, c_.config_.rules.appointment_early);
        auto const line = c_.outlook(cmd.service, cmd.cls, now_);
        auto wait = c_.not_before_due(centre::estimate(line, ahead), cmd.service, cmd.due, now_);
        if (auto passed = past_last_ticket(cmd, line, wait); !passed.ok()) return passed;
        return one(ticket_issued{.ticket = static_cast<ticket_ordinal>(c_.tickets_.size()),
                                 .service = cmd.service,
                                 .sequence = static_cast<std::uint32_t>(c_.numbers_[cmd.service].size() + 1),
                                 .cls = cmd.cls, .language = cmd.language, .token = cmd.token, .at = now_,
                                 .due = cmd.due, .estimated_wait = wait.middle,
                                 .people_ahead = static_cast<std::uint32_t>(ahead), .estimated_low = wait.low,
                                 .estimated_high = wait.high});
    }

    outcome operator()(open_counter const& cmd) const {
        auto const* counter = c_.find_counter(cmd.counter);
        if (!counter) return errc::unknown_counter;
        if (c_.config_.find_counter(cmd.counter)->retired) return errc::counter_retired;
        if (counter->open)
            return {errc::counter_already_open, "Counter " + std::to_string(cmd.counter) +
                                                    (counter->clerk == cmd.clerk ? " is open already, and yours."
                                                                                 : " is open already, " + counter->clerk + "'s.")};
        if (cmd.clerk.empty() || cmd.clerk.size() > max_text) return errc::clerk_required;
        return one(counter_opened{cmd.counter, cmd.clerk, now_});
    }

    outcome operator()(close_counter const& cmd) const {
        auto const* counter = c_.find_counter(cmd.counter);
        if (!counter) return errc::unknown_counter;
        if (!counter->open) return errc::counter_closed;
        if (auto e = owned(*counter, cmd.by); !e.ok()) return e;
        if (counter->current) return errc::counter_busy;
        return one(counter_closed{cmd.counter, now_});
    }

    outcome operator()(pause_counter const& cmd) const {
        if (auto e = callable(cmd.counter, cmd.by); !e.ok()) return e;
        if (cmd.reason.empty() || cmd.reason.size() > max_text)
            return {errc::invalid_argument, "A pause says why in 1 to 200 bytes."};
        return one(counter_paused{cmd.counter, cmd.reason, now_});
    }

    outcome operator()(resume_counter const& cmd) const {
        auto const* counter = c_.find_counter(cmd.counter);
        if (!counter) return errc::unknown_counter;
        if (!counter->open) return errc::counter_closed;
        if (auto e = owned(*counter, cmd.by); !e.ok()) return e;
        if (!counter->paused) return errc::counter_not_paused;
        return one(counter_resumed{cmd.counter, now_});
    }

    outcome operator()(call_next const& cmd) const {
        if (auto e = callable(cmd.counter, cmd.by); !e.ok()) return e;
        auto const& config = *c_.config_.find_counter(cmd.counter);
        auto const& state = *c_.find_counter(cmd.counter);
        auto next = choose_next(c_.config_, config, state, c_.queues_, now_);
        if (!next) return errc::nothing_waiting;
        return one(ticket_called{next->ticket, cmd.counter, state.clerk, now_});
    }

    outcome operator()(call_ticket const& cmd) const {
        if (auto e = callable(cmd.counter, cmd.by); !e.ok()) return e;
        auto const* t = c_.find_ticket(cmd.number);
        if (!t) return errc::unknown_ticket;
        if (t->state != ticket_state::waiting) return errc::ticket_not_waiting;
        auto const& serves = c_.config_.find_counter(cmd.counter)->services;
        if (std::find(serves.begin(), serves.end(), t->current().service) == serves.end())
            return errc::service_not_at_counter;
        if (auto e = reason_given(cmd.reason); !e.ok()) return e;
        return one(ticket_called{t->ordinal, cmd.counter, c_.find_counter(cmd.counter)->clerk, now_, cmd.reason});
    }

    // docs/DOMAIN.md#recalls
    outcome operator()(recall_ticket const& cmd) const {
        ticket const* t = nullptr;
        if (auto e = holding(cmd.counter, cmd.by, ticket_state::called, t); !e.ok()) return e;
        if (t->current().recalls >= c_.config_.rules.max_recalls) return errc::recall_limit_reached;
        return one(ticket_recalled{t->ordinal, cmd.counter, now_});
    }

    outcome operator()(start_serving const& cmd) const {
        ticket const* t = nullptr;
        if (auto e = holding(cmd.counter, cmd.by, ticket_state::called, t); !e.ok()) return e;
        return one(service_started{t->ordinal, cmd.counter, now_});
    }

    outcome operator()(complete_service const& cmd) const {
        ticket const* t = nullptr;
        if (auto e = holding(cmd.counter, cmd.by, ticket_state::serving, t); !e.ok()) return e;
        if (cmd.outcome.size() > max_text) return {errc::invalid_argument, "An outcome note has at most 200 bytes."};
        return one(service_completed{t->ordinal, cmd.counter, cmd.outcome, now_});
    }

    outcome operator()(mark_no_show const& cmd) const {
        ticket const* t = nullptr;
        if (auto e = holding(cmd.counter, cmd.by, ticket_state::called, t); !e.ok()) return e;
        return one(ticket_no_show{t->ordinal, cmd.counter, now_});
    }

    // docs/DOMAIN.md#transfer
    outcome operator()(transfer_ticket const& cmd) const {
        ticket const* t = nullptr;
        // Called or being served: a clerk who sees at the call that the citizen came to the
        // wrong line sends them on without starting a service that is not theirs.
        if (auto e = holding(cmd.counter, cmd.by, ticket_state::serving, t);
            !e.ok() && !(t && t->state == ticket_state::called))
            return e;
        if (cmd.to >= c_.config_.services.size()) return errc::unknown_service;
        if (c_.config_.services[cmd.to].retired) return errc::service_retired;
        if (cmd.to == t->current().service) return errc::same_service;
        return one(ticket_transferred{t->ordinal, cmd.counter, cmd.to, now_});
    }

    // A manager's: a waiting ticket to another line, out of its own, with a reason.
    outcome operator()(move_ticket const& cmd) const {
        auto const* t = c_.find_ticket(cmd.number);
        if (!t) return errc::unknown_ticket;
        if (t->state != ticket_state::waiting) return errc::ticket_not_waiting;
        if (cmd.to >= c_.config_.services.size()) return errc::unknown_service;
        if (c_.config_.services[cmd.to].retired) return errc::service_retired;
        if (cmd.to == t->current().service) return errc::same_service;
        if (auto e = reason_given(cmd.reason); !e.ok()) return e;
        return one(ticket_transferred{t->ordinal, 0, cmd.to, now_, cmd.reason});
    }

    outcome operator()(cancel_ticket const& cmd) const {
        auto const* t = c_.find_ticket(cmd.number);
        if (!t) return errc::unknown_ticket;
        if (t->state != ticket_state::waiting) return errc::ticket_not_waiting;
        if (cmd.by_holder) return one(ticket_cancelled{t->ordinal, now_});
        if (auto e = reason_given(cmd.reason); !e.ok()) return e;
        return one(ticket_cancelled{t->ordinal, now_, cmd.reason});
    }

    outcome operator()(rate_service const& cmd) const { return rate(c_.find_ticket(cmd.token), cmd.score); }

    outcome operator()(rate_at_counter const& cmd) const {
        auto const* counter = c_.find_counter(cmd.counter);
        if (!counter) return errc::unknown_counter;
        if (!counter->last_served) return errc::unknown_ticket;
        return rate(&c_.tickets_[*counter->last_served], cmd.score);
    }

    // One day_closed a day, whoever asks and however often the server restarts: a manager's
    // second CloseDay, or the tick after one, changes nothing.
    outcome operator()(close_day const&) const {
        if (c_.closed_) return std::vector<event>{};
        return one(day_closed{now_});
    }
    // Closing time closes the day by itself, decided here from the replayed state rather than
    // by a server that would forget across a restart that it had done so.
    // Time passes: bookings whose window has ended lapse, and the day closes at closing time;
    // otherwise the lines' alerts follow their forecast (docs/DOMAIN.md#alerts-before-a-breach).
    outcome operator()(tick const&) const {
        std::vector<event> out;
        for (auto const& e : c_.bookings_.decide(lapse_due{}, now_, c_).events) out.push_back(as_event(e));
        if (!c_.closed_ && phase_of(c_.config_.rules, calendar(), now_) == hours_phase::after_closing) out.push_back(day_closed{now_});
        else for (auto& e : alerts_due(c_, now_)) out.push_back(std::move(e));  // the next tick ends them after closing
        return out;
    }

    // A manager (the server checks the role) takes an open counter over with a reason; the
    // clerk's own counter needs no taking.
    outcome operator()(take_over_counter const& cmd) const {
        auto const* counter = c_.find_counter(cmd.counter);
        if (!counter) return errc::unknown_counter;
        if (!counter->open) return errc::counter_closed;
        if (cmd.by.empty() || cmd.by.size() > max_text) return errc::invalid_argument;
        if (cmd.by == counter->clerk)
            return {errc::invalid_argument, "Counter " + std::to_string(cmd.counter) + " is yours already: nothing to take over."};
        // The code first: REASON_REQUIRED says what a client forgot.
        if (cmd.code.empty())
            return {errc::reason_required, "A take-over needs one of the centre's reason codes, beside its words."};
        if (auto e = reason_given(cmd.code); !e.ok()) return e;
        if (cmd.reason.empty() || cmd.reason.size() > max_text)
            return {errc::invalid_argument, "A take-over says why in words too, 1 to 200 bytes, beside its reason code."};
        return one(counter_taken_over{cmd.counter, counter->clerk, cmd.by, cmd.reason, now_, cmd.code});
    }

    // docs/DOMAIN.md#hall-message: one line, bounded, from someone named.
    outcome operator()(set_hall_message const& cmd) const {
        if (cmd.by.empty()) return errc::invalid_argument;
        if (cmd.text.size() > max_hall_message)
            return {errc::invalid_argument, "A hall message has at most 200 bytes (this one has " + std::to_string(cmd.text.size()) + ")."};
        if (!is_plain_text(cmd.text))
            return {errc::invalid_argument, "A hall message is one line of text, without control characters."};
        if (cmd.text == c_.hall_message_) return fine();  // nothing changes: nothing to log
        return one(hall_message_set{cmd.text, cmd.by, now_});
    }

    outcome operator()(add_user const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(change_user const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(add_device const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(change_device const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(add_service const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(change_service const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(retire_service const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(add_counter const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(change_counter const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(retire_counter const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(set_weekly_hours const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(set_holiday const& cmd) const { return decide_setup(c_, cmd, now_); }
    outcome operator()(set_exception const& cmd) const { return decide_setup(c_, cmd, now_); }

private:
    static outcome one(event ev) {
        std::vector<event> events;
        events.push_back(std::move(ev));
        return events;
    }

    static outcome fine() { return std::vector<event>{}; }

    // Every exception to the line is explained: a code the centre lists, never none
    // (docs/DOMAIN.md#reasons).
    outcome reason_given(std::string const& code) const {
        if (code.empty()) return errc::reason_required;
        if (!c_.config_.knows_reason(code)) return errc::unknown_reason;
        return fine();
    }

    // Only the user the open counter belongs to may work it; the refusal names that user, which
    // staff may know.
    static outcome owned(counter_state const& counter, std::string const& by) {
        if (by == counter.clerk && !by.empty()) return fine();
        return {errc::counter_not_yours, "Counter " + std::to_string(counter.number) + " is " + counter.clerk +
                                             "'s until it is closed; a manager can take it over."};
    }

    // Tickets are issued in opening hours (today's, by the calendar) and not after the day was
    // closed; the refusal says when the centre opens again.
    outcome closed_now() const {
        auto const& rules = c_.config_.rules;
        if (!c_.closed_ && phase_of(rules, calendar(), now_) == hours_phase::open) return fine();
        auto opens = next_opening(rules, calendar(), now_, c_.closed_);
        if (!opens) return {errc::centre_closed, "The centre is closed; no opening hours are set ahead."};
        // The date too when it is not today's: after a CloseDay or in the evening the next opening is
        // another day's, and "at 08:00" alone reads as this morning's.
        using std::chrono::days;
        auto const opens_local = *opens - time_point{} + rules.utc_offset;
        auto const local = std::chrono::floor<std::chrono::minutes>(opens_local) % days{1};
        auto const opens_day = std::chrono::floor<days>(opens_local);
        auto const today = std::chrono::floor<days>(now_ - time_point{} + rules.utc_offset);
        auto const when = opens_day == today       ? "at " + clock_text(local)
                          : opens_day == today + days{1} ? "tomorrow at " + clock_text(local)
                                                         : "on " + date_text(static_cast<day_number>(opens_day.count())) + " at " + clock_text(local);
        return {errc::centre_closed, "The centre is closed; it opens again " + when + ".", opens};
    }
    calendar_config const& calendar() const { return c_.bookings_.config().calendar; }

    // docs/DOMAIN.md#last-ticket-cut-off: a walk-in ticket whose predicted call (now and the middle
    // of its estimate) falls after today's closing is refused, offering the first free booking of
    // a later day. Appointments (check-ins) are never cut off: their slot is the centre's promise.
    // Nor is a line no counter serves yet (none open or paused): its estimate is as if one opened
    // now, a guess, and the morning's first citizens before the counters open are not turned away.
    outcome past_last_ticket(issue_ticket const& cmd, centre::line_outlook const& line, wait_range const& wait) const {
        auto const& rules = c_.config_.rules;
        if (!rules.last_ticket_cutoff || cmd.cls == priority_class::appointment) return fine();
        if (line.line.open_counters + line.line.paused_for.size() + line.line.back_in.size() == 0) return fine();
        auto const today = day_of(now_, rules.utc_offset, rules.day_start);
        auto hours = hours_on(calendar(), today);
        if (!hours || hours->closing - hours->opening >= std::chrono::hours(24)) return fine();  // open all day
        auto const closes = moment_of(rules, today, hours->opening) + (hours->closing - hours->opening);
        if (now_ + wait.middle <= closes) return fine();
        auto slot = c_.bookings_.first_free_after_today(cmd.service, now_, c_);
        std::string said = "Today's tickets for this service are over: the line would not reach you before closing";
        if (!slot) return {errc::last_ticket_passed, said + ".", std::nullopt, std::nullopt};
        auto local = std::chrono::floor<std::chrono::minutes>(*slot - time_point{} + rules.utc_offset);
        auto day = std::chrono::floor<std::chrono::days>(local);
        return {errc::last_ticket_passed,
                said + "; the first free booking is on " + date_text(static_cast<day_number>(day.count())) + " at " +
                    clock_text(local - day) + ".",
                std::nullopt, slot};
    }

    // A counter that may call: open, the acting user's, not paused, with no ticket at it.
    outcome callable(counter_number number, std::string const& by) const {
        auto const* counter = c_.find_counter(number);
        if (!counter) return errc::unknown_counter;
        if (!counter->open) return errc::counter_closed;
        if (auto e = owned(*counter, by); !e.ok()) return e;
        if (counter->paused) return errc::counter_paused;
        if (counter->current) return errc::counter_busy;
        return fine();
    }

    // The acting user's counter holding a ticket in the state `expected`; `t` is that ticket.
    outcome holding(counter_number number, std::string const& by, ticket_state expected, ticket const*& t) const {
        auto const* counter = c_.find_counter(number);
        if (!counter) return errc::unknown_counter;
        if (!counter->open) return errc::counter_closed;
        if (auto e = owned(*counter, by); !e.ok()) return e;
        if (!counter->current) return errc::counter_idle;
        t = &c_.tickets_[*counter->current];
        if (t->state == expected) return fine();
        return expected == ticket_state::called ? errc::ticket_not_called : errc::ticket_not_serving;
    }

    // Once, 1 to 5, when done (docs/DOMAIN.md#rating).
    outcome rate(ticket const* t, int score) const {
        if (!t) return errc::unknown_ticket;
        if (score < 1 || score > 5) return errc::invalid_rating;
        if (t->state != ticket_state::done) return errc::ticket_not_done;
        if (t->rating != 0) return errc::already_rated;
        return one(ticket_rated{t->ordinal, static_cast<std::uint8_t>(score), now_});
    }

    centre const& c_;
    time_point now_;
};

// The local day and its roll-over: docs/DOMAIN.md#days.
outcome centre::decide(command const& cmd, time_point now) const {
    auto today = day_of(now, config_.rules.utc_offset, config_.rules.day_start);
    if (today <= day_) return std::visit(decider{*this, now}, cmd);  // a clock that steps back stays in today
    // The set-up (users, devices, services, counters) belongs to no day (docs/SETUP.md):
    // changing it starts none.
    if (is_setup(cmd)) return std::visit(decider{*this, now}, cmd);

    // A new day has begun: decide against the state the roll-over leaves, and log the roll first.
    day_started roll{today, now};
    centre next(config_);
    next.service_times_ = service_times_;
    next.bookings_ = bookings_;  // bookings are not of a day
    next.hall_message_ = hall_message_;  // a message outlives the day
    next.roster_ = roster_;              // so do the users and devices
    next.apply(roll);
    auto result = std::visit(decider{next, now}, cmd);
    if (result.ok()) result.events().insert(result.events().begin(), roll);
    return result;
}

}  // namespace novbe::core
