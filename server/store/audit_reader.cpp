#include "audit_reader.hpp"

#include "audit_words.hpp"
#include "schema.hpp"
#include "setup_codec.hpp"
#include "stored.pb.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>

namespace novbe::store {

namespace {

namespace pb = novbe::store::v1;
using google::protobuf::FieldDescriptor;

// Resets the statement whatever happens, so that the read transaction ends with the call.
struct stepping {
    sqlite3_stmt* s;
    ~stepping() { sqlite3_reset(s); }
};

std::string text_of(sqlite3_stmt* s, int i) {
    auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(s, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

// A field of the event's own message by name, if it has one of that type.
std::uint32_t uint_field(google::protobuf::Message const& m, char const* name) {
    auto const* f = m.GetDescriptor()->FindFieldByName(name);
    if (!f || f->cpp_type() != FieldDescriptor::CPPTYPE_UINT32 || f->is_repeated()) return 0;
    return m.GetReflection()->GetUInt32(m, f);
}

core::actor actor_of(pb::StoredEvent const& m) {
    auto r = m.actor_role();
    auto role = r > static_cast<std::uint32_t>(core::actor_role::rating_device) ? core::actor_role::unknown
                                                                               : static_cast<core::actor_role>(r);
    return {role, m.actor()};
}

// The reason code and the words of the kinds that carry them (docs/DOMAIN.md#reasons).
void reasons_of(pb::StoredEvent const& m, audit_entry& e) {
    if (m.has_ticket_called()) e.reason_code = m.ticket_called().reason();
    else if (m.has_ticket_transferred()) e.reason_code = m.ticket_transferred().reason();
    else if (m.has_ticket_cancelled()) e.reason_code = m.ticket_cancelled().reason();
    else if (m.has_counter_taken_over()) {
        e.reason_code = m.counter_taken_over().code();
        e.words = m.counter_taken_over().reason();
        if (!m.counter_taken_over().from_clerk().empty()) e.words = m.counter_taken_over().from_clerk() + ": " + e.words;
    } else if (m.has_counter_paused()) e.words = m.counter_paused().reason();
    else if (m.has_hall_message_set()) e.words = m.hall_message_set().text();
    else if (m.has_user_set()) e.words = user_words(m.user_set());
    else if (m.has_device_set()) e.words = device_words(m.device_set());
    else if (m.has_service_set()) e.words = service_words(m.service_set());
    else if (m.has_counter_set()) e.words = counter_words(m.counter_set());
    else if (m.has_calendar_set()) e.words = calendar_words(m.calendar_set().calendar());
    else if (m.has_alert_changed()) {
        e.service = m.alert_changed().service();
        e.words = alert_words(m.alert_changed());
    }
}

bool out_of_turn(pb::StoredEvent const& m) {
    return (m.has_ticket_called() && !m.ticket_called().reason().empty()) ||
           (m.has_ticket_cancelled() && !m.ticket_cancelled().reason().empty()) || m.has_counter_taken_over() ||
           (m.has_ticket_transferred() && !m.ticket_transferred().reason().empty());  // a manager's move
}

bool setup(pb::StoredEvent const& m) {
    return m.has_user_set() || m.has_device_set() || m.has_hall_message_set() || m.has_service_set() || m.has_counter_set() ||
           m.has_calendar_set();
}

bool wanted(pb::StoredEvent const& m, audit_kinds k) {
    switch (k) {
    case audit_kinds::all: return true;
    case audit_kinds::out_of_turn: return out_of_turn(m);
    case audit_kinds::setup: return setup(m);
    }
    return false;
}

}  // namespace

audit_reader::audit_reader(std::string path) : path_(std::move(path)) {
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw store_error(path_ + ": cannot open the log read-only for the audit: " + why);
    }
    sqlite3_busy_timeout(db_, 1000);
    auto prepare = [&](char const* sql, sqlite3_stmt*& s) {
        if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) fail("prepare");
    };
    try {
        prepare("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM events", bounds_);
        prepare("SELECT day FROM events WHERE seq = ?1", day_at_);
        prepare("SELECT seq, day, at_ms, body FROM events WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq DESC", events_);
        prepare("SELECT number, current_service FROM tickets WHERE day = ?1 AND ordinal = ?2", ticket_);
    } catch (...) {
        this->~audit_reader();
        throw;
    }
}

audit_reader::~audit_reader() {
    for (auto* s : {bounds_, day_at_, events_, ticket_}) sqlite3_finalize(s);
    bounds_ = day_at_ = events_ = ticket_ = nullptr;
    sqlite3_close(db_);
    db_ = nullptr;
}

void audit_reader::fail(char const* doing) const {
    throw store_error(path_ + ": the audit cannot " + doing + " the log: " + sqlite3_errmsg(db_));
}

// The log's days never go back, so the first event of a day is found by bisection over the
// gap-free sequence: ~25 lookups by key for a million events, never a scan.
std::uint64_t audit_reader::first_of_day(core::day_number day, std::uint64_t low, std::uint64_t high) {
    auto end = high + 1;
    while (low < end) {
        auto mid = low + (end - low) / 2;
        stepping guard{day_at_};
        sqlite3_bind_int64(day_at_, 1, static_cast<sqlite3_int64>(mid));
        if (sqlite3_step(day_at_) != SQLITE_ROW) fail("bisect");
        if (sqlite3_column_int64(day_at_, 0) < day) low = mid + 1;
        else end = mid;
    }
    return low;
}

audit_page audit_reader::read(audit_filter const& f) {
    audit_page out;
    // One read transaction for the whole call: the bounds and the rows agree.
    if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) fail("begin reading");
    struct ending {
        sqlite3* db;
        ~ending() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
    } end_read{db_};
    std::uint64_t first = 0, last = 0;
    {
        stepping guard{bounds_};
        if (sqlite3_step(bounds_) != SQLITE_ROW) fail("read the bounds of");
        first = static_cast<std::uint64_t>(sqlite3_column_int64(bounds_, 0));
        last = static_cast<std::uint64_t>(sqlite3_column_int64(bounds_, 1));
    }
    if (last == 0) return out;
    auto const low = first_of_day(f.from_day, first, last);
    auto high = first_of_day(f.to_day + 1, first, last) - 1;  // 0 or below `first`: nothing that late
    if (f.before != 0) high = std::min(high, f.before - 1);
    if (high < low || high == 0) return out;
    auto const budget = std::max<std::size_t>(f.scan_limit, 1);
    auto const window_low = high - low + 1 > budget ? high - budget + 1 : low;

    stepping guard{events_};
    sqlite3_bind_int64(events_, 1, static_cast<sqlite3_int64>(window_low));
    sqlite3_bind_int64(events_, 2, static_cast<sqlite3_int64>(high));
    pb::StoredEvent m;
    int rc;
    while ((rc = sqlite3_step(events_)) == SQLITE_ROW) {
        auto const seq = static_cast<std::uint64_t>(sqlite3_column_int64(events_, 0));
        if (out.rows.size() == f.page_size) {  // a full page, and this older one comes next
            out.next_before = seq + 1;
            return out;
        }
        auto const* body = static_cast<char const*>(sqlite3_column_blob(events_, 3));
        if (!m.ParseFromArray(body, sqlite3_column_bytes(events_, 3))) fail("decode an event of");
        auto const* oneof = m.GetDescriptor()->FindOneofByName("kind");
        auto const* field = m.GetReflection()->GetOneofFieldDescriptor(m, oneof);
        if (!field || !wanted(m, f.kinds)) continue;
        auto by = actor_of(m);
        if (!f.user.empty() && by.name != f.user) continue;
        auto const& fields = m.GetReflection()->GetMessage(m, field);
        auto counter = uint_field(fields, "counter");
        if (f.counter != 0 && counter != f.counter) continue;
        audit_entry e{.sequence = seq, .at_ms = sqlite3_column_int64(events_, 2), .by = std::move(by),
                      .kind = field->name(), .counter = counter};
        if (m.has_ticket_transferred() && counter == 0) e.kind = "ticket_moved";  // as the wire names a manager's move
        reasons_of(m, e);
        e.day = static_cast<core::day_number>(sqlite3_column_int64(events_, 1));
        if (fields.GetDescriptor()->FindFieldByName("ticket")) {
            e.ordinal = uint_field(fields, "ticket");
            stepping t{ticket_};
            sqlite3_bind_int64(ticket_, 1, sqlite3_column_int64(events_, 1));
            sqlite3_bind_int64(ticket_, 2, uint_field(fields, "ticket"));
            if (sqlite3_step(ticket_) == SQLITE_ROW) {
                e.ticket = text_of(ticket_, 0);
                e.service = text_of(ticket_, 1);
            }
        }
        if (m.has_ticket_issued()) e.service = m.ticket_issued().service();
        if (m.has_ticket_transferred()) e.service = m.ticket_transferred().to();
        out.rows.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE) fail("read");
    if (window_low > low) out.next_before = window_low;  // the budget ran out before the range did
    return out;
}

}  // namespace novbe::store
