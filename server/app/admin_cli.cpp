#include "admin_cli.hpp"

#include "app/stopped_admin.hpp"
#include "client/blocking_client.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace novbe::app {

namespace {

using namespace std::chrono_literals;

v1::Role wire_role(std::string const& word) {
    if (word == "clerk") return v1::ROLE_CLERK;
    if (word == "manager") return v1::ROLE_MANAGER;
    if (word == "admin") return v1::ROLE_ADMIN;
    if (word == "kiosk") return v1::ROLE_KIOSK;
    if (word == "board") return v1::ROLE_BOARD;
    if (word == "rating_device") return v1::ROLE_RATING_DEVICE;
    return v1::ROLE_UNSPECIFIED;
}

std::string word(v1::Role r) {
    auto name = v1::Role_Name(r);  // "ROLE_CLERK" -> "clerk"
    std::string out;
    for (char c : name.substr(5)) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    return out;
}

v1::ClientMessage message_for(std::string const& words, std::map<std::string, std::string> const& o, std::string const& secret) {
    auto get = [&](char const* key) { return o.contains(key) ? o.at(key) : std::string(); };
    v1::ClientMessage m;
    if (words == "user list") m.mutable_list_users();
    else if (words == "user add") {
        m.mutable_add_user()->set_name(get("name"));
        m.mutable_add_user()->set_role(wire_role(get("role")));
        m.mutable_add_user()->set_secret(secret);
    } else if (words == "device list") m.mutable_list_devices();
    else if (words == "device add") {
        m.mutable_add_device()->set_name(get("name"));
        m.mutable_add_device()->set_role(wire_role(get("role")));
        if (o.contains("counter")) m.mutable_add_device()->set_counter(static_cast<std::uint32_t>(std::stoul(get("counter"))));
    } else if (words == "device revoke") {
        m.mutable_change_device()->set_name(get("name"));
        m.mutable_change_device()->set_revoke(true);
    } else {  // user disable | enable | reset | role
        auto& c = *m.mutable_change_user();
        c.set_name(get("name"));
        if (words == "user disable") c.set_disable(true);
        if (words == "user enable") c.set_enable(true);
        if (words == "user reset") c.set_new_secret(secret);
        if (words == "user role") c.set_role(wire_role(get("role")));
    }
    return m;
}

void print(v1::Reply const& r) {
    for (auto const& u : r.users().users())
        std::printf("%s\t%s%s\n", u.name().c_str(), word(u.role()).c_str(), u.disabled() ? "\tdisabled" : "");
    for (auto const& d : r.devices().devices())
        std::printf("%s\t%s%s%s\n", d.name().c_str(), word(d.role()).c_str(),
                    d.counter() ? ("\tcounter " + std::to_string(d.counter())).c_str() : "", d.revoked() ? "\trevoked" : "");
    if (r.has_device_added())  // the one time it is shown
        std::printf("added %s %s\ntoken %s\n", word(r.device_added().device().role()).c_str(),
                    r.device_added().device().name().c_str(), r.device_added().token().c_str());
}

// The running server's answers, signed in as the admin `o` names; nullopt after a line on
// standard error, `failed` then the exit code (2: the command line is wrong; 1: unreachable, refused).
std::optional<std::vector<v1::ServerMessage>> ask_running(std::string const& words, std::map<std::string, std::string> const& o,
                                                          std::vector<v1::ClientMessage> const& ms, int& failed) {
    failed = 2;
    client::options opts;
    auto server = o.contains("server") ? o.at("server") : std::string("127.0.0.1:8080");
    if (!client::parse_address(server, opts)) {
        std::fprintf(stderr, "novbe-server: --server takes HOST:PORT, not '%s'\n", server.c_str());
        return std::nullopt;
    }
    char const* admin = std::getenv("NOVBE_ADMIN");
    char const* secret = std::getenv("NOVBE_SECRET");
    auto user = o.contains("admin") ? o.at("admin") : admin ? std::string(admin) : std::string();
    if (user.empty() || !secret) {  // says which of the two is missing
        std::fprintf(stderr, "novbe-server: %s needs %s\n", words.c_str(),
                     user.empty() ? "an admin: --admin NAME (or NOVBE_ADMIN) and NOVBE_SECRET"
                                  : "the admin's secret in NOVBE_SECRET (the environment, never the command line)");
        return std::nullopt;
    }
    opts.hello.set_role(v1::ROLE_ADMIN);
    opts.hello.set_user(user);
    opts.hello.set_secret(secret);
    opts.hello.set_client_name("novbe-server " + words);
    client::blocking_client link(opts);
    if (!link.wait_online(10s)) {
        auto s = link.status();
        std::fprintf(stderr, "novbe-server: %s: %s\n", server.c_str(), (s.refused ? s.refusal : s.reason).c_str());
        failed = 1;
        return std::nullopt;
    }
    std::vector<v1::ServerMessage> answers;
    for (auto const& m : ms) {
        answers.push_back(link.request(m, 10s));
        if (answers.back().has_error()) break;
    }
    return answers;
}

}  // namespace

int ask_admin(std::string const& words, std::map<std::string, std::string> const& o, std::vector<v1::ClientMessage> const& ms,
              std::function<void(std::vector<v1::Reply> const&)> const& done) {
    int failed = 0;
    auto answers = o.contains("data") ? std::optional(ask_stopped_centre(o.at("data"), o.at("config"), ms)) : ask_running(words, o, ms, failed);
    if (!answers) return failed;
    std::vector<v1::Reply> replies;
    for (auto const& answer : *answers) {
        if (answer.has_error()) {
            std::fprintf(stderr, "novbe-server: refused: %s (%s)\n", answer.error().message().c_str(),
                         v1::ErrorCode_Name(answer.error().code()).c_str());
            return 1;
        }
        replies.push_back(answer.reply());
    }
    done(replies);
    return 0;
}

int ask_admin(std::string const& words, std::map<std::string, std::string> const& o, v1::ClientMessage const& m,
              std::function<void(v1::Reply const&)> const& done) {
    return ask_admin(words, o, std::vector<v1::ClientMessage>{m}, [&](std::vector<v1::Reply> const& r) { done(r.front()); });
}

int run_admin(std::string const& words, std::map<std::string, std::string> const& o, std::string const& new_secret) {
    return ask_admin(words, o, message_for(words, o, new_secret), [&](v1::Reply const& reply) {
        if (words == "user list" || words == "device list" || words == "device add") print(reply);
        else std::printf("done: %s %s\n", words.c_str(), o.contains("name") ? o.at("name").c_str() : "");
    });
}

}  // namespace novbe::app
