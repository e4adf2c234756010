// novbe-counter: the clerk's client. One sub-command per action for scripts, or `run` for the
// one-key screen that updates live.
#include "client/blocking_client.hpp"
#include "client/refusal.hpp"
#include "counter/commands.hpp"
#include "counter/desk.hpp"
#include "counter/prompt.hpp"
#include "counter/terminal.hpp"
#include "counter/words.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <mutex>

namespace {

using namespace novbe;
using namespace std::chrono_literals;

enum exit_code { ok = 0, refused = 1, usage_error = 2, unreachable = 3 };

// Without a reason (--help): the usage on standard output and exit 0; with one, both on
// standard error and exit 2.
int usage(std::string const& why) {
    if (!why.empty()) std::cerr << "novbe-counter: " << why << "\n";
    (why.empty() ? std::cout : std::cerr) << "usage: novbe-counter [--server HOST:PORT] --user NAME [--secret-file FILE] [--manager] [--lang CODE] "
                 "ACTION COUNTER [ARG]\n"
                 "  ACTION: open close next call NUMBER CODE recall start done [OUTCOME] no-show transfer SERVICE\n"
                 "          pause REASON resume show\n"
                 "          take-over CODE WORDS   (--manager: another clerk's open counter becomes yours)\n"
                 "          CODE: a reason for acting out of turn, one of the centre's (e.g. elderly, clerk_absent)\n"
                 "       novbe-counter ... run COUNTER     the one-key screen\n"
                 "       novbe-counter ... figures         your figures today\n"
                 "The secret comes from NOVBE_SECRET, --secret-file, or is asked for.\n"
                 "--lang az|en|ru|rw|fr: the screen's and the answers' language (default: the centre's first).\n";
    return why.empty() ? ok : usage_error;
}

long long now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string read_secret(std::string const& file) {
    if (!file.empty()) {
        std::ifstream in(file);
        std::string secret;
        std::getline(in, secret);
        if (!in && secret.empty()) throw std::runtime_error("cannot read the secret from " + file);
        return secret;
    }
    if (char const* env = std::getenv("NOVBE_SECRET")) return env;
    return counter::ask_secret("secret: ");
}

std::string link_words(client::link_status const& s, std::string const& language) {
    if (s.state == client::link::online) return counter::say(language, "online");
    auto t = std::chrono::system_clock::to_time_t(s.since);
    std::tm local{};
    localtime_r(&t, &local);
    char at[16];
    std::strftime(at, sizeof at, "%H:%M:%S", &local);
    return counter::say(language, "offline", {{"time", at}, {"reason", s.reason}});
}

// Runs one action and says the outcome in a sentence in `language`: the counter's new state, or
// the refusal.
int act(client::blocking_client& link, v1::ClientMessage const& m, std::string const& language, std::string& said,
        v1::CounterView* view = nullptr) {
    auto answer = link.request(m, 10s);
    if (answer.has_error()) {
        said = client::describe(answer.error(), language);
        return answer.error().code() == v1::ERROR_CODE_UNAVAILABLE ? unreachable : refused;
    }
    if (view) *view = answer.reply().counter();
    said = counter::describe(answer.reply().counter(), now_ms(), language, link.welcome().centre());
    return ok;
}

std::optional<v1::Figures> my_figures(client::blocking_client& link, std::string const& user) {
    v1::ClientMessage m;
    m.mutable_get_statistics();
    auto answer = link.request(m, 10s);
    if (answer.has_reply())
        for (auto const& f : answer.reply().statistics().by_clerk())
            if (f.key() == user) return f;
    return std::nullopt;
}

// The arguments an action asks for on the screen; nullopt when the clerk cancelled the prompt
// with Escape (nothing is sent). `done` asks nothing (an outcome is `o`'s), so a key typed after
// it is the next action, not an outcome.
std::optional<std::vector<std::string>> ask_arguments(std::string const& action, counter::desk const& d) {
    auto const& l = d.language;
    auto one = [](std::optional<std::string> answer) -> std::optional<std::vector<std::string>> {
        if (!answer) return std::nullopt;
        return std::vector<std::string>{*answer};
    };
    if (action == "call") {  // out of turn: the number, then one of the centre's reasons, by its place
        auto number = counter::ask_answer(counter::say(l, "askNumber"));
        if (!number) return std::nullopt;
        auto const& reasons = d.centre.reasons();
        std::string menu = counter::say(l, "askReasonCode") + "\n";
        for (int i = 0; i < reasons.size(); ++i) {
            auto const& names = reasons[i].names();
            auto found = names.find(l);
            auto name = found != names.end() ? found->second : reasons[i].code();
            menu += "  " + std::to_string(i + 1) + "  " + name + "\n";
        }
        auto pick = counter::ask_answer(menu + counter::say(l, "askPick"));
        if (!pick) return std::nullopt;
        if (!pick->empty() && pick->size() < 4 && pick->find_first_not_of("0123456789") == std::string::npos) {
            auto i = std::stoi(*pick);
            if (i >= 1 && i <= reasons.size()) return std::vector<std::string>{*number, reasons[i - 1].code()};
        }
        return std::vector<std::string>{*number, *pick};  // a code typed as it is; the server judges it
    }
    if (action == "done-with-outcome") return one(counter::ask_answer(counter::say(l, "askOutcome")));
    if (action == "pause") {
        auto pick = counter::ask_answer(counter::say(l, "askReason",
                                                     {{"break", counter::say(l, "reasonBreak")},
                                                      {"lunch", counter::say(l, "reasonLunch")},
                                                      {"meeting", counter::say(l, "reasonMeeting")}}));
        if (!pick) return std::nullopt;
        if (*pick == "1") return one("break");
        if (*pick == "2") return one("lunch");
        if (*pick == "3") return one("meeting");
        return one(pick);
    }
    if (action != "transfer") return std::vector<std::string>{};
    std::vector<std::string> others;  // the ticket's own service is no place to send it
    for (auto const& s : d.centre.services())
        if (!d.counter.has_current() || s.id() != d.counter.current().service_id()) others.push_back(s.id());
    std::string menu = counter::say(l, "askService") + "\n";
    for (std::size_t i = 0; i < others.size(); ++i)
        menu += "  " + std::to_string(i + 1) + "  " + d.service_name(others[i]) + "\n";
    auto pick = counter::ask_answer(menu + counter::say(l, "askPick"));
    if (!pick) return std::nullopt;
    return one(counter::transfer_choice(*pick, others).value_or(""));
}

// The desk as both threads see it: the subscription (I/O thread) and the keys (this one).
struct shared_desk {
    std::mutex mutex;
    counter::desk d;
    bool changed = true;
};

int run_desk(client::blocking_client& link, std::string const& user, std::string const& language,
             std::uint32_t number) {
    auto shared = std::make_shared<shared_desk>();  // outlives this function in the handler
    auto& d = shared->d;
    d.user = user;
    d.language = language;
    d.centre = link.welcome().centre();
    std::string said;
    if (int code = act(link, *counter::make_command("show", number, {}, said), language, said, &d.counter); code != ok)
        return std::cerr << said << "\n", code;
    if (d.counter.status() == v1::COUNTER_STATUS_CLOSED) {
        if (act(link, *counter::make_command("open", number, {}, said), language, said, &d.counter) == ok)
            said = counter::say(language, "didOpen");
        d.message = said;
    }
    v1::Subscribe zone;
    zone.set_view(v1::VIEW_BOARD);
    for (auto const& id : d.counter.service_ids()) {
        zone.add_service_ids(id);
        d.lines[id].set_service_id(id);
    }
    link.link().subscribe(zone, [shared](v1::ServerMessage const& m) {
        std::lock_guard lock(shared->mutex);
        shared->changed = shared->d.take(m) || shared->changed;
    });
    counter::raw_terminal keys;
    for (auto last_figures = std::chrono::steady_clock::time_point{};;) {
        bool refresh = false;
        {
            std::lock_guard lock(shared->mutex);
            refresh = std::exchange(shared->changed, false);
        }
        if (refresh || std::chrono::steady_clock::now() - last_figures > 30s) {
            v1::CounterView view;
            std::string ignored;
            bool shown = act(link, *counter::make_command("show", number, {}, ignored), language, ignored, &view) == ok;
            auto mine = my_figures(link, user);
            std::lock_guard lock(shared->mutex);
            if (shown) d.counter = view;
            d.mine = mine;
            last_figures = std::chrono::steady_clock::now();
        }
        counter::desk copy;
        {
            std::lock_guard lock(shared->mutex);
            d.link = link_words(link.status(), language);
            copy = d;
        }
        keys.show(counter::render(copy, now_ms()));
        auto key = keys.next_key(1s);
        if (key == counter::raw_terminal::end_of_input) return ok;
        auto const* key_action = key ? counter::action_of_key(static_cast<char>(*key)) : nullptr;
        if (!key_action) continue;
        auto asked = ask_arguments(key_action, copy);  // raw still: Escape cancels at once
        if (!asked) continue;
        auto const& args = *asked;
        std::string action = key_action == std::string("done-with-outcome") ? "done" : key_action;
        if (auto missing = counter::unanswered(action, args, language); !missing.empty()) {
            std::lock_guard lock(shared->mutex);
            d.message = missing;  // in the clerk's language, and nothing sent
            shared->changed = true;
            continue;
        }
        std::string error;
        auto m = counter::make_command(action, number, args, error);
        v1::CounterView view;
        int code = m ? act(link, *m, language, said, &view) : refused;
        std::lock_guard lock(shared->mutex);
        d.message = !m           ? error
                    : code == ok ? counter::what_happened(action, args, copy.counter, view, language, d.centre)
                                 : said;
        if (code == ok) d.counter = view;
        shared->changed = true;
        if (code == ok && action == "close") return keys.show(counter::render(d, now_ms())), ok;
    }
}

}  // namespace

int main(int argc, char** argv) {
    client::options opts;
    std::string user, secret_file, language;  // language: --lang, else the centre's first
    bool manager = false;  // signs in as a manager, who may take a counter over and then work it
    std::vector<std::string> words;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (arg == "--help" || arg == "-h") return usage("");
        if (arg == "--server") {
            if (!client::parse_address(value(), opts)) return usage("--server takes HOST:PORT");
        } else if (arg == "--user") user = value();
        else if (arg == "--secret-file") secret_file = value();
        else if (arg == "--manager") manager = true;
        else if (arg == "--lang") {
            language = value();
            if (!counter::knows(language)) {
                std::string list;
                for (auto const& k : counter::known_languages()) list += " " + k;
                return usage("--lang " + language + " is not a language novbe-counter knows; it knows" + list);
            }
        } else if (arg.rfind("--", 0) == 0) return usage("unknown option " + arg);
        else words.push_back(arg);
    }
    if (user.empty()) return usage("--user NAME is needed: the clerk who signs in");
    if (words.empty()) return usage("an ACTION is needed");
    auto action = words[0];
    std::uint32_t number = 0;
    if (action != "figures") {
        if (words.size() < 2 || words[1].find_first_not_of("0123456789") != std::string::npos || words[1].size() > 6)
            return usage(action + " needs the counter's number");
        number = static_cast<std::uint32_t>(std::stoul(words[1]));
    }
    std::vector<std::string> args(words.begin() + std::min<std::ptrdiff_t>(2, static_cast<std::ptrdiff_t>(words.size())), words.end());
    std::string error;
    auto command = action == "run" || action == "figures" ? std::optional<v1::ClientMessage>(v1::ClientMessage{})
                                                          : counter::make_command(action, number, args, error);
    if (!command) return usage(error);
    opts.hello.set_role(manager ? v1::ROLE_MANAGER : v1::ROLE_CLERK);
    opts.hello.set_user(user);
    opts.hello.set_client_name("novbe-counter");
    try {
        opts.hello.set_secret(read_secret(secret_file));
    } catch (std::exception const& e) {
        return std::cerr << "novbe-counter: " << e.what() << "\n", usage_error;
    }
    client::blocking_client link(opts);
    if (!link.wait_online(10s)) {
        auto s = link.status();
        // Refused: the server's sentence says why ("Not signed in: the server does not know…").
        std::cerr << (s.refused ? s.refusal : "The server cannot be reached: " + s.reason) << "\n";
        return s.refused ? refused : unreachable;
    }
    if (language.empty()) {
        auto const welcome = link.welcome();  // a copy: the link may replace its own on a reconnect
        auto const& centre = welcome.centre();
        language = centre.languages_size() && counter::knows(centre.languages(0)) ? centre.languages(0) : "en";
    }
    if (action == "run") return run_desk(link, user, language, number);
    if (action == "figures") {
        auto mine = my_figures(link, user);
        auto figures = mine ? counter::figures_text(*mine, language) : counter::say(language, "noTicketsYet");
        std::cout << counter::say(language, "today", {{"user", user}, {"figures", figures}}) << "\n";
        return ok;
    }
    std::string said;
    int code = act(link, *command, language, said);
    (code == ok ? std::cout : std::cerr) << said << "\n";
    return code;
}
