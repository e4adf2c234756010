#pragma once
// Publications and board subscribers for the hub's tests: a ticket issued as one event, and a
// board that renders every EventBatch it is sent as "first-last: numbers; ".
#include "net/hub.hpp"

#include <gtest/gtest.h>

namespace novbe::net::testing {

// One command's publication: a ticket of `service` issued as event `sequence`.
inline std::shared_ptr<publication const> issue(std::uint64_t sequence, std::string const& service) {
    auto p = std::make_shared<publication>();
    p->first_sequence = sequence;
    auto* e = google::protobuf::Arena::CreateMessage<v1::Event>(&p->arena);
    e->set_sequence(sequence);
    e->mutable_ticket_issued()->set_service_id(service);
    e->mutable_ticket_issued()->set_number(service.substr(0, 1) + std::to_string(sequence));
    p->events.push_back(e);
    return p;
}

// "3-5: n5; " for an EventBatch: its range, then the numbers it shows.
inline std::string render(v1::EventBatch const& b) {
    std::string out = std::to_string(b.first_sequence()) + "-" + std::to_string(b.last_sequence()) + ":";
    for (auto const& e : b.events()) out += " " + e.ticket_issued().number();
    return out + "; ";
}

// A board subscriber that renders every batch it is sent.
struct board {
    std::shared_ptr<hub::subscriber> s = std::make_shared<hub::subscriber>();
    std::string seen;
    board(std::uint64_t id, std::uint64_t after, std::vector<std::string> services) {
        s->id = id;
        s->zone.services = std::move(services);
        s->after = after;
        s->live = true;
        s->send = [this](std::shared_ptr<std::string const> frame) {
            v1::ServerMessage m;
            ASSERT_TRUE(m.ParseFromString(*frame));
            seen += render(m.events());
        };
    }
};

}  // namespace novbe::net::testing
