#pragma once
// One writer per centre.db (docs/SETUP.md#one-process-per-data-folder): an advisory lock
// (flock) on DATA_DIR/novbe.lock, held for the life of the process that took it; the kernel
// lets it go when the process ends, however it ends (SIGKILL too), so a crash leaves no stale lock.
#include <string>

namespace novbe::app {

class data_dir_lock {
public:
    // Takes the lock or throws config_error naming the folder and the process that holds it.
    explicit data_dir_lock(std::string const& data_dir);
    ~data_dir_lock();
    data_dir_lock(data_dir_lock const&) = delete;
    data_dir_lock& operator=(data_dir_lock const&) = delete;

private:
    int fd_ = -1;
};

}  // namespace novbe::app
