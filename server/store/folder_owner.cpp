#include "folder_owner.hpp"

#include "schema.hpp"

namespace novbe::store {

namespace {

std::string joined(std::vector<std::string> const& languages) {
    std::string out;
    for (auto const& l : languages) out += (out.empty() ? "" : ",") + l;
    return out;
}

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
    }
    return out;
}

}  // namespace

std::vector<std::string> claim_folder(database& db, folder_owner const& owner) {
    transaction tx(db);
    statement read(db, "SELECT id, languages FROM centre_owner");
    if (!read.step()) {
        if (owner.only_check) return {};
        statement(db, "INSERT INTO centre_owner (id, languages) VALUES (?1, ?2)")
            .bind_text(1, owner.id)
            .bind_text(2, joined(owner.languages))
            .run();
        tx.commit();
        return {};
    }
    std::string const id(read.column_text(0));
    auto const languages = split(read.column_text(1));
    read.reset();
    if (id != owner.id)
        throw store_error(db.path() + ": this data folder belongs to centre '" + id + "'; the file's [centre] id is '" + owner.id +
                          "' (another centre's file? give the one this centre runs with)");
    if (languages == owner.languages) return {};
    if (!owner.languages_may_change)
        throw store_error(db.path() + ": this centre's languages are " + joined(languages) + "; the file's [centre] languages are " +
                          joined(owner.languages) + " (give the file the server runs with; a start with a new list changes them)");
    if (owner.only_check) return languages;
    statement(db, "UPDATE centre_owner SET languages = ?1").bind_text(1, joined(owner.languages)).run();
    tx.commit();
    return languages;
}

}  // namespace novbe::store
