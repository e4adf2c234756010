#pragma once
// Today's tickets by their secret token (the one in the ticket's QR code): the phone page,
// ratings, and the duplicate check at every issue look tickets up by it. Tokens are random, so
// each look-up lands on memory no other work has warmed: abseil's open-addressing table costs
// one such miss where std::unordered_map's nodes cost two or three (a quarter of issue_ticket's
// time, bench/README.md). Behind a pointer so that only token_index.cpp includes abseil.
#include "ticket.hpp"

#include <cstddef>
#include <memory>
#include <optional>

namespace novbe::core {

class token_index {
public:
    token_index();
    ~token_index();
    token_index(token_index const& other);
    token_index& operator=(token_index const& other);
    token_index(token_index&& other) noexcept;
    token_index& operator=(token_index&& other) noexcept;

    std::optional<ticket_ordinal> find(ticket_token const& token) const;
    bool contains(ticket_token const& token) const { return find(token).has_value(); }
    bool insert(ticket_token const& token, ticket_ordinal ordinal);  // false if the token is taken
    void clear();
    std::size_t size() const;
    bool operator==(token_index const& other) const;

private:
    struct table;
    std::unique_ptr<table> table_;  // null only after a move
};

}  // namespace novbe::core
