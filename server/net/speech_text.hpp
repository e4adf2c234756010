#pragma once
// The sentences the server may speak: only a call ("Ticket A 12, please go to counter 3") in one
// of the centre's languages, built here from a ticket number and a counter number, never text
// from the network. The words are web/i18n/LANG.json's callSentence (a table made at build
// time, server/net/CMakeLists.txt), so the board's browser voice and the server say the same.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace novbe::net {

// The espeak-ng voice for a language ("az", "en-gb", "ru", "fr-fr"; Kinyarwanda, which
// espeak-ng lacks, "sw": web/README.md says why), or empty when there is none.
std::string_view speech_voice(std::string_view language);

// The sentence to say, or nullopt when the language has no sentence, the number is not a
// ticket number (1 to 4 capital letters, then 1 to 6 digits) or the counter is not 1 to 9999.
// Numbers are said as the board's browser voice says them: "A012" is "A 12". In Kinyarwanda,
// read by the Swahili voice, each digit is a Kinyarwanda word ("A, rimwe, kabiri"), since
// the Swahili voice would say the numbers in Swahili.
std::optional<std::string> call_sentence(std::string_view language, std::string_view number, std::uint32_t counter);

}  // namespace novbe::net
