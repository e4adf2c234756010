#include "data_dir_lock.hpp"

#include "app/config_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace novbe::app {

data_dir_lock::data_dir_lock(std::string const& data_dir) {
    auto path = (std::filesystem::path(data_dir) / "novbe.lock").string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw config_error(path + ": cannot open the data folder's lock: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        auto const why = errno;
        char pid[32] = {};
        auto n = ::pread(fd_, pid, sizeof pid - 1, 0);
        ::close(fd_);
        fd_ = -1;
        if (why != EWOULDBLOCK) throw config_error(path + ": cannot lock the data folder: " + std::strerror(why));
        std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : std::string("?");
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
        throw config_error(data_dir + ": another novbe-server (pid " + holder +
                           ") is running on this data folder; one process per centre.db (stop it first)");
    }
    // The holder's pid, for the refusal above; the lock, not this text, is what counts.
    auto const text = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, text.data(), text.size(), 0) < 0) {
        // The lock is held all the same; only the refusal's pid would be missing.
    }
}

data_dir_lock::~data_dir_lock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace novbe::app
