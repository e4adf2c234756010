// The client's request book, with no network: what a link sends, what it sends again after a
// reconnect, and what an answer, a transient refusal or a deadline mean to the caller.
#include "client/request_book.hpp"

#include <gtest/gtest.h>

namespace novbe::client {
namespace {

using clock = request_book::clock;
using namespace std::chrono_literals;

v1::ClientMessage issue() {
    v1::ClientMessage m;
    m.mutable_issue_ticket()->set_service_id("passport");
    return m;
}

v1::ClientMessage read_counter() {
    v1::ClientMessage m;
    m.mutable_get_counter()->set_counter(1);
    return m;
}

std::vector<v1::ClientMessage> decoded(std::vector<std::string> const& frames) {
    std::vector<v1::ClientMessage> out;
    for (auto const& f : frames) EXPECT_TRUE(out.emplace_back().ParseFromString(f));
    return out;
}

v1::ServerMessage answer(std::uint64_t id) {
    v1::ServerMessage m;
    m.set_request_id(id);
    m.mutable_reply()->mutable_issued_ticket()->set_number("A001");
    return m;
}

TEST(request_book, a_mutating_command_carries_one_key_through_every_resend_and_a_read_none) {
    request_book book(1);
    auto t = clock::now();
    book.add(issue(), t + 10s, [](auto const&) {});
    book.add(read_counter(), t + 10s, [](auto const&) {});
    auto first = decoded(book.due(t));
    ASSERT_EQ(2u, first.size());
    EXPECT_EQ(32u, first[0].idempotency_key().size());
    EXPECT_TRUE(first[1].idempotency_key().empty());
    EXPECT_TRUE(book.due(t).empty());  // sent once per link
    book.link_lost();
    auto again = decoded(book.due(t));
    ASSERT_EQ(2u, again.size());
    EXPECT_EQ(first[0].request_id(), again[0].request_id());
    EXPECT_EQ(first[0].idempotency_key(), again[0].idempotency_key());  // so the server answers it once
}

TEST(request_book, an_answer_reaches_its_caller_once_and_a_late_one_nobody) {
    request_book book(1);
    auto t = clock::now();
    int answered = 0;
    auto id = book.add(issue(), t + 10s, [&answered](v1::ServerMessage const& m) {
        ++answered;
        EXPECT_EQ("A001", m.reply().issued_ticket().number());
    });
    EXPECT_TRUE(book.receive(answer(id), t));
    EXPECT_FALSE(book.receive(answer(id), t));
    EXPECT_EQ(1, answered);
    EXPECT_EQ(0u, book.unanswered());
}

TEST(request_book, a_transient_refusal_is_asked_again_after_a_pause_not_passed_on) {
    request_book book(1);
    auto t = clock::now();
    int answered = 0;
    auto id = book.add(issue(), t + 10s, [&answered](auto const&) { ++answered; });
    book.due(t);
    book.receive(local_error(id, v1::ERROR_CODE_UNAVAILABLE, "starting"), t);
    EXPECT_EQ(0, answered);
    EXPECT_TRUE(book.due(t + request_book::retry_pause / 2).empty());
    EXPECT_EQ(1u, book.due(t + request_book::retry_pause).size());
    book.receive(local_error(id, v1::ERROR_CODE_UNKNOWN_SERVICE, "no such service"), t);  // final: the caller hears it
    EXPECT_EQ(1, answered);
}

TEST(request_book, a_request_past_its_deadline_is_answered_unavailable_with_the_reason) {
    request_book book(1);
    auto t = clock::now();
    v1::ServerMessage got;
    book.add(issue(), t + 2s, [&got](v1::ServerMessage const& m) { got = m; });
    book.expire(t + 1s, "not yet");
    EXPECT_FALSE(got.has_error());
    book.expire(t + 2s, "The server cannot be reached (connection refused).");
    EXPECT_EQ(v1::ERROR_CODE_UNAVAILABLE, got.error().code());
    EXPECT_EQ("The server cannot be reached (connection refused).", got.error().message());
}

TEST(request_book, a_subscription_resumes_after_the_last_range_it_was_sent) {
    request_book book(1);
    auto t = clock::now();
    int messages = 0;
    auto id = book.follow(v1::Subscribe{}, [&messages](auto const&) { ++messages; });
    EXPECT_EQ(0u, decoded(book.due(t))[0].subscribe().after_sequence());  // a snapshot first
    v1::ServerMessage shot;
    shot.set_request_id(id);
    shot.mutable_snapshot()->set_sequence(40);
    book.receive(shot, t);
    v1::ServerMessage batch;
    batch.set_request_id(id);
    batch.mutable_events()->set_first_sequence(41);
    batch.mutable_events()->set_last_sequence(57);  // its zone saw one event, at 45
    batch.mutable_events()->add_events()->set_sequence(45);
    book.receive(batch, t);
    EXPECT_EQ(2, messages);
    book.link_lost();
    EXPECT_EQ(57u, decoded(book.due(t))[0].subscribe().after_sequence());
}

TEST(request_book, a_request_too_long_for_one_frame_is_refused_at_once_and_never_sent) {
    request_book book(7);
    auto m = read_counter();
    m.mutable_call_ticket()->set_number(std::string(100'000, 'A'));  // a pasted page, not a number
    std::vector<v1::ServerMessage> answers;
    book.add(m, clock::now() + 10s, [&](v1::ServerMessage const& a) { answers.push_back(a); });
    ASSERT_EQ(1u, answers.size());
    EXPECT_EQ(v1::ERROR_CODE_INVALID_ARGUMENT, answers[0].error().code());
    EXPECT_EQ(too_large, answers[0].error().message());
    EXPECT_TRUE(book.due(clock::now()).empty());  // nothing for the server to close the link over
    EXPECT_EQ(0u, book.unanswered());
    book.add(read_counter(), clock::now() + 10s, [](v1::ServerMessage const&) {});
    EXPECT_EQ(1u, book.due(clock::now()).size());  // the next one goes as usual
}

TEST(request_book, a_refused_sign_in_fails_every_unanswered_request) {
    request_book book(1);
    auto t = clock::now();
    std::vector<v1::ErrorCode> codes;
    for (int i = 0; i < 3; ++i) book.add(issue(), t + 10s, [&codes](v1::ServerMessage const& m) { codes.push_back(m.error().code()); });
    book.fail_all(v1::ERROR_CODE_UNAUTHENTICATED, "unknown device token");
    EXPECT_EQ(std::vector<v1::ErrorCode>(3, v1::ERROR_CODE_UNAUTHENTICATED), codes);
    EXPECT_EQ(0u, book.unanswered());
}

}  // namespace
}  // namespace novbe::client
