#pragma once
// The clerk's actions by name, as the command line and the one-key screen both take them, into
// the protocol's commands; and a counter described in one sentence.
#include "novbe.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace novbe::counter {

// `action` is one of: open close next call recall start done no-show transfer pause resume show;
// `args` are what follows the counter number (call: NUMBER, done: [OUTCOME], transfer: SERVICE,
// pause: REASON). nullopt, with `error` set, for an unknown action or missing argument.
std::optional<v1::ClientMessage> make_command(std::string const& action, std::uint32_t counter,
                                              std::vector<std::string> const& args, std::string& error);

// "Counter 3: B001 (id_card) is being served, for 3:05." — `now_ms` gives the elapsed times.
std::string describe(v1::CounterView const& c, long long now_ms);

// "3:05" or "1:02:10".
std::string clock_text(long long seconds);

}  // namespace novbe::counter
