// Writes the dispatch target's seed corpus (tests/fuzz/corpus/dispatch/): a few real
// conversations, one per role, in the format of input_format.hpp. Run once by hand:
//   build/fuzz/tests/fuzz/novbe_fuzz_make_corpus tests/fuzz/corpus/dispatch
#include "input_format.hpp"
#include "novbe.pb.h"

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

using M = novbe::v1::ClientMessage;
enum role_byte : char { kiosk, clerk, board, manager, admin, ticket_holder, rating_device };

std::string record(M const& m, bool durable_after = true) { return novbe::fuzz::encode_record(m.SerializeAsString(), durable_after); }

M issue(std::string const& service, std::string const& key = {}) {
    M m;
    m.mutable_issue_ticket()->set_service_id(service);
    m.set_idempotency_key(key);
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: novbe_fuzz_make_corpus FOLDER\n";
        return 2;
    }
    std::vector<std::pair<std::string, std::string>> seeds;

    seeds.emplace_back("kiosk", std::string(1, kiosk) + record(issue("passport", "k/1"), false) +
                                    record(issue("passport", "k/1")) + record(issue("no_such_service")));

    M open, call, serve, done, pause, close;
    open.mutable_open_counter()->set_counter(1);
    call.mutable_call_next()->set_counter(1);
    serve.mutable_start_serving()->set_counter(1);
    done.mutable_complete_service()->set_counter(1);
    pause.mutable_pause_counter()->set_counter(1);
    close.mutable_close_counter()->set_counter(1);
    seeds.emplace_back("clerk", std::string(1, clerk) + record(open) + record(call, false) + record(serve) + record(done) +
                                    record(call) + record(pause) + record(close));

    M board_sub;
    board_sub.mutable_subscribe()->set_view(novbe::v1::VIEW_BOARD);
    board_sub.mutable_subscribe()->add_service_ids("passport");
    M centre;
    centre.mutable_get_centre();
    seeds.emplace_back("board", std::string(1, board) + record(board_sub) + record(centre));

    M stats, dash, rows;
    stats.mutable_get_statistics();
    dash.mutable_subscribe()->set_view(novbe::v1::VIEW_DASHBOARD);
    rows.mutable_get_tickets();
    M take;
    take.mutable_take_over_counter()->set_counter(1);
    seeds.emplace_back("manager", std::string(1, manager) + record(dash) + record(stats) + record(take) + record(rows));
    M history, lag;
    history.mutable_get_history()->set_from("2026-11-01");
    history.mutable_get_history()->set_to("2026-11-30");
    lag.mutable_get_forwarding();
    seeds.emplace_back("manager_history", std::string(1, manager) + record(history) + record(lag));

    M close_day;
    close_day.mutable_close_day();
    seeds.emplace_back("admin", std::string(1, admin) + record(stats) + record(close_day));

    M mine, follow, cancel;
    mine.mutable_get_ticket_status();
    follow.mutable_subscribe()->set_view(novbe::v1::VIEW_TICKET);
    cancel.mutable_cancel_ticket()->set_number("A001");
    seeds.emplace_back("ticket_holder", std::string(1, ticket_holder) + record(mine) + record(follow) + record(cancel));

    M rate;
    rate.mutable_rate_at_counter()->set_counter(1);
    rate.mutable_rate_at_counter()->set_score(5);
    M last;
    last.mutable_get_last_served()->set_counter(1);
    seeds.emplace_back("rating_device", std::string(1, rating_device) + record(last) + record(rate));

    for (auto const& [name, bytes] : seeds) {
        std::ofstream out(std::string(argv[1]) + "/" + name, std::ios::binary);
        out << bytes;
        if (!out) {
            std::cerr << "cannot write " << argv[1] << "/" << name << "\n";
            return 1;
        }
    }
    std::cout << seeds.size() << " seeds written to " << argv[1] << "\n";
    return 0;
}
