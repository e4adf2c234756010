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

// The days' rows and their sums, services in the centre's order (then any it
// no longer has, by id).
void fill(v1::History& h, core::day_number from, core::day_number to, std::vector<store::service_day> const& rows,
          core::centre_config const& config) {
    std::map<std::string, core::figures> sums;
    auto row = rows.begin();
    for (auto d = from; d <= to; ++d) {
        auto& day = *h.add_days();
        day.set_day(date_of(d));
        for (; row != rows.end() && row->day == d; ++row) {
            put(*day.add_by_service(), row->service, row->figures);
            sums[row->service] += row->figures;
        }
    }
    for (auto const& s : config.services)
        if (auto it = sums.find(s.id); it != sums.end()) {
            put(*h.add_by_service(), s.id, it->second);
            sums.erase(it);
        }
    for (auto const& [id, f] : sums) put(*h.add_by_service(), id, f);
}

}  // namespace

void history_read(command_context const& x, v1::ClientMessage const& m, v1::ServerMessage& out) {
    auto const& ask = m.get_history();
    auto from = day_of_date(ask.from());
    auto to = day_of_date(ask.to());
    if (!from || !to) return refuse(out, v1::ERROR_CODE_INVALID_ARGUMENT, "GetHistory's from and to are dates, YYYY-MM-DD.");
    if (*to < *from) return refuse(out, v1::ERROR_CODE_INVALID_ARGUMENT, "The range ends before it starts.");
    if (*to - *from >= store::history_reader::max_days)
        return refuse(out, v1::ERROR_CODE_INVALID_ARGUMENT, "A range has at most 92 days.");
    auto const today = x.state.day();
    std::vector<store::service_day> rows;
    // Earlier days from the log's rows; today from the engine itself, as GetStatistics has it.
    auto const last_kept = today == core::no_day ? *to : std::min(*to, today - 1);
    if (*from <= last_kept) {
        if (!x.sources || !x.sources->history)
            return refuse(out, v1::ERROR_CODE_INTERNAL, "This server keeps no history of earlier days.");
        try {
            rows = x.sources->history(*from, last_kept);
        } catch (std::exception const& e) {
            return refuse(out, v1::ERROR_CODE_INTERNAL, e.what());
        }
    }
    if (today != core::no_day && today >= *from && today <= *to) {
        auto const& by_service = x.state.statistics().by_service;
        for (std::size_t s = 0; s < by_service.size() && s < x.state.config().services.size(); ++s)
            rows.push_back({today, x.state.config().services[s].id, by_service[s]});
    }
    auto& h = *out.mutable_reply()->mutable_history();
    h.set_from(date_of(*from));
    h.set_to(date_of(*to));
    fill(h, *from, *to, rows, x.state.config());
}

void forwarding_read(command_context const& x, v1::ClientMessage const&, v1::ServerMessage& out) {
    auto& f = *out.mutable_reply()->mutable_forwarding();
    if (x.sources && x.sources->forwarding) f = x.sources->forwarding();
}

}  // namespace novbe::net
