#pragma once
// Whose data folder this is (docs/SETUP.md#one-source-of-truth): the [centre] id and languages
// the log was written with, kept beside it, so that a start or an offline command given another
// centre's file is refused before it writes a thing.
#include "database.hpp"

#include <string>
#include <vector>

namespace novbe::store {

struct folder_owner {
    std::string id;                      // [centre] id
    std::vector<std::string> languages;  // [centre] languages, in the file's order
    // A start (`run`) may change the languages, as it may any [centre] key; an offline command
    // acts for the running server and must use its file, so it refuses a change instead.
    bool languages_may_change = true;
    // A reader's look (check-config, config export on a stopped folder): the id is checked, and
    // nothing is recorded or changed.
    bool only_check = false;
};

// Records `owner` in a folder that has none yet (a new one, or one from before schema 6), or
// checks it against the one recorded: another id is refused (store_error), and so are other
// languages unless they may change, in which case the new ones are kept (unless `only_check`).
// Returns the languages kept before, when they differ; empty otherwise.
std::vector<std::string> claim_folder(database& db, folder_owner const& owner);

}  // namespace novbe::store
