#pragma once
// The English of a refusal that says no more than its code: web/i18n/en.json's sentence for that
// wire code ("refusal.CODE", else "staffRefusal.CODE"), built in by server/net/CMakeLists.txt, so
// that a client reads the same words from the server as from the pages. Refusals that say more
// (which role, whose counter, which limit, which value) keep their own exact sentences.
#include "novbe.pb.h"

#include <cstdint>
#include <string_view>

namespace novbe::net {

// en.json's sentence for `code`; every wire code has one (the build fails otherwise).
std::string_view sentence(v1::ErrorCode code);

// An Error answer to `request_id` in those words.
v1::ServerMessage generic_refusal(std::uint64_t request_id, v1::ErrorCode code);

}  // namespace novbe::net
