#pragma once
// The database's identity and layout: what makes a file a Novbe database, and the forward
// migrations that bring an older one up to this build's schema.
#include "database.hpp"

#include <stdexcept>
#include <string>

namespace novbe::store {

// A database the store refuses to start on: the message names the file and the problem.
class store_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::int64_t novbe_application_id = 0x4E4F5642;  // "NOVB" in the file header
inline constexpr std::int64_t current_schema_version = 6;

// Checks the file is a Novbe database (or new and empty), sets the connection up (WAL, the
// synchronous level) and runs any migrations. Throws store_error.
void prepare_schema(database& db, bool synchronous_full);

}  // namespace novbe::store
