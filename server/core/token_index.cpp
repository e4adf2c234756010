#include "token_index.hpp"

#include <bit>
#include <cstdint>
#include <stdexcept>

namespace novbe::core {

// Both halves stirred, then the top bits: well spread for random tokens and for the tests'
// and benchmarks' counted ones alike.
std::size_t token_index::first_slot(ticket_token const& token) const {
    auto mixed = (token.hi ^ (token.lo * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
    return static_cast<std::size_t>(mixed >> shift_);
}

std::optional<ticket_ordinal> token_index::find(ticket_token const& token) const {
    if (slots_.empty()) return std::nullopt;
    auto const mask = slots_.size() - 1;
    for (auto i = first_slot(token);; i = (i + 1) & mask) {
        auto const& s = slots_[i];
        if (s.ordinal == vacant) return std::nullopt;
        if (s.token == token) return s.ordinal;
    }
}

bool token_index::insert(ticket_token const& token, ticket_ordinal ordinal) {
    if (ordinal == vacant) throw std::out_of_range("token_index: ticket ordinal out of range");
    if (2 * (size_ + 1) > slots_.size()) grow();
    auto const mask = slots_.size() - 1;
    for (auto i = first_slot(token);; i = (i + 1) & mask) {
        auto& s = slots_[i];
        if (s.ordinal == vacant) {
            s = {token, ordinal};
            ++size_;
            return true;
        }
        if (s.token == token) return false;
    }
}

void token_index::clear() {
    slots_.clear();  // a new day starts small; capacity comes back as it fills
    slots_.shrink_to_fit();
    size_ = 0;
    shift_ = 64;
}

void token_index::grow() {
    std::vector<slot> old;
    old.swap(slots_);
    auto const capacity = old.empty() ? std::size_t{1024} : old.size() * 2;
    slots_.assign(capacity, slot{});
    shift_ = 64 - std::countr_zero(capacity);
    size_ = 0;
    for (auto const& s : old)
        if (s.ordinal != vacant) insert(s.token, s.ordinal);
}

bool token_index::operator==(token_index const& other) const {
    if (size_ != other.size_) return false;
    for (auto const& s : slots_)
        if (s.ordinal != vacant && other.find(s.token) != s.ordinal) return false;
    return true;
}

}  // namespace novbe::core
