#include "reason_config.hpp"

#include "config_file.hpp"

#include <algorithm>
#include <set>

namespace novbe::app {

namespace {

[[noreturn]] void fail(std::string const& path, toml::node const* at, std::string const& problem) {
    std::string where = path;
    if (at && at->source().begin)
        where += ":" + std::to_string(at->source().begin.line) + ":" + std::to_string(at->source().begin.column);
    throw config_error(where + ": " + problem);
}

// A code is a short machine word ("elderly"): what the log keeps and the CSV shows.
bool plain_code(std::string const& code) {
    return !code.empty() && code.size() <= core::max_reason_code &&
           std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

}  // namespace

std::vector<core::reason_config> read_reasons(std::string const& path, toml::table const& root,
                                              std::vector<std::string> const& languages) {
    auto const* list = root.get("reasons");
    if (!list) return core::default_reasons();
    auto const* array = list->as_array();
    if (!array || array->empty()) fail(path, list, "'reasons' is a list of [[reasons]] tables, at least one");
    if (array->size() > core::max_reasons) fail(path, list, "at most " + std::to_string(core::max_reasons) + " reasons");
    std::vector<core::reason_config> out;
    std::set<std::string> seen;
    for (auto const& node : *array) {
        auto const* t = node.as_table();
        if (!t) fail(path, &node, "each [[reasons]] entry is a table");
        auto code = t->get("code") ? t->get("code")->value<std::string>() : std::nullopt;
        if (!code || !plain_code(*code))
            fail(path, t, "a reason's 'code' is 1 to " + std::to_string(core::max_reason_code) +
                              " characters of a-z, 0-9 and _, e.g. \"elderly\"");
        if (!seen.insert(*code).second) fail(path, t->get("code"), "reason '" + *code + "' is listed twice");
        core::reason_config reason{.code = *code};
        if (auto const* names = t->get_as<toml::table>("names"))
            for (auto const& [language, value] : *names) {
                auto text = value.value<std::string>();
                if (!text || text->empty() || text->size() > 200) fail(path, &value, "a reason's name is 1 to 200 bytes of text");
                reason.names[std::string(language.str())] = *text;
            }
        for (auto const& language : languages)
            if (!reason.names.contains(language)) fail(path, t, "reason '" + *code + "' has no name in '" + language + "'");
        out.push_back(std::move(reason));
    }
    return out;
}

}  // namespace novbe::app
