#pragma once
// A real PostgreSQL 15 for a test: initdb in a temporary folder, listening on a Unix socket in
// that folder only, trust authentication for the user "novbe". As root (CI), the cluster runs
// as the `postgres` user (initdb refuses root). Every command is bounded in time; the
// destructor stops the cluster and removes the folder.
#include <string>

namespace novbe::testing {

class pg_cluster {
public:
    pg_cluster();   // initdb and start; throws if either fails
    ~pg_cluster();  // stop (fast), remove the folder
    pg_cluster(pg_cluster const&) = delete;
    pg_cluster& operator=(pg_cluster const&) = delete;

    void start();
    void stop();
    // A libpq keyword string for the centre's [central] connection.
    std::string connection() const;
    // psql's unaligned, tuples-only answer (rows by '\n', columns by '|', NULL as empty);
    // throws if psql fails.
    std::string query(std::string const& sql) const;
    // Runs `sql` in a psql of its own without waiting for it (30 s at most), e.g. a transaction
    // that holds a lock for a while.
    void query_in_background(std::string const& sql) const;

private:
    std::string run_as_owner(std::string const& command) const;  // the shell prefix for pg_ctl and initdb
    std::string folder_;
    bool running_ = false;
};

}  // namespace novbe::testing
