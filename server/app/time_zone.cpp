// The time zone's offset, read from the system's zoneinfo (config_file.hpp): apart from the
// file's reading, which only names the zone.
#include "config_file.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace novbe::app {

std::chrono::minutes utc_offset_of(std::string const& time_zone) {
    if (time_zone.empty() || time_zone.find("..") != std::string::npos ||
        !std::filesystem::exists("/usr/share/zoneinfo/" + time_zone))
        throw config_error("unknown time zone '" + time_zone + "' (is the tzdata package installed?)");
    auto const* before = std::getenv("TZ");
    std::string saved = before ? before : "";
    setenv("TZ", time_zone.c_str(), 1);
    tzset();
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    if (before) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
    return std::chrono::minutes(local.tm_gmtoff / 60);
}

}  // namespace novbe::app
