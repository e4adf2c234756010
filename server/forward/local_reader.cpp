#include "local_reader.hpp"

#include "stored.pb.h"

#include <google/protobuf/util/json_util.h>
#include <sqlite3.h>

#include <iterator>

namespace novbe::forward {

namespace {

sqlite3_stmt* prepare(sqlite3* db, std::string const& path, char const* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
        throw local_error(path + ": cannot read the event log: " + sqlite3_errmsg(db));
    return s;
}

// core::actor_role's names, by the stored number (server/store/stored.proto).
std::string role_name(std::uint32_t r) {
    static char const* const names[] = {"", "server", "kiosk", "clerk", "board", "manager", "admin", "ticket_holder", "rating_device"};
    return r < std::size(names) ? names[r] : "";
}

// Resets the statement whatever happens, so the read transaction ends with the call.
struct stepping {
    sqlite3_stmt* s;
    ~stepping() { sqlite3_reset(s); }
};

}  // namespace

local_reader::local_reader(std::string path) : path_(std::move(path)) {
    // Read-only: the writer alone changes the file; a WAL reader sees only committed events.
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw local_error(path_ + ": cannot open the event log read-only: " + why);
    }
    sqlite3_busy_timeout(db_, 1000);
    try {
        batch_ = prepare(db_, path_, "SELECT seq, day, at_ms, body FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2");
        last_ = prepare(db_, path_, "SELECT coalesce(max(seq), 0) FROM events");
        at_ = prepare(db_, path_, "SELECT at_ms FROM events WHERE seq = ?1");
    } catch (...) {
        this->~local_reader();
        throw;
    }
}

local_reader::~local_reader() {
    sqlite3_finalize(batch_);
    sqlite3_finalize(last_);
    sqlite3_finalize(at_);
    sqlite3_close(db_);
    batch_ = last_ = at_ = nullptr;
    db_ = nullptr;
}

local_batch local_reader::after(std::uint64_t seq, std::size_t limit) {
    stepping guard{batch_};
    sqlite3_bind_int64(batch_, 1, static_cast<sqlite3_int64>(seq));
    sqlite3_bind_int64(batch_, 2, static_cast<sqlite3_int64>(limit));
    local_batch out;
    out.events.reserve(limit);
    auto expected = seq + 1;
    int rc;
    while ((rc = sqlite3_step(batch_)) == SQLITE_ROW) {
        auto const s = static_cast<std::uint64_t>(sqlite3_column_int64(batch_, 0));
        if (s != expected)
            throw local_error(path_ + ": the event log jumps from " + std::to_string(expected - 1) + " to " +
                              std::to_string(s) + "; nothing after it is forwarded");
        auto const* body = static_cast<char const*>(sqlite3_column_blob(batch_, 3));
        auto& ev = out.events.emplace_back();
        ev.seq = s;
        ev.day = sqlite3_column_int64(batch_, 1);
        ev.at_ms = sqlite3_column_int64(batch_, 2);
        ev.body = to_json({body, static_cast<std::size_t>(sqlite3_column_bytes(batch_, 3))});
        if (out.first == 0) out.first = s;
        out.last = s;
        out.last_at_ms = ev.at_ms;
        ++expected;
    }
    if (rc != SQLITE_DONE) throw local_error(path_ + ": cannot read the event log: " + sqlite3_errmsg(db_));
    return out;
}

std::uint64_t local_reader::last_sequence() {
    stepping guard{last_};
    if (sqlite3_step(last_) != SQLITE_ROW) throw local_error(path_ + ": cannot read the event log: " + sqlite3_errmsg(db_));
    return static_cast<std::uint64_t>(sqlite3_column_int64(last_, 0));
}

std::int64_t local_reader::at_ms(std::uint64_t seq) {
    stepping guard{at_};
    sqlite3_bind_int64(at_, 1, static_cast<sqlite3_int64>(seq));
    return sqlite3_step(at_) == SQLITE_ROW ? sqlite3_column_int64(at_, 0) : 0;
}

event_json to_json(std::string_view body) {
    store::v1::StoredEvent ev;
    if (!ev.ParseFromArray(body.data(), static_cast<int>(body.size())))
        throw local_error("an event body is not a stored event");
    auto const* kind = ev.GetDescriptor()->FindOneofByName("kind");
    auto const* field = ev.GetReflection()->GetOneofFieldDescriptor(ev, kind);
    if (!field) throw local_error("an event body has no kind");
    if (ev.has_ticket_issued()) {  // the holder's secret stays at the centre
        ev.mutable_ticket_issued()->clear_token_hi();
        ev.mutable_ticket_issued()->clear_token_lo();
    }
    // Secrets' and devices' hashes stay too: the central side audits who, not how they sign in.
    if (ev.has_user_set()) ev.mutable_user_set()->mutable_user()->clear_secret_hash();
    if (ev.has_device_set()) ev.mutable_device_set()->mutable_device()->clear_token_hash();
    if (ev.has_booking_made()) {  // personal data stays at the centre (docs/CENTRAL.md#events)
        auto& b = *ev.mutable_booking_made();
        b.clear_reference();
        b.clear_phone();
        b.clear_token_hi();
        b.clear_token_lo();
    }
    if (ev.has_booking_checked_in()) {  // the appointment ticket's secret, as for ticket_issued
        ev.mutable_booking_checked_in()->clear_ticket_token_hi();
        ev.mutable_booking_checked_in()->clear_ticket_token_lo();
    }
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    options.always_print_primitive_fields = true;
    event_json out{field->name(), {}, role_name(ev.actor_role()), ev.actor()};
    auto const& fields = ev.GetReflection()->GetMessage(ev, field);
    if (!google::protobuf::util::MessageToJsonString(fields, &out.fields, options).ok())
        throw local_error("an event body cannot be written as JSON");
    return out;
}

}  // namespace novbe::forward
