#pragma once
// The central database's tables (docs/CENTRAL.md#schema), created and migrated by whichever
// forwarder connects first; a schema newer than this build knows stops forwarding.
#include <pqxx/connection>

#include <stdexcept>

namespace novbe::forward {

inline constexpr int central_schema_version = 4;

// Migration 2 -> 3 (live_figures_migration.cpp): the live figures kept by a trigger.
extern char const* const live_figures_migration;

// The central schema is newer than this build: forwarding stops, the centre serves on.
class schema_too_new : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Brings the schema up to central_schema_version, one migration per transaction, serialised
// among centres by an advisory lock. Throws schema_too_new, or pqxx's errors.
void prepare_central_schema(pqxx::connection& c);

}  // namespace novbe::forward
