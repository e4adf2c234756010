#include "checkpointer.hpp"

#include <pthread.h>
#include <sqlite3.h>

namespace novbe::store {

checkpointer::checkpointer(std::string const& path, int frames, std::function<void(std::string)> failed)
    : db_(path, false), frames_(frames), failed_(std::move(failed)), due_at_(frames) {
    // A connection learns that the file is in WAL mode when it first reads it; until then a
    // checkpoint on it does nothing at all.
    db_.query_int("SELECT count(*) FROM sqlite_master");
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "novbe-ckpt");
        run();
    });
}

checkpointer::~checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void checkpointer::wal_grew(int frames) {
    bool due = false;
    {
        std::lock_guard lock(mutex_);
        wal_frames_ = frames;
        due = frames >= due_at_;
    }
    if (due) wake_.notify_one();
}

void checkpointer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || wal_frames_ >= due_at_; });
        if (stopping_) return;
        lock.unlock();
        checkpoint();
        lock.lock();
    }
}

bool checkpoint_passive(database& db, std::function<void(std::string)> const& failed) {
    int in_wal = 0;
    int copied = 0;
    int rc = sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &in_wal, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) failed(db.path() + ": checkpoint: " + sqlite3_errmsg(db.handle()));
    return rc == SQLITE_OK && in_wal >= 0 && copied == in_wal;
}

// Passive: it waits for no reader (a backup or the forwarder may hold one) and no writer. If a
// reader kept some frames, the next attempt waits for another quarter of that growth rather than
// coming back at every commit.
void checkpointer::checkpoint() {
    bool const complete = checkpoint_passive(db_, failed_);
    std::lock_guard lock(mutex_);
    // Once every frame is back in the file, the writer's next commit starts the WAL over and its
    // hook counts from there; until then the count is the WAL's length, so look again later.
    due_at_ = complete ? frames_ : wal_frames_ + frames_ / 4;
    if (complete) wal_frames_ = 0;
}

}  // namespace novbe::store
