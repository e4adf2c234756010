#pragma once
// Words a clerk or citizen understands for each refusal, by its code and in the reader's language
// (a citizen's on a kiosk, the clerk's `--lang` on the counter). They come from web/i18n/LANG.json,
// the pages' own texts, through a table client/CMakeLists.txt generates at build time.
#include "novbe.pb.h"

#include <optional>
#include <string>
#include <string_view>

namespace novbe::client {

// The sentence for `e` in `language` (English where it has none). The server's own sentence is
// kept where it says more: whose counter it is, which permission was refused, which value was
// wrong, which protocol version it speaks (after the reader's own words, in brackets, when the
// language is not English), and, in English, when a closed centre opens.
// `opens_at` ("08:00" on the centre's clock), when the caller knows it, puts CENTRE_CLOSED into
// the language with that time.
std::string describe(v1::Error const& e, std::string_view language = "en", std::string_view opens_at = {});

// The source's sentence for a code in exactly that language, without falling back to English.
std::optional<std::string_view> sentence(v1::ErrorCode code, std::string_view language);
// True for a refusal a citizen can meet ("refusal.CODE"); the others are "staffRefusal.CODE".
bool citizen_facing(v1::ErrorCode code);

}  // namespace novbe::client
