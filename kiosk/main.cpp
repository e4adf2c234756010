// novbe-kiosk: the citizen's ticket machine. `issue` prints one ticket (for scripts and tests);
// `run` is the kiosk itself: language, service, priority, ticket, and again.
#include "client/blocking_client.hpp"
#include "client/refusal.hpp"
#include "kiosk/check_in.hpp"
#include "kiosk/offer.hpp"
#include "kiosk/screens.hpp"
#include "kiosk/texts.hpp"
#include "kiosk/ticket.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace {

using namespace novbe;
using namespace std::chrono_literals;

// The demo centre's kiosk token (deploy/demo/centre.toml): a real centre sets its own with
// --token or NOVBE_KIOSK_TOKEN.
constexpr char const* demo_token = "demo-kiosk-entrance-7f3a";

enum exit_code { printed = 0, refused = 1, usage_error = 2, out_of_service = 3, printer_failed = 4 };

struct settings {
    client::options link;
    std::string service, language, printer, status_base;
    std::optional<std::string> booking;  // check-in: the booking's code instead of a service
    bool language_given = false;  // --lang; else English, or the centre's first if it has no English
    bool priority = false;
    std::chrono::milliseconds wait = 10s;
};

// Without a reason (--help): the usage on standard output and exit 0; with one, both on
// standard error and exit 2.
int usage(std::string const& why) {
    if (!why.empty()) std::cerr << "novbe-kiosk: " << why << "\n";
    (why.empty() ? std::cout : std::cerr) << "usage: novbe-kiosk issue --service ID [--lang az|en|ru|rw|fr] [--priority] [COMMON]\n"
                 "       novbe-kiosk check-in CODE [--lang az|en|ru|rw|fr] [COMMON]   (a booking's QR code or reference)\n"
                 "       novbe-kiosk run [COMMON]\n"
                 "COMMON: [--server HOST:PORT] [--printer PATH] [--token TOKEN] [--status-url URL] [--wait SECONDS]\n"
                 "  --printer  an ESC/POS printer device (/dev/usb/lp0) or a file; without it, text on the terminal\n"
                 "  --token    the kiosk's device token (or NOVBE_KIOSK_TOKEN; the demo centre's by default)\n"
                 "  --status-url  where phones open the ticket's QR code (the centre's public_url, else http://SERVER)\n";
    return why.empty() ? printed : usage_error;
}

std::optional<settings> parse(int argc, char** argv, std::string& error) {
    settings s;
    std::string server = "127.0.0.1:8080";
    char const* env_token = std::getenv("NOVBE_KIOSK_TOKEN");
    std::string token = env_token ? env_token : demo_token;
    int i = 2;
    if (std::string(argv[1]) == "check-in") {
        if (argc < 3 || argv[2][0] == '-') throw std::invalid_argument("check-in needs the booking's CODE");
        s.booking = argv[i++];
    }
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--service") s.service = value();
        else if (arg == "--lang") s.language = value();
        else if (arg == "--priority") s.priority = true;
        else if (arg == "--server") server = value();
        else if (arg == "--printer") s.printer = value();
        else if (arg == "--token") token = value();
        else if (arg == "--status-url") s.status_base = value();
        else if (arg == "--wait") {
            auto text = value();
            char* end = nullptr;
            double seconds = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0' || seconds < 0 || seconds > 3600)
                throw std::invalid_argument("--wait takes seconds (0 to 3600), not " + text);
            s.wait = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
        }
        else throw std::invalid_argument("unknown option " + arg);
    }
    if (!client::parse_address(server, s.link)) return error = "--server takes HOST:PORT, not " + server, std::nullopt;
    if (auto known = kiosk::known_languages();
        !s.language.empty() && std::find(known.begin(), known.end(), s.language) == known.end()) {
        // A ticket half in English and a stored language nobody speaks help no one.
        std::string list;
        for (auto const& k : known) list += " " + k;
        return error = "--lang " + s.language + " is not a language the kiosk knows; it knows" + list, std::nullopt;
    }
    s.link.hello.set_role(v1::ROLE_KIOSK);
    s.link.hello.set_device_token(token);
    s.link.hello.set_client_name("novbe-kiosk");
    return s;
}

// Where tickets go: opened before a ticket is taken, so that a kiosk without paper issues none.
class output {
public:
    explicit output(std::string path) : path_(std::move(path)) {}
    bool ready(std::string& why) {
        if (path_.empty()) return true;
        std::ofstream probe(path_, std::ios::binary | std::ios::app);
        if (!probe) why = "cannot open the printer " + path_ + ": " + std::strerror(errno);
        return static_cast<bool>(probe);
    }
    template <class Slip>  // a ticket, or a booking's slip (kiosk/offer.hpp)
    bool print(Slip const& t, std::string& why) {
        if (path_.empty()) return std::cout << "\n" << kiosk::to_text(t) << std::endl, true;
        std::ofstream printer(path_, std::ios::binary | std::ios::trunc);
        printer << kiosk::to_escpos(t);
        printer.flush();
        if (!printer) why = "the printer " + path_ + " failed: " + std::strerror(errno);
        return static_cast<bool>(printer);
    }

private:
    std::string path_;
};

// Takes one ticket and prints it; the exit code and, on failure, a sentence on stderr. After the
// last ticket (LAST_TICKET_PASSED) the refusal is kept in `offer` for the caller to offer its slot.
int take_ticket(client::blocking_client& link, settings s, output& out, std::optional<kiosk::printed_ticket>& last,
                std::optional<v1::Error>* offer = nullptr) {
    std::string why;
    if (!out.ready(why))
        return std::cerr << kiosk::texts_for(s.language).out_of_service << "\n" << why << "\n", printer_failed;
    if (!link.wait_online(s.wait)) {
        std::cerr << kiosk::texts_for(s.language).out_of_service << "\n(" << link.status().reason << ")\n";
        return out_of_service;
    }
    auto const welcome = link.welcome();
    auto const& spoken = welcome.centre().languages();
    if (!s.language_given && !spoken.empty() && std::find(spoken.begin(), spoken.end(), s.language) == spoken.end())
        s.language = spoken[0];  // the server would refuse a language the centre does not speak
    auto const& words = kiosk::texts_for(s.language);
    v1::ClientMessage m;
    if (s.booking) m = kiosk::check_in_request(*s.booking, s.language);  // its ticket prints as any other
    else {
        auto& issue = *m.mutable_issue_ticket();
        issue.set_service_id(s.service);
        issue.set_language(s.language);
        issue.set_priority(s.priority ? v1::PRIORITY_CLASS_PRIORITY : v1::PRIORITY_CLASS_NORMAL);
    }
    auto answer = link.request(m, s.wait);
    if (answer.has_error() && s.booking && answer.error().code() != v1::ERROR_CODE_UNAVAILABLE &&
        answer.error().code() != v1::ERROR_CODE_CENTRE_CLOSED) {  // those two are said below, as for any ticket
        auto const now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
        std::cerr << kiosk::check_in_refusal(answer.error(), s.language, link.welcome().centre().time_zone(), now) << "\n";
        return refused;
    }
    if (answer.has_error() && answer.error().code() == v1::ERROR_CODE_LAST_TICKET_PASSED) {
        std::string name = s.service;
        for (auto const& x : link.welcome().centre().services())
            if (x.id() == s.service) name = kiosk::pick_name(x.names(), s.language, link.welcome().centre(), x.id());
        std::cerr << kiosk::offer_screen(answer.error(), name, s.language, link.welcome().centre().time_zone());
        if (offer) *offer = answer.error();
        return refused;
    }
    if (answer.has_error()) {  // in the citizen's language; a closed centre says when it opens
        auto const& e = answer.error();
        bool unreachable = e.code() == v1::ERROR_CODE_UNAVAILABLE;
        auto opens = e.code() == v1::ERROR_CODE_CENTRE_CLOSED
                         ? kiosk::local_time_text(e.opens_at_ms(), link.welcome().centre().time_zone())
                         : std::string();
        if (unreachable) std::cerr << words.out_of_service << "\n";
        std::cerr << client::describe(e, s.language, opens) << "\n";
        if (e.code() == v1::ERROR_CODE_UNKNOWN_SERVICE)  // what --service could have said
            std::cerr << kiosk::known_services(link.welcome().centre(), s.language);
        return unreachable ? out_of_service : refused;
    }
    auto const& t = answer.reply().issued_ticket();
    auto centre = link.welcome().centre();
    auto const base = kiosk::status_base(s.status_base, centre, "http://" + s.link.host + ":" + s.link.port);
    last = kiosk::make_ticket(t, centre, base, kiosk::local_time_text(t.issued_at_ms(), centre.time_zone()));
    if (!out.print(*last, why)) return std::cerr << why << " (ticket " << t.number() << " was issued)\n", printer_failed;
    return printed;
}

// docs/DOMAIN.md#last-ticket-cut-off: the slot a LAST_TICKET_PASSED refusal offered, booked if
// the citizen says 1 and its slip printed; anything else returns to the first screen.
bool book_offered(client::blocking_client& link, settings const& s, output& out, v1::Error const& offer);

constexpr int reprint = -1;
constexpr int end_of_input = -2;  // closes the kiosk
constexpr int booking = -3;       // "b": a booking's check-in

// Asks for one of `count` numbered choices; 0 gives nullopt (back), "r" reprint.
std::optional<int> choose(int count) {
    for (std::string line; std::cout << "> " << std::flush, std::getline(std::cin, line);) {
        if (line == "r" || line == "R") return reprint;
        if (line == "b" || line == "B") return booking;
        try {
            int n = std::stoi(line);
            if (n == 0) return std::nullopt;
            if (n >= 1 && n <= count) return n;
        } catch (std::exception const&) {
        }
    }
    return end_of_input;
}

// The lines' waiting counts and estimates, whether today is closed already and the calendar
// since the Welcome, as the board view keeps them (its handler runs on the link's I/O thread).
struct board_lines {
    std::mutex mutex;
    std::map<std::string, v1::QueueLine> lines;
    bool day_closed = false;
    std::optional<v1::Calendar> calendar;  // CalendarChanged's, newer than the Welcome's
};

long long now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int run_kiosk(client::blocking_client& link, settings s, output& out) {
    std::optional<kiosk::printed_ticket> last;
    auto board = std::make_shared<board_lines>();  // outlives this function in the handler
    v1::Subscribe all;
    all.set_view(v1::VIEW_BOARD);
    link.link().subscribe(all, [board](v1::ServerMessage const& m) {
        std::lock_guard lock(board->mutex);
        if (m.has_snapshot()) {
            board->lines.clear();
            board->day_closed = m.snapshot().day_closed();
            board->calendar.reset();  // a new Welcome's centre has it
        }
        for (auto const& e : m.events().events()) {
            if (e.has_day_closed() || e.has_day_started()) board->day_closed = e.has_day_closed();
            if (e.has_calendar_changed()) board->calendar = e.calendar_changed().calendar();
        }
        for (auto const& l : m.has_snapshot() ? m.snapshot().lines() : m.events().lines()) board->lines[l.service_id()] = l;
    });
    // A booking's code, typed or read by a scanner that types it and Enter: its ticket prints.
    auto check_in = [&] {
        auto const& words = kiosk::texts_for(s.language);
        std::cout << words.check_in_code << ": " << std::flush;
        std::string code;
        if (!std::getline(std::cin, code)) return false;
        auto with_code = s;
        with_code.booking = code;
        if (take_ticket(link, with_code, out, last) == printed) std::cout << words.take_ticket << "\n";
        return true;
    };
    for (;;) {
        if (!link.wait_online(2s)) std::cout << "\n" << kiosk::texts_for(s.language).out_of_service << "\n";
        auto centre = link.welcome().centre();
        bool day_closed = false;
        {
            std::lock_guard lock(board->mutex);
            day_closed = board->day_closed;
            if (board->calendar) *centre.mutable_calendar() = *board->calendar;
        }
        auto const languages = kiosk::menu_languages(centre);
        // Closed: no language to pick, since it would lead to CENTRE_CLOSED; a booking may check in.
        auto const closed = kiosk::closed_now(centre, day_closed, now_ms());
        std::cout << (closed ? kiosk::closed_screen(centre, *closed, s.language) : kiosk::language_screen(centre, s.language));
        auto pick = choose(closed ? 0 : static_cast<int>(languages.size()));
        if (pick == booking) {  // "b" on the first screen too (a scanner types the code there)
            if (!check_in()) return printed;
            continue;
        }
        if (pick == end_of_input) return printed;
        if (pick == reprint) {
            std::string why;
            if (last && !out.print(*last, why)) std::cerr << why << "\n";
            continue;
        }
        if (!pick) continue;
        s.language = languages[static_cast<std::size_t>(*pick - 1)];
        auto const& words = kiosk::texts_for(s.language);
        {
            std::lock_guard lock(board->mutex);
            std::cout << kiosk::service_screen(centre, s.language, board->lines);
        }
        std::cout << "  b  " << words.have_booking << "\n";
        auto service = choose(centre.services_size());
        if (service == end_of_input) return printed;
        if (service == booking) {
            if (!check_in()) return printed;
            continue;
        }
        if (!service || *service < 1) continue;
        s.service = centre.services(*service - 1).id();
        std::cout << "\n" << words.choose_priority << "\n(" << words.priority_hint << ")\n  1  " << words.normal << "\n  2  "
                  << words.priority << "\n";
        auto priority = choose(2);
        if (priority == end_of_input) return printed;
        if (!priority || *priority < 1) continue;
        s.priority = *priority == 2;
        std::optional<v1::Error> offer;
        if (take_ticket(link, s, out, last, &offer) == printed) std::cout << words.take_ticket << "\n";
        else if (offer && kiosk::has_offer(*offer) && !book_offered(link, s, out, *offer)) return printed;
    }
}

// Reads the answer to the offer (the screen is said already); false at the end of input.
bool book_offered(client::blocking_client& link, settings const& s, output& out, v1::Error const& offer) {
    std::string line;
    std::cout << kiosk::offer_answers(s.language) << "> " << std::flush;
    if (!std::getline(std::cin, line)) return false;
    if (line != "1") return true;  // declined: back to the first screen
    auto answer = link.request(kiosk::book_offered_request(s.service, offer.next_slot_ms()), s.wait);
    if (answer.has_error()) {
        std::cerr << client::describe(answer.error(), s.language) << "\n";
        return true;
    }
    auto centre = link.welcome().centre();
    auto const base = kiosk::status_base(s.status_base, centre, "http://" + s.link.host + ":" + s.link.port);
    std::string why;
    if (!out.print(kiosk::make_booking_slip(answer.reply().booked_visit(), centre, base, s.language), why))
        std::cerr << why << " (the visit was booked: " << answer.reply().booked_visit().booking().reference() << ")\n";
    else std::cout << kiosk::texts_for(s.language).take_ticket << "\n";
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage("a command is needed: issue or run");
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") return usage("");
    std::string command = argv[1];
    std::optional<settings> s;
    std::string error;
    try {
        s = parse(argc, argv, error);
    } catch (std::exception const& e) {
        return usage(e.what());
    }
    if (!s) return usage(error);
    if (command == "issue" && s->service.empty()) return usage("issue needs --service ID");
    if (command != "issue" && command != "run" && command != "check-in")
        return usage((command.rfind('-', 0) == 0 ? "unknown option " : "unknown command ") + command);
    s->language_given = !s->language.empty();
    if (!s->language_given) s->language = "en";
    output out(s->printer);
    client::blocking_client link(s->link);
    if (command == "run") return run_kiosk(link, *s, out);
    std::optional<kiosk::printed_ticket> last;
    int code = take_ticket(link, *s, out, last);
    if (code == printed && !s->printer.empty()) std::cout << "printed " << last->number << " to " << s->printer << "\n";
    return code;
}
