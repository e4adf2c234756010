#pragma once
// Checkpoints off the commit path. A checkpoint copies the WAL back into the database file and
// fsyncs it: milliseconds under load (8 ms on average, 15 ms at worst on this machine), which the
// writer's next commit, and every request waiting for it, used to wait behind. A PASSIVE
// checkpoint takes no write lock, so here it runs on its own connection and thread while the
// writer goes on committing; the writer's next commit after a complete one starts the WAL over.
// Due by the WAL's size (frames after the last commit, from the writer's WAL hook), never by a
// count of commits: the WAL stays near `frames` however many small commits a load makes.
//
// Thread-safety: wal_grew() is called from the writer thread; the failure callback runs on the
// checkpointer's own thread.
#include "database.hpp"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace novbe::store {

// One PASSIVE checkpoint on `db`: true once every frame of the WAL is back in the file. A busy
// reader or another checkpoint under way is no failure (false); anything else SQLite refuses goes
// to `failed`, in words naming the file.
bool checkpoint_passive(database& db, std::function<void(std::string)> const& failed);

class checkpointer {
public:
    // `path`: a database already in WAL mode. `failed`: a checkpoint SQLite refused (not a busy
    // reader), in words naming the file; the caller fail-stops as for a failed commit.
    checkpointer(std::string const& path, int frames, std::function<void(std::string)> failed);
    ~checkpointer();  // waits for a checkpoint under way, then stops
    checkpointer(checkpointer const&) = delete;
    checkpointer& operator=(checkpointer const&) = delete;

    // The WAL holds `frames` frames after the writer's last commit.
    void wal_grew(int frames);

private:
    void run();
    void checkpoint();

    database db_;
    int const frames_;
    std::function<void(std::string)> failed_;
    std::mutex mutex_;
    std::condition_variable wake_;
    int wal_frames_ = 0;  // guarded by mutex_
    int due_at_;          // guarded by mutex_
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace novbe::store
