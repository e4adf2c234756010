#include "history_handlers.hpp"

#include "net/read_sources.hpp"

#include <map>

namespace novbe::net {

namespace {

void refuse(v1::ServerMessage& out, v1::ErrorCode code, std::string message) {
    auto& e = *out.mutable_error();
    e.set_code(code);
    e.set_message(std::move(message));
}

}  // namespace

std::variant<history_ask, refusal> history_ask_of(core::centre const& state, v1::GetHistory const& ask) {
    auto from = day_of_date(ask.from());
    auto to = day_of_date(ask.to());
    if (!from || !to) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "GetHistory's from and to are dates, YYYY-MM-DD."};
    if (*to < *from) return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "The range ends before it starts."};
    if (*to - *from >= history_max_days)
        return refusal{v1::ERROR_CODE_INVALID_ARGUMENT, "A range has at most " + std::to_string(history_max_days) + " days."};
    history_ask a;
    a.from = *from;
    a.to = *to;
    auto const today = state.day();
    a.read_to = today == core::no_day ? *to : std::min(*to, today - 1);
    auto const& services = state.config().services;
    for (auto const& s : services) a.service_order.push_back(s.id);
    if (today != core::no_day && today >= *from && today <= *to) {
        auto const& by_service = state.statistics().by_service;
        for (std::size_t s = 0; s < by_service.size() && s < services.size(); ++s)
            a.today.push_back({today, services[s].id, by_service[s]});
        a.today_by_counter = state.statistics().by_counter;
        a.today_by_clerk = state.statistics().by_clerk;
    }
    return a;
}

void history_answer(history_ask const& ask, store::stored_range earlier, v1::ServerMessage& out) {
    auto rows = std::move(earlier.days);
    rows.insert(rows.end(), ask.today.begin(), ask.today.end());
    auto& h = *out.mutable_reply()->mutable_history();
    h.set_from(date_of(ask.from));
    h.set_to(date_of(ask.to));
    std::map<std::string, core::figures> sums;
    auto row = rows.begin();
    for (auto d = ask.from; d <= ask.to; ++d) {
        auto& day = *h.add_days();
        day.set_day(date_of(d));
        for (; row != rows.end() && row->day == d; ++row) {
            put(*day.add_by_service(), row->service, row->figures);
            sums[row->service] += row->figures;
        }
    }
    for (auto const& id : ask.service_order)
        if (auto it = sums.find(id); it != sums.end()) {
            put(*h.add_by_service(), id, it->second);
            sums.erase(it);
        }
    for (auto const& [id, f] : sums) put(*h.add_by_service(), id, f);
    for (auto const& [n, f] : ask.today_by_counter) earlier.by_counter[n] += f;
    for (auto const& [clerk, f] : ask.today_by_clerk) earlier.by_clerk[clerk] += f;
    for (auto& [n, f] : earlier.by_counter) put(*h.add_by_counter(), std::to_string(n), core::fold_pause_reasons(f));
    for (auto& [clerk, f] : earlier.by_clerk) put(*h.add_by_clerk(), clerk, core::fold_pause_reasons(f));
}

void history_read(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out) {
    auto made = history_ask_of(x.state, m.get_history());
    if (auto const* no = std::get_if<refusal>(&made)) return refuse(out, no->code, no->message);
    auto const& ask = std::get<history_ask>(made);
    store::stored_range earlier;
    if (ask.from <= ask.read_to) {
        if (!x.sources || !x.sources->history)
            return refuse(out, v1::ERROR_CODE_INTERNAL, "This server keeps no history of earlier days.");
        try {
            earlier = x.sources->history(ask.from, ask.read_to);
        } catch (std::exception const& e) {
            return refuse(out, v1::ERROR_CODE_INTERNAL, e.what());
        }
    }
    history_answer(ask, std::move(earlier), out);
}

void forwarding_read(command_context const& x, v1::ClientMessage const&, v1::ServerMessage& out) {
    auto& f = *out.mutable_reply()->mutable_forwarding();
    if (x.sources && x.sources->forwarding) f = x.sources->forwarding();
}

}  // namespace novbe::net
