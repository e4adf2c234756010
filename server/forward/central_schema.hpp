#pragma once
// The central database's tables (docs/CENTRAL.md#schema), created and migrated by whichever
// forwarder connects first; a schema newer than this build knows stops forwarding.
#include <pqxx/connection>

#include <stdexcept>

namespace novbe::forward {

inline constexpr int central_schema_version = 6;

// Migration 2 -> 3 (live_figures_migration.cpp): the live figures kept by a trigger.
extern char const* const live_figures_migration;
// Migration 4 -> 5 (reference_migration.cpp): agencies, services and counters as set up at runtime,
// and the projections made per batch.
extern char const* const reference_migration;
// Migration 5 -> 6 (batch_projection_migration.cpp): the batch's projection set-wise, each
// ticket's row written once per batch (between events that touch tickets otherwise).
extern char const* const batch_projection_migration;

// The central schema is newer than this build: forwarding stops, the centre serves on.
class schema_too_new : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Brings the schema up to central_schema_version (or `up_to`, older, for a test that makes an old
// database), all migrations in one transaction, serialised among centres by an advisory lock.
// Throws schema_too_new, or pqxx's errors.
void prepare_central_schema(pqxx::connection& c, int up_to = central_schema_version);

}  // namespace novbe::forward
