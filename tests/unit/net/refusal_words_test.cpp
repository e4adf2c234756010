// The network layer's own refusals in the words of web/i18n/en.json, read from the file here:
// a refusal that says no more than its code carries en.json's sentence for that code, so a
// sentence changed in one place and not the other fails; the ones that say more keep theirs.
#include "dispatcher_rig.hpp"
#include "net/auth.hpp"
#include "net/sentence.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace novbe::net {
namespace {

using M = v1::ClientMessage;

// en.json's "refusal.CODE" or "staffRefusal.CODE", read as text (its sentences hold no escapes).
std::string en_json(v1::ErrorCode code) {
    std::ifstream in(NOVBE_EN_JSON);
    std::string const text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    for (std::string prefix : {"\"refusal.", "\"staffRefusal."}) {
        auto key = prefix + v1::ErrorCode_Name(code) + "\": \"";
        if (auto at = text.find(key); at != std::string::npos) {
            auto from = at + key.size();
            return text.substr(from, text.find('"', from) - from);
        }
    }
    return "no sentence in en.json for " + v1::ErrorCode_Name(code);
}

class refusal_words : public ::testing::Test, protected testing::dispatcher_rig {
protected:
    refusal_words() : dispatcher_rig(make_settings()) {
        // Who may sign in is the log's (docs/SETUP.md): the file's people and devices, seeded.
        for (auto const& u : settings_.users)
            dispatch_.apply_setup(core::add_user{u.name, core::staff_role::clerk, u.secret_hash, "config"});
        for (auto const& d : settings_.devices)
            dispatch_.apply_setup(core::add_device{d.name, core::device_kind::kiosk, device_token_hash(d.token), 0, "config"});
        log_.make_durable();
        io_.poll();
        io_.restart();
    }
    // A kiosk and a clerk the file lets in.
    static settings make_settings() {
        auto s = english();
        s.devices.push_back({.name = "entrance", .kind = role::kiosk, .token = "kiosk-token-0001"});
        s.users.push_back({.name = "anna", .kind = role::clerk, .secret_hash = hash_secret("anna-secret-1")});
        return s;
    }
    // The Error a Hello (or whatever comes first) gets.
    v1::Error greet(M m) {
        m.set_request_id(7);
        std::vector<v1::ServerMessage> out;
        dispatch_.greet(m, "127.0.0.1", [&](v1::ServerMessage const& s) { out.push_back(s); }, [](auto) {});
        io_.run();
        io_.restart();
        EXPECT_EQ(1u, out.size());
        return out.empty() ? v1::Error{} : out.back().error();
    }
    // The Error a signed-in clerk's message gets.
    v1::Error handle(M m) {
        m.set_request_id(8);
        std::vector<v1::ServerMessage> out;
        dispatch_.handle({.kind = role::clerk, .user = "anna"}, m,
                         {this, [&](v1::ServerMessage const& s) { out.push_back(s); }, [](auto) {}});
        io_.poll();
        io_.restart();
        EXPECT_FALSE(out.empty());
        return out.empty() ? v1::Error{} : out.front().error();
    }
    static M hello(v1::Role r, std::string const& user, std::string const& secret, std::string const& token = "") {
        M m;
        auto& h = *m.mutable_hello();
        h.set_protocol_version(1);
        h.set_role(r);
        h.set_user(user);
        h.set_secret(secret);
        h.set_device_token(r == v1::ROLE_TICKET_HOLDER ? "" : token);
        h.set_ticket_token(r == v1::ROLE_TICKET_HOLDER ? token : "");
        return m;
    }
    static void expect_words(v1::ErrorCode code, v1::Error const& e) {
        EXPECT_EQ(v1::ErrorCode_Name(code), v1::ErrorCode_Name(e.code()));
        EXPECT_EQ(en_json(code), e.message());
    }

};

TEST_F(refusal_words, every_wire_code_has_en_jsons_sentence_built_in) {
    auto const* d = v1::ErrorCode_descriptor();
    ASSERT_GT(d->value_count(), 30);
    for (int i = 0; i < d->value_count(); ++i) {
        auto code = static_cast<v1::ErrorCode>(d->value(i)->number());
        EXPECT_EQ(en_json(code), sentence(code)) << v1::ErrorCode_Name(code);
    }
}

TEST_F(refusal_words, a_first_message_that_is_no_hello) {
    M m;
    m.mutable_get_centre();
    expect_words(v1::ERROR_CODE_HELLO_REQUIRED, greet(m));
}

TEST_F(refusal_words, unknown_credentials_of_every_kind_get_one_sentence) {
    expect_words(v1::ERROR_CODE_UNAUTHENTICATED, greet(hello(v1::ROLE_KIOSK, "", "", "not-a-kiosk-token")));
    expect_words(v1::ERROR_CODE_UNAUTHENTICATED, greet(hello(v1::ROLE_TICKET_HOLDER, "", "", std::string(32, 'a'))));
    expect_words(v1::ERROR_CODE_UNAUTHENTICATED, greet(hello(v1::ROLE_CLERK, "nobody", "anna-secret-1")));
    expect_words(v1::ERROR_CODE_UNAUTHENTICATED, greet(hello(v1::ROLE_CLERK, "anna", "wrong-secret")));
}

TEST_F(refusal_words, too_many_wrong_secrets) {
    for (int i = 0; i < 4; ++i) greet(hello(v1::ROLE_CLERK, "anna", "wrong-secret"));
    v1::Error last;
    for (int i = 0; i < 3 && last.code() != v1::ERROR_CODE_RATE_LIMITED; ++i) last = greet(hello(v1::ROLE_CLERK, "anna", "x"));
    expect_words(v1::ERROR_CODE_RATE_LIMITED, last);
}

TEST_F(refusal_words, a_second_hello_and_a_message_without_a_command) {
    expect_words(v1::ERROR_CODE_ALREADY_GREETED, handle(hello(v1::ROLE_CLERK, "anna", "anna-secret-1")));
    expect_words(v1::ERROR_CODE_MALFORMED_MESSAGE, handle(M{}));
}

TEST_F(refusal_words, a_resume_from_a_sequence_no_longer_kept) {
    M m;
    m.mutable_subscribe()->set_view(v1::VIEW_BOARD);
    m.mutable_subscribe()->set_after_sequence(1000);
    expect_words(v1::ERROR_CODE_SEQUENCE_TOO_OLD, handle(m));
}

TEST_F(refusal_words, the_refusals_that_say_more_keep_their_own_sentence) {
    auto wrong_role = greet(hello(v1::ROLE_MANAGER, "anna", "anna-secret-1"));
    EXPECT_EQ("anna signs in as clerk, not as manager.", wrong_role.message());
    M m;
    m.mutable_subscribe()->set_view(v1::VIEW_DASHBOARD);
    EXPECT_EQ("A clerk may not follow this view.", handle(m).message());
}

}  // namespace
}  // namespace novbe::net
