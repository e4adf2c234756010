#include "token_index.hpp"

#include <absl/container/flat_hash_map.h>

namespace novbe::core {

struct token_index::table {
    absl::flat_hash_map<ticket_token, ticket_ordinal, ticket_token_hash> by_token;
};

token_index::token_index() : table_(std::make_unique<table>()) {}
token_index::~token_index() = default;
token_index::token_index(token_index const& other) : table_(std::make_unique<table>(other.table_ ? *other.table_ : table{})) {}
token_index& token_index::operator=(token_index const& other) {
    if (this != &other) table_ = std::make_unique<table>(other.table_ ? *other.table_ : table{});
    return *this;
}
token_index::token_index(token_index&& other) noexcept = default;
token_index& token_index::operator=(token_index&& other) noexcept = default;

std::optional<ticket_ordinal> token_index::find(ticket_token const& token) const {
    if (!table_) return std::nullopt;
    auto it = table_->by_token.find(token);
    if (it == table_->by_token.end()) return std::nullopt;
    return it->second;
}

bool token_index::insert(ticket_token const& token, ticket_ordinal ordinal) {
    if (!table_) table_ = std::make_unique<table>();
    return table_->by_token.emplace(token, ordinal).second;
}

void token_index::clear() {
    if (table_) table_->by_token.clear();
}

std::size_t token_index::size() const { return table_ ? table_->by_token.size() : 0; }

bool token_index::operator==(token_index const& other) const {
    if (size() != other.size()) return false;
    if (size() == 0) return true;
    for (auto const& [token, ordinal] : table_->by_token)
        if (other.find(token) != ordinal) return false;
    return true;
}

}  // namespace novbe::core
