#pragma once
// The clerk's actions by name, as the command line and the one-key screen both take them, into
// the protocol's commands; and a counter described in one sentence.
#include "novbe.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::counter {

// `action` is one of: open close next call recall start done no-show transfer pause resume show;
// `args` are what follows the counter number (call: NUMBER, done: [OUTCOME], transfer: SERVICE,
// pause: REASON). nullopt, with `error` set, for an unknown action or missing argument.
std::optional<v1::ClientMessage> make_command(std::string const& action, std::uint32_t counter,
                                              std::vector<std::string> const& args, std::string& error);

// "Counter 3: B001 (Identity card) is being served, for 3:05." in `language`, the service by its
// name in `centre` (its id without one) — `now_ms` gives the elapsed times.
std::string describe(v1::CounterView const& c, long long now_ms, std::string_view language = "en",
                     v1::CentreInfo const& centre = {});

// What an action just did, from the counter before and after it: "A012 moved to Notary.",
// "A012 served.", "Counter opened."; empty for a look (show) that changed nothing.
std::string what_happened(std::string const& action, std::vector<std::string> const& args,
                          v1::CounterView const& before, v1::CounterView const& after, std::string_view language,
                          v1::CentreInfo const& centre);

// "Counter 3" in `language`, or the name the centre gave it.
std::string counter_name(v1::CounterView const& c, std::string_view language);
// A service's name in `language`, else in English, else any, else its id.
std::string service_name(v1::CentreInfo const& centre, std::string const& id, std::string_view language);
// A pause reason the screens offer (break, lunch, ...) in `language`; another as typed.
std::string reason_words(std::string const& reason, std::string_view language);

// "3:05" or "1:02:10".
std::string clock_text(long long seconds);
// "18 min" (rounded up, at least 1) in `language`: an estimate reads as a duration, not a time.
std::string minutes_text(long long seconds, std::string_view language);

}  // namespace novbe::counter
