#include "backup.hpp"

#include "database.hpp"
#include "schema.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace novbe::store {

void backup(std::string const& source, std::string const& destination) {
    if (std::filesystem::exists(destination))
        throw store_error(destination + ": already exists; a backup never overwrites a file");
    try {
        database from(source, false);
        if (from.query_int("PRAGMA application_id") != novbe_application_id)
            throw store_error(source + ": not a Novbe database; nothing to back up");
        database to(destination);
        auto* copy = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
        if (!copy) to.fail(sqlite3_errcode(to.handle()), "cannot start the backup");
        int rc = SQLITE_OK;
        while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            rc = sqlite3_backup_step(copy, 256);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        sqlite3_backup_finish(copy);
        if (rc != SQLITE_DONE) to.fail(rc, "backup from " + source + " failed");
    } catch (sqlite_error const& e) {
        std::filesystem::remove(destination);
        throw store_error(e.what());
    }
}

}  // namespace novbe::store
