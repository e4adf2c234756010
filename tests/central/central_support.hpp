#pragma once
// What the central tests share: the centre's own rows, its [central] table, waiting for the
// central side to catch up, and signed-in clients.
#include "../integration/messages.hpp"
#include "../integration/server_process.hpp"
#include "../integration/ws_client.hpp"
#include "pg_cluster.hpp"

#include <sqlite3.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

namespace novbe::testing {
namespace central_support {

using M = v1::ClientMessage;
using namespace std::chrono_literals;

// Rows of the centre's own centre.db (read-only), formatted as psql -At formats them.
inline std::string local_rows(server_process const& p, std::string const& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2((p.folder() + "/centre.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
        while (s && sqlite3_step(s) == SQLITE_ROW) {
            if (!out.empty()) out += '\n';
            for (int i = 0; i < sqlite3_column_count(s); ++i) {
                if (i) out += '|';
                if (auto const* t = sqlite3_column_text(s, i)) out += reinterpret_cast<char const*>(t);
            }
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

inline std::string central_config(pg_cluster const& pg, std::string const& centre_id, int batch = 1000) {
    return "\n[central]\nconnection = \"" + pg.connection() + "\"\ncentre_id = \"" + centre_id +
           "\"\nbatch_events = " + std::to_string(batch) + "\n";
}

// Waits (20 s at most) until the central high-water mark reaches the centre's last event.
inline bool caught_up(pg_cluster const& pg, server_process const& p, std::string const& centre_id = "baku-1") {
    for (auto until = std::chrono::steady_clock::now() + 20s; std::chrono::steady_clock::now() < until;
         std::this_thread::sleep_for(100ms)) {
        auto local = local_rows(p, "SELECT max(seq) FROM events");
        try {
            if (!local.empty() && local == pg.query("SELECT forwarded_seq FROM centres WHERE centre_id = '" + centre_id + "'"))
                return true;
        } catch (std::exception const&) {
            // the schema may not be there yet
        }
    }
    return false;
}

inline ws_client signed_in(server_process const& p, v1::Role role) {
    ws_client c(p.port());
    if (role == v1::ROLE_KIOSK) c.hello(role, server_process::kiosk_token);
    else c.hello(role, server_process::clerk, server_process::clerk_secret);
    return c;
}

inline std::string issue_one(server_process const& p, std::string const& service = "notary") {
    auto k = signed_in(p, v1::ROLE_KIOSK);
    return k.request(issue(service)).reply().issued_ticket().number();
}

// The situation room's users: a national manager, and a regional one who sees baku-2 only.
inline std::string const users = R"([[users]]
name = "nigar"
role = "national"
secret = "nigar-secret-1"

[[users]]
name = "rauf"
role = "regional"
secret = "rauf-secret-1"
centres = ["baku-2"]
)";

inline std::string const events_sql = "SELECT seq, day, at_ms FROM events ORDER BY seq";
inline std::string const central_events_sql =
    "SELECT seq, day - date '1970-01-01', at_ms FROM events WHERE centre_id = 'baku-1' ORDER BY seq";

}  // namespace central_support
}  // namespace novbe::testing
