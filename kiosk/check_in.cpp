#include "check_in.hpp"

#include "client/refusal.hpp"
#include "kiosk/texts.hpp"
#include "kiosk/ticket.hpp"

#include <cctype>

namespace novbe::kiosk {

namespace {

bool hex(std::string_view s) {
    for (unsigned char c : s)
        if (!std::isxdigit(c)) return false;
    return true;
}

std::string replace(std::string text, std::string_view placeholder, std::string const& value) {
    if (auto at = text.find(placeholder); at != std::string::npos) text.replace(at, placeholder.size(), value);
    return text;
}

}  // namespace

v1::ClientMessage check_in_request(std::string_view typed, std::string const& language) {
    while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.front()))) typed.remove_prefix(1);
    while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.back()))) typed.remove_suffix(1);
    auto code = typed;
    if (code.size() > 32 && code.back() == '/') code.remove_suffix(1);
    if (code.size() > 32 && hex(code.substr(code.size() - 32)) && !std::isxdigit(static_cast<unsigned char>(code[code.size() - 33])))
        code = code.substr(code.size() - 32);
    else code = typed;
    v1::ClientMessage m;
    m.mutable_check_in()->set_code(std::string(code));  // the server bounds it (64 bytes)
    m.mutable_check_in()->set_language(language);
    return m;
}

std::string check_in_refusal(v1::Error const& e, std::string const& language, std::string const& time_zone,
                             long long now_ms) {
    auto const& words = texts_for(language);
    if (e.code() == v1::ERROR_CODE_BOOKING_TOO_EARLY && e.check_in_from_ms() > 0) {
        auto when = local_time_text(e.check_in_from_ms(), time_zone);  // "01.12.2026 10:00"
        auto today = local_time_text(now_ms, time_zone);
        if (when.size() > 11 && when.substr(0, 10) == today.substr(0, 10)) when = when.substr(11);
        return replace(words.check_in_too_early, "{time}", when);
    }
    if (e.code() == v1::ERROR_CODE_BOOKING_LAPSED) return words.check_in_lapsed;
    return client::describe(e, language);
}

}  // namespace novbe::kiosk
