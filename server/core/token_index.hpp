#pragma once
// Today's tickets by their secret token (the one in the ticket's QR code): the phone page,
// ratings, and the duplicate check at every issue look tickets up by it. Tokens are random, so
// each look-up lands on memory nothing else has warmed: this open-addressing table (linear
// probing, at most half full, tokens stored in the slots) costs one such miss where
// std::unordered_map's buckets and nodes cost two or three, which was a quarter of
// issue_ticket's time (bench/README.md). Nothing is ever removed but the whole day at once.
#include "ticket.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace novbe::core {

class token_index {
public:
    std::optional<ticket_ordinal> find(ticket_token const& token) const;
    bool contains(ticket_token const& token) const { return find(token).has_value(); }
    bool insert(ticket_token const& token, ticket_ordinal ordinal);  // false if the token is taken
    void clear();
    std::size_t size() const { return size_; }
    bool operator==(token_index const& other) const;  // the same tokens for the same tickets

private:
    static constexpr ticket_ordinal vacant = ~ticket_ordinal{0};  // no day has that many tickets
    struct slot {
        ticket_token token;
        ticket_ordinal ordinal = vacant;
    };
    std::size_t first_slot(ticket_token const& token) const;
    void grow();

    std::vector<slot> slots_;  // empty, or a power of two
    std::size_t size_ = 0;
    int shift_ = 64;           // 64 - log2(slots_.size()): Fibonacci hashing keeps the top bits
};

}  // namespace novbe::core
