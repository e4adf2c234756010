#pragma once
// Retention: after a configured number of days, citizens' personal data leaves the database
// while every count stays.
#include "core/time.hpp"
#include "database.hpp"

namespace novbe::store {

// Erases ticket tokens, languages and the clerks' free-text outcomes of days before
// `before_day` from the report rows and the logged events, a booking's reference, phone and
// token once its slot is that old (the event kept, marked erased), and drops snapshots of those days
// (all but the newest). Idempotent; runs inside the caller's transaction.
void erase_personal_data(database& db, core::day_number before_day);

}  // namespace novbe::store
