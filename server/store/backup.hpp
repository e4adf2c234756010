#pragma once
// Online backup: a consistent copy of a live Novbe database, taken while the server writes.
#include <string>

namespace novbe::store {

// Copies `source` into the new file `destination` with SQLite's backup API, a few hundred
// pages at a time so that the writer is never held up for long. Refuses to overwrite an
// existing file. Throws store_error naming the file and the problem.
void backup(std::string const& source, std::string const& destination);

}  // namespace novbe::store
