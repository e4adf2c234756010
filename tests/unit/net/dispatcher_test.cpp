// The dispatcher behind an in-memory log: roles and own-only rules from the command table,
// answers held until durable, and idempotency keys that answer a retry with the first answer.
#include "dispatcher_rig.hpp"
#include "net/auth.hpp"

#include <gtest/gtest.h>

namespace novbe::net {
namespace {

using M = v1::ClientMessage;
namespace pb = google::protobuf;

class dispatcher_test : public ::testing::Test, protected testing::dispatcher_rig {
protected:
    dispatcher_test() : dispatcher_rig(english()) {
        centre_.on_store_failure = [this](std::string const& why) { store_failure_ = why; };
    }
    // Sends `m` as `who`; the answers so far, after the event loop ran.
    std::vector<v1::ServerMessage>& send(identity const& who, M m, std::uint64_t id = 1) {
        m.set_request_id(id);
        dispatch_.handle(who, m, {this, [this](v1::ServerMessage const& out) { answers_.push_back(out); }, [](auto) {}});
        io_.poll();
        io_.restart();
        return answers_;
    }
    void durable() {
        log_.make_durable();
        io_.poll();
        io_.restart();
    }
    static M issue() {
        M m;
        m.mutable_issue_ticket()->set_service_id("passport");
        return m;
    }

    std::vector<v1::ServerMessage> answers_;
    std::string store_failure_;
    identity kiosk_{.kind = role::kiosk, .user = "entrance"};
};

TEST_F(dispatcher_test, an_issue_is_answered_only_once_it_is_durable) {
    EXPECT_TRUE(send(kiosk_, issue()).empty());
    EXPECT_EQ(1u, log_.pending());
    durable();
    ASSERT_EQ(1u, answers_.size());
    EXPECT_EQ("A001", answers_[0].reply().issued_ticket().number());
}

TEST_F(dispatcher_test, a_failed_commit_answers_nothing_and_stops_the_centre) {
    send(kiosk_, issue());
    log_.fail("disk full");
    io_.poll();
    EXPECT_TRUE(answers_.empty());
    EXPECT_EQ("disk full", store_failure_);
}

TEST_F(dispatcher_test, a_retry_with_the_same_key_gets_the_first_answer_and_changes_nothing) {
    auto m = issue();
    m.set_idempotency_key("kiosk-1/7");
    send(kiosk_, m, 1);
    send(kiosk_, m, 2);  // while the first is not yet durable: it waits for it
    durable();
    send(kiosk_, m, 3);
    ASSERT_EQ(3u, answers_.size());
    for (auto const& a : answers_) EXPECT_EQ("A001", a.reply().issued_ticket().number()) << a.DebugString();
    EXPECT_EQ(3u, answers_[2].request_id());
    EXPECT_EQ(2u, log_.durable_events());  // the day's start and one ticket
    auto other = issue();
    other.set_idempotency_key("kiosk-1/8");
    send(kiosk_, other, 4);
    durable();
    EXPECT_EQ("A002", answers_.back().reply().issued_ticket().number());
}

// Every command, from every role: refused PERMISSION_DENIED exactly when its row leaves the
// role out (bound principals also need their own ticket or counter, which a blank one is not).
TEST_F(dispatcher_test, every_command_is_refused_to_the_roles_its_row_leaves_out) {
    auto const* oneof = M::descriptor()->FindOneofByName("command");
    for (auto r : {role::kiosk, role::clerk, role::board, role::manager, role::admin, role::ticket_holder, role::rating_device}) {
        identity who{.kind = r, .user = "someone", .counter = 9};
        for (int i = 0; i < oneof->field_count(); ++i) {
            auto const* field = oneof->field(i);
            auto const* row = commands::find(static_cast<commands::command_case>(field->number()));
            if (row->kind == commands::effect::greeting) continue;
            M m;
            m.GetReflection()->MutableMessage(&m, field);
            answers_.clear();
            send(who, m);
            durable();
            ASSERT_FALSE(answers_.empty()) << field->name() << " from " << name(r) << " got no answer";
            bool denied = answers_[0].has_error() && answers_[0].error().code() == v1::ERROR_CODE_PERMISSION_DENIED;
            bool bound = (row->own == commands::own_rule::own_ticket && r == role::ticket_holder) ||
                         (row->own == commands::own_rule::own_counter && r == role::rating_device);
            bool may = row->roles.has(wire_role(r)) && !bound;
            EXPECT_EQ(!may, denied) << field->name() << " from " << name(r) << ": " << answers_[0].DebugString();
        }
    }
}

TEST_F(dispatcher_test, a_ticket_holder_reads_its_own_ticket_and_no_other) {
    send(kiosk_, issue());
    durable();
    auto token = answers_.back().reply().issued_ticket().token();
    identity holder{.kind = role::ticket_holder, .ticket = *from_hex(token)};
    M mine;
    mine.mutable_get_ticket_status()->set_ticket_token(token);
    send(holder, mine);
    durable();
    EXPECT_EQ("A001", answers_.back().reply().ticket_status().number());
    M other;
    other.mutable_get_ticket_status()->set_ticket_token(to_hex(random_token()));
    send(holder, other);
    EXPECT_EQ(v1::ERROR_CODE_PERMISSION_DENIED, answers_.back().error().code());
}

TEST_F(dispatcher_test, two_ticket_holders_with_the_same_key_each_get_their_own_answer) {
    send(kiosk_, issue(), 1);
    send(kiosk_, issue(), 2);
    durable();
    std::vector<identity> holders;
    for (auto const& a : answers_) holders.push_back({.kind = role::ticket_holder, .ticket = *from_hex(a.reply().issued_ticket().token())});
    std::vector<std::string> numbers{"A001", "A002"};
    for (std::size_t i = 0; i < 2; ++i) {
        M leave;
        leave.set_idempotency_key("leave");  // a weak client's key, the same on both phones
        leave.mutable_cancel_ticket()->set_number(numbers[i]);
        send(holders[i], leave, 10 + i);
        durable();
        EXPECT_EQ(numbers[i], answers_.back().reply().ticket_status().number()) << answers_.back().DebugString();
        EXPECT_EQ(v1::TICKET_STATE_CANCELLED, answers_.back().reply().ticket_status().state());
    }
}

}  // namespace
}  // namespace novbe::net
