#pragma once
// What novbe-central reads of the central PostgreSQL (docs/CENTRAL.md#situation-room): for one
// centre, its summary for the glance and its detail (each service's line and day's figures, each
// counter), both as JSON made by PostgreSQL itself from the projections that its triggers keep
// exactly as the centre's engine counts its own statistics.
#include <pqxx/connection>

#include <string>
#include <vector>

namespace novbe::central {

struct centre_figures {
    std::string centre_id;
    std::string summary;  // JSON object: the glance's figures
    std::string detail;   // JSON object: {"centre", "day", "services": [...], "counters": [...]}
};

std::vector<std::string> centre_ids(pqxx::connection& c);
// Nothing (empty centre_id) if the centre is not in the database.
centre_figures read_centre(pqxx::connection& c, std::string const& centre_id);

}  // namespace novbe::central
