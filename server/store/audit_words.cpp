#include "audit_words.hpp"

#include "core/calendar.hpp"
#include "setup_codec.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace novbe::store {

namespace {

namespace pb = novbe::store::v1;

// The changes, joined: "role clerk to manager, disabled"; "unchanged" for none.
class changes {
public:
    void add(std::string words) { out_ += (out_.empty() ? "" : ", ") + words; }
    std::string said() const { return out_.empty() ? "unchanged" : out_; }

private:
    std::string out_;
};

std::string minutes(std::int64_t ms) { return std::to_string(ms / 60000) + " min"; }

// "a, b, c", or "none".
template <class Strings>
std::string joined(Strings const& texts) {
    std::string out;
    for (auto const& text : texts) out += (out.empty() ? "" : ", ") + text;
    return out.empty() ? "none" : out;
}

// The languages whose name differs, added or dropped, in alphabetical order (a protobuf map's
// order is no order: the same row would read differently at each read): "name in en, ru".
template <class Names>
std::string languages_changed(Names const& was, Names const& now) {
    std::set<std::string> changed;
    for (auto const& [language, name] : now)
        if (auto at = was.find(language); at == was.end() || at->second != name) changed.insert(language);
    for (auto const& [language, name] : was)
        if (!now.contains(language)) changed.insert(language);
    return changed.empty() ? std::string() : joined(changed);
}

}  // namespace

// An admin's calendar in a line: the week, then the dates (at most ten of each shown).
std::string calendar_words(pb::StoredCalendar const& stored) {
    static constexpr std::array<char const*, 7> days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    core::calendar_config cal;
    try {
        cal = detail::get(stored);
    } catch (std::exception const&) {
        return "hours (unreadable)";
    }
    std::string out;
    for (std::size_t i = 0; i < 7; ++i) {
        auto const& h = cal.weekly[i];
        out += std::string(i ? ", " : "") + days[i] + " " +
               (h ? core::hours_text(h->opening) + "-" + core::hours_text(h->closing) : std::string("closed"));
    }
    auto list = [&](char const* what, auto const& dates, auto&& text) {
        if (dates.empty()) return;
        out += std::string("; ") + what + " (" + std::to_string(dates.size()) + "):";
        std::size_t shown = 0;
        for (auto const& d : dates)
            if (shown++ < 10) out += " " + text(d);
    };
    list("holidays", cal.holidays, [](core::day_number d) { return core::date_text(d); });
    list("exceptions", cal.exceptions, [](auto const& e) {
        return core::date_text(e.first) + " " + core::hours_text(e.second.opening) + "-" + core::hours_text(e.second.closing);
    });
    return out;
}

// A user's row says what changed ("ana: secret reset"); events from before the change was kept
// say the name and whether the user is disabled, as they always did.
std::string user_words(pb::UserSet const& set) {
    static constexpr std::array<char const*, 3> roles{"clerk", "manager", "admin"};
    auto role = [](std::uint32_t r) { return r < roles.size() ? std::string(roles[r]) : "role " + std::to_string(r); };
    auto const& user = set.user();
    if (!set.has_change()) return user.name() + (user.disabled() ? " (disabled)" : "");
    auto const& change = set.change();
    if (change.added()) return user.name() + ": added as " + role(user.role()) + (user.disabled() ? ", disabled" : "");
    changes what;
    if (change.role_was() != user.role()) what.add("role " + role(change.role_was()) + " to " + role(user.role()));
    if (change.was_disabled() != user.disabled()) what.add(user.disabled() ? "disabled" : "enabled");
    if (change.secret_reset()) what.add("secret reset");
    return user.name() + ": " + what.said();
}

std::string device_words(pb::DeviceSet const& set) {
    static constexpr std::array<char const*, 3> kinds{"kiosk", "board", "rating pad"};
    auto const& d = set.device();
    if (set.added())
        return d.name() + ": added as " + (d.kind() < kinds.size() ? kinds[d.kind()] : "device") +
               (d.stands_at() ? " at counter " + std::to_string(d.stands_at()) : "");
    if (!set.has_was()) return d.name() + (d.revoked() ? " (revoked)" : "");
    changes what;
    if (set.was().name() != d.name()) what.add("renamed from " + set.was().name());
    if (set.was().revoked() != d.revoked()) what.add(d.revoked() ? "revoked" : "in use again");
    return d.name() + ": " + what.said();
}

std::string service_words(pb::ServiceSet const& set) {
    auto const& s = set.service();
    if (set.added()) return s.id() + ": added (prefix " + s.prefix() + ")";
    if (!set.has_was()) return s.id() + (s.retired() ? " (retired)" : "");
    auto const& was = set.was();
    changes what;
    if (auto names = languages_changed(was.names(), s.names()); !names.empty()) what.add("name in " + names);
    if (was.target_wait_ms() != s.target_wait_ms())
        what.add("target wait " + minutes(was.target_wait_ms()) + " to " + minutes(s.target_wait_ms()));
    if (was.max_wait_ms() != s.max_wait_ms()) what.add("maximum wait " + minutes(was.max_wait_ms()) + " to " + minutes(s.max_wait_ms()));
    if (was.agency() != s.agency()) what.add("agency " + (was.agency().empty() ? "none" : was.agency()) + " to " + (s.agency().empty() ? "none" : s.agency()));
    if (!languages_changed(was.agency_names(), s.agency_names()).empty() && was.agency() == s.agency()) what.add("agency's names");
    if (was.retired() != s.retired()) what.add("retired");
    return s.id() + ": " + what.said();
}

std::string counter_words(pb::CounterSet const& set) {
    static constexpr std::array<char const*, 2> policies{"longest wait first", "strict service order"};
    auto policy = [](std::uint32_t p) { return p < policies.size() ? std::string(policies[p]) : "policy " + std::to_string(p); };
    auto const& c = set.counter();
    auto const which = "counter " + std::to_string(c.number());
    if (set.added()) return which + ": added, serving " + joined(c.services());
    if (!set.has_was()) return which + (c.retired() ? " (retired)" : "");
    auto const& was = set.was();
    changes what;
    if (was.name() != c.name()) what.add("name '" + was.name() + "' to '" + c.name() + "'");
    if (!std::equal(was.services().begin(), was.services().end(), c.services().begin(), c.services().end()))
        what.add("services " + joined(was.services()) + " to " + joined(c.services()));
    if (was.policy() != c.policy()) what.add("routing " + policy(was.policy()) + " to " + policy(c.policy()));
    if (was.has_normal_per_priority() != c.has_normal_per_priority() || was.normal_per_priority() != c.normal_per_priority())
        what.add("priority ratio");
    auto same_break = [](pb::StoredBreak const& a, pb::StoredBreak const& b) {
        return a.at_minutes() == b.at_minutes() && a.length_ms() == b.length_ms();
    };
    if (!std::equal(was.breaks().begin(), was.breaks().end(), c.breaks().begin(), c.breaks().end(), same_break))
        what.add("planned breaks");
    if (was.retired() != c.retired()) what.add("retired");
    return which + ": " + what.said();
}

// docs/DOMAIN.md#alerts-before-a-breach: which wait the forecast says will be passed, and the advice.
std::string alert_words(pb::AlertChanged const& alert) {
    if (alert.level() == 0) return "cleared";
    std::string out = alert.level() == 1 ? "raised: the target wait" : "raised: the maximum wait";
    if (alert.counters_needed() > 0)
        out += "; " + std::to_string(alert.counters_needed()) + " more counter" + (alert.counters_needed() == 1 ? "" : "s") +
               " would clear it";
    if (alert.could_open_size() > 0) {
        out += "; could open: counter";
        for (int i = 0; i < alert.could_open_size(); ++i) out += (i ? ", " : " ") + std::to_string(alert.could_open(i));
    }
    return out;
}

}  // namespace novbe::store
