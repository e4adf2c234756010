#pragma once
// The clerk's words (`staff.counter.*` of web/i18n/LANG.json, the counter page's own), in the
// five languages, through a table counter/CMakeLists.txt generates at build time: the screen,
// the prompts and the answers read in the language the clerk chose with --lang.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace novbe::counter {

std::vector<std::string> known_languages();  // "az", "en", ...
bool knows(std::string_view language);

// staff.counter.KEY in `language` (in English where it has none), {placeholders} filled.
std::string say(std::string_view language, std::string_view key,
                std::initializer_list<std::pair<std::string_view, std::string>> values = {});

}  // namespace novbe::counter
