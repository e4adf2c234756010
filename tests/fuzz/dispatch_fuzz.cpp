// libFuzzer target: bytes -> decoded ClientMessages from one role, dispatched into a real engine
// behind the in-memory log (tests/unit/net/memory_log.hpp), made durable every few messages.
// Whatever comes in: no crash, UB or leak; every request gets exactly one answer once all is
// durable (a successful Subscribe's is its first frame); every answer decodes; the engine's
// whole-state invariants hold (tests/unit/core/invariants.hpp). See docs/RELIABILITY.md#fuzzing.
#include "app/config_file.hpp"
#include "input_format.hpp"
#include "invariants.hpp"
#include "memory_log.hpp"
#include "net/auth.hpp"
#include "net/dispatcher.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>

namespace {

using namespace novbe;
using M = v1::ClientMessage;

[[noreturn]] void broken(std::string const& why) {
    std::fprintf(stderr, "dispatch_fuzz: %s\n", why.c_str());
    std::abort();
}

// The demo centre (deploy/demo/centre.toml): a dozen services in five languages, counters, devices.
net::settings const& demo() {
    static net::settings const s = app::load_config(NOVBE_DEMO_CONFIG);
    return s;
}

// One connection's worth of state, fresh for every input so that runs are reproducible.
struct harness {
    boost::asio::io_context io;
    net::testing::memory_log log;
    net::hub hub;
    core::time_point clock{std::chrono::hours(24 * 20'000 + 6)};  // 10:00 in Baku: open
    net::centre_service centre{io.get_executor(), log, core::centre(demo().centre), 0, [this] { return clock; }, hub};
    net::dispatcher dispatch{centre, demo(), io.get_executor(), io.get_executor()};
    std::map<std::uint64_t, std::vector<v1::ServerMessage::BodyCase>> answers;  // request id -> through `send`
    std::map<std::uint64_t, int> frames;                                          // request id -> hub frames

    void settle() {
        log.make_durable();
        io.poll();
        io.restart();
    }
    net::dispatcher::connection to() {
        return {this,
                [this](v1::ServerMessage const& out) {
                    v1::ServerMessage back;
                    if (!back.ParseFromString(out.SerializeAsString())) broken("an answer does not decode");
                    answers[out.request_id()].push_back(back.body_case());
                },
                [this](std::shared_ptr<std::string const> frame) {
                    v1::ServerMessage back;
                    if (!frame || !back.ParseFromString(*frame)) broken("a subscription frame does not decode");
                    ++frames[back.request_id()];
                }};
    }
};

using body = v1::ServerMessage::BodyCase;

// One answer per request (docs/PROTOCOL.md#requests-and-replies): a reply or an error; a Subscribe's is its Snapshot,
// or its missed events as a frame (a resume), or SEQUENCE_TOO_OLD followed by a Snapshot.
bool answered_once(std::vector<body> const& got, bool subscribe, int frames) {
    if (!subscribe) return got.size() == 1 && (got[0] == body::kReply || got[0] == body::kError);
    if (got.empty()) return frames > 0;
    if (got.size() == 1) return got[0] == body::kSnapshot || got[0] == body::kError;
    return got.size() == 2 && got[0] == body::kError && got[1] == body::kSnapshot;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size < 1) return 0;
    std::span<std::uint8_t const> in{data, size};
    harness h;
    // Two tickets to act on, issued by the entrance kiosk; a ticket holder holds the first.
    std::vector<std::string> tokens;
    for (std::uint64_t id = 1; id <= 2; ++id) {
        M issue;
        issue.set_request_id(id);
        issue.mutable_issue_ticket()->set_service_id(id == 1 ? "passport" : "id_card");
        h.dispatch.handle({.kind = net::role::kiosk, .user = "kiosk hall entrance"}, issue,
                          {&h, [&](v1::ServerMessage const& out) { tokens.push_back(out.reply().issued_ticket().token()); }, [](auto) {}});
        h.settle();
    }
    if (tokens.size() != 2 || tokens[0].empty()) broken("the demo centre did not issue its setup tickets");

    constexpr net::role roles[] = {net::role::kiosk,   net::role::clerk,         net::role::board,        net::role::manager,
                                   net::role::admin,   net::role::ticket_holder, net::role::rating_device};
    net::identity who{.kind = roles[in[0] % std::size(roles)], .user = "clerk", .counter = 1};
    if (who.kind == net::role::ticket_holder) who.ticket = *net::from_hex(tokens[0]);
    in = in.subspan(1);

    auto const connection = h.to();
    std::vector<std::uint64_t> sent;
    std::map<std::uint64_t, bool> subscribes;
    std::uint64_t next_id = 100;
    while (auto r = novbe::fuzz::next_record(in)) {
        M m;
        if (!m.ParseFromArray(r->bytes.data(), static_cast<int>(r->bytes.size()))) continue;  // the server closes these
        if (sent.size() >= 64) break;  // a connection's worth; longer inputs only slow the fuzzer down
        m.set_request_id(next_id++);   // distinct ids, so that answers can be counted
        h.clock += std::chrono::minutes(r->advance_minutes);
        sent.push_back(m.request_id());
        subscribes[m.request_id()] = m.has_subscribe();
        h.dispatch.handle(who, m, connection);
        h.io.poll();
        h.io.restart();
        if (r->durable_after) h.settle();
    }
    h.settle();

    for (auto id : sent)
        if (!answered_once(h.answers[id], subscribes[id], h.frames[id]))
            broken("request " + std::to_string(id) + " got " + std::to_string(h.answers[id].size()) + " answers and " +
                   std::to_string(h.frames[id]) + " frames");
    if (h.log.pending() != 0) broken("events left pending after the log was made durable");
    if (auto why = core::testing::check_invariants(h.centre.state()); !why.empty()) broken(why);
    h.dispatch.disconnected(&h);
    return 0;
}
