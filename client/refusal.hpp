#pragma once
// Words a clerk or citizen understands for each refusal, by its code (the server's own message,
// in English, is the fallback for codes without words here).
#include "novbe.pb.h"

#include <string>

namespace novbe::client {

std::string describe(v1::Error const& e);

}  // namespace novbe::client
