// A healthy database the server cannot write to (a read-only filesystem, a file or folder the
// server's user may not write) is refused as such, never as "damaged": an operator told
// "damaged" may replace a good database. The tests run as root, which ignores permissions, so
// each case runs in a forked child that drops to 'nobody', or that mounts its own filesystem
// read-only in a private mount namespace.
#include "store/database.hpp"
#include "store_fixture.hpp"

#include "../core/centre_fixture.hpp"

#include <gtest/gtest.h>

#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

namespace novbe::store::testing {
namespace {

constexpr uid_t nobody = 65534;

// Runs `work` in a forked child and returns what it returned ("skip: ..." if it could not run).
std::string in_child(std::function<std::string()> const& work) {
    int fds[2];
    if (pipe(fds) != 0) return "skip: no pipe";
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        std::string out;
        try {
            out = work();
        } catch (std::exception const& e) {
            out = std::string("exception: ") + e.what();
        }
        auto written = write(fds[1], out.data(), out.size());
        _exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
    }
    close(fds[1]);
    std::string out;
    char buffer[512];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return out;
}

// The error open() gives, or "" if it opened.
std::string open_error(std::string const& path) {
    try {
        event_log::open({.path = path}, core::testing::small_centre());
        return "";
    } catch (store_error const& e) {
        return e.what();
    }
}

std::string as_nobody(std::string const& path) {
    return in_child([&] {
        if (setgid(nobody) != 0 || setuid(nobody) != 0) return std::string("skip: cannot become nobody");
        return open_error(path);
    });
}

class read_only : public ::testing::Test {
protected:
    void SetUp() override {
        if (geteuid() != 0) GTEST_SKIP() << "needs root, to drop to nobody";
        std::filesystem::create_directories(folder);
        chmod(folder.c_str(), 0777);
        chmod(std::filesystem::path(folder).parent_path().c_str(), 0755);  // nobody may look inside
        write_a_day(path);
    }
    static std::uint64_t write_a_day(std::string const& at) {
        event_source source;
        auto opened = event_log::open({.path = at}, source.centre().config());
        auto last = append_and_wait(*opened.log, source.busy_minutes(5)).last_sequence;
        opened.log->close();
        return last;
    }
    void expect_refused_as_unwritable(std::string const& error, std::string const& reason) {
        ASSERT_EQ(std::string::npos, error.find("skip:")) << error;
        EXPECT_EQ(0u, error.find(path + ": cannot be opened for writing: " + reason)) << error;
        EXPECT_EQ(std::string::npos, error.find("damaged")) << error;
        EXPECT_EQ(std::string::npos, error.find("not a database")) << error;
        EXPECT_GT(database(path).query_int("SELECT count(*) FROM events"), 10) << "the database is untouched";
    }

    temp_dir dir;
    std::string folder = dir.file("data");
    std::string path = folder + "/centre.db";
};

TEST_F(read_only, a_file_the_server_may_not_write_is_not_called_damaged) {
    chmod(path.c_str(), 0444);
    expect_refused_as_unwritable(as_nobody(path), "permission denied");
}

TEST_F(read_only, a_file_owned_by_another_user_is_not_called_damaged) {
    chmod(path.c_str(), 0644);  // root's, and only root writes it
    expect_refused_as_unwritable(as_nobody(path), "permission denied");
}

TEST_F(read_only, a_folder_without_room_for_the_wal_files_is_named) {
    chmod(path.c_str(), 0666);
    chmod(folder.c_str(), 0755);  // the file is writable, its -wal and -shm cannot be made
    auto error = as_nobody(path);
    expect_refused_as_unwritable(error, "its folder");
    EXPECT_NE(std::string::npos, error.find("-wal")) << error;
}

TEST_F(read_only, a_wal_file_left_by_another_user_is_named) {
    chmod(path.c_str(), 0666);
    for (auto const* suffix : {"-wal", "-shm"}) {  // empty, as SQLite may leave them; root's, 0644
        std::ofstream(path + suffix).flush();
        chmod((path + suffix).c_str(), 0644);
    }
    expect_refused_as_unwritable(as_nobody(path), "its -wal file is not writable: permission denied");
}

TEST_F(read_only, a_new_database_in_a_folder_the_server_may_not_write_is_named) {
    chmod(folder.c_str(), 0755);
    auto fresh = folder + "/new.db";
    auto error = as_nobody(fresh);
    EXPECT_EQ(0u, error.find(fresh + ": cannot be created: permission denied")) << error;
}

TEST_F(read_only, a_read_only_filesystem_is_named) {
    auto error = in_child([&] {
        if (unshare(CLONE_NEWNS) != 0 || mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            return std::string("skip: no private mount namespace: ") + std::strerror(errno);
        auto mounted = dir.file("ro");
        std::filesystem::create_directories(mounted);
        if (mount("tmpfs", mounted.c_str(), "tmpfs", 0, "size=16m") != 0) return std::string("skip: no tmpfs");
        auto at = mounted + "/centre.db";
        if (write_a_day(at) < 10) return std::string("no events written");
        if (mount("tmpfs", mounted.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            return std::string("skip: cannot remount read-only: ") + std::strerror(errno);
        auto refused = open_error(at);
        auto expected = at + ": cannot be opened for writing: read-only filesystem";
        if (refused.find(expected) != 0 || refused.find("damaged") != std::string::npos) return "refused as: " + refused;
        mount("tmpfs", mounted.c_str(), nullptr, MS_REMOUNT, nullptr);  // writable again, to look inside
        if (database(at, false).query_int("SELECT count(*) FROM events") < 10) return std::string("events lost");
        return std::string("ok");
    });
    if (error.find("skip:") == 0) GTEST_SKIP() << error;
    EXPECT_EQ("ok", error);
}

}  // namespace
}  // namespace novbe::store::testing
