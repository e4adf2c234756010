#include "stopped_admin.hpp"

#include "app/config_file.hpp"
#include "app/data_dir_lock.hpp"
#include "core/roster.hpp"
#include "net/centre_service.hpp"
#include "net/dispatcher.hpp"
#include "net/hub.hpp"
#include "store/event_log.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

namespace novbe::app {

std::string stopped_admin_name() {
    auto const* who = ::getpwuid(::geteuid());
    return std::string(core::stopped_folder_actor) + (who && who->pw_name ? std::string(who->pw_name) : "uid " + std::to_string(::geteuid())) + ")";
}

std::string stopped_centre_db(std::string const& data_dir, std::string const& hint) {
    if (!std::filesystem::is_directory(data_dir)) throw config_error(data_dir + ": no such data folder");
    auto db = (std::filesystem::path(data_dir) / "centre.db").string();
    if (!std::filesystem::exists(db)) throw config_error(db + ": no centre.db in this data folder" + hint);
    return db;
}

store::event_log::opened open_stopped_log(std::string const& db, net::settings const& settings, store::folder_owner owner) {
    return store::event_log::open({.path = db, .retention_days = settings.retention_days, .resume_window = net::hub().keep(),
                                   .recent = [](std::uint64_t, core::event const&, core::centre const&, core::actor const&) {},
                                   .booking = settings.booking,
                                   .owner = std::move(owner)},
                                  settings.centre);
}

std::vector<v1::ServerMessage> ask_stopped_centre(std::string const& data_dir, std::string const& config_path,
                                                  std::vector<v1::ClientMessage> const& ms) {
    auto settings = load_config(config_path);
    // Nothing is seeded here: a folder no server has started on is set up by its first start.
    auto db = stopped_centre_db(data_dir, " (a server's first start makes it; until then, add users to the file: user add --config FILE)");
    data_dir_lock only_writer(data_dir);
    net::hub subscribers;  // nobody listens; the dispatcher's service needs one
    auto opened = open_stopped_log(db, settings, {.id = settings.profile.id, .languages = settings.profile.languages,
                                                  .languages_may_change = false});
    boost::asio::io_context io(1);
    auto busy = boost::asio::make_work_guard(io);  // between answers the loop waits for the writer, never stops
    boost::asio::thread_pool sign_in(1);
    auto wall_clock = [] { return std::chrono::time_point_cast<core::duration>(std::chrono::system_clock::now()); };
    net::centre_service centre(io.get_executor(), *opened.log, std::move(opened.centre), opened.last_sequence, wall_clock,
                               subscribers);
    std::string failed;
    centre.on_store_failure = [&](std::string const& why) { failed = why; };
    net::dispatcher dispatch(centre, settings, io.get_executor(), sign_in.get_executor());
    net::identity const who{.kind = net::role::admin, .user = stopped_admin_name()};

    std::vector<v1::ServerMessage> answers;
    for (std::size_t i = 0; i < ms.size(); ++i) {
        auto m = ms[i];
        m.set_request_id(i + 1);
        boost::asio::post(io, [&, m] {
            dispatch.handle(who, m, {.id = &answers, .send = [&](v1::ServerMessage const& out) { answers.push_back(out); }});
        });
        while (answers.size() <= i && failed.empty()) io.run_one();  // the reply comes once its events are on disk
        if (!failed.empty()) throw config_error(db + ": " + failed);
        if (answers.back().has_error()) break;
    }
    opened.log->close();
    sign_in.join();
    return answers;
}

}  // namespace novbe::app
