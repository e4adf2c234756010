#include "api_client.hpp"

#include "ws_client.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace novbe::testing {

namespace json = boost::json;

std::string api_reply::error() const {
    if (body.is_object() && body.as_object().contains("error"))
        return std::to_string(status) + " " + std::string(body.at("error").as_string());
    return std::to_string(status);
}

void record_answer(std::string const& method, std::string const& target, int status, std::string const& body) {
    auto const* file = std::getenv("NOVBE_API_ANSWERS");
    std::error_code ec;
    json::parse(body, ec);
    if (!file || ec) return;
    std::string path = target.substr(0, target.find('?'));
    if (path.starts_with("/api/v1/bookings/"))
        path = path.ends_with("/reschedule") ? "/api/v1/bookings/{token}/reschedule" : "/api/v1/bookings/{token}";
    if (path.starts_with("/api/public/v1/bookings/")) path = "/api/public/v1/bookings/{token}";
    json::object line{{"method", method}, {"path", path}, {"status", status}, {"body", body}};
    std::ofstream(file, std::ios::app) << json::serialize(line) << "\n";
}

api_reply api_client::call(std::string const& method, std::string const& target, std::string const& body) const {
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) +
                          "\r\nConnection: close\r\n";
    if (!key_.empty()) request += "X-Api-Key: " + key_ + "\r\n";
    if (!body.empty() || method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n" + body;
    auto answer = http_exchange(port_, request, from_);
    api_reply out{.status = answer.status, .raw = answer.body, .content_type = answer.headers["content-type"]};
    std::error_code ec;
    out.body = json::parse(answer.body, ec);
    if (ec) out.body = nullptr;
    record_answer(method, target, out.status, out.raw);
    return out;
}

api_reply api_client::slots(std::string const& service, std::string const& date) const {
    return call("GET", "/api/v1/slots?service=" + service + "&date=" + date);
}

api_reply api_client::book(std::string const& service, std::string const& slot, std::string const& reference) const {
    json::object o{{"service", service}, {"slot", slot}, {"reference", reference}};
    return call("POST", "/api/v1/bookings", json::serialize(o));
}

std::string baku_date(int days_from_today) {
    using namespace std::chrono;
    auto day = floor<days>(system_clock::now() + hours(4)) + days(days_from_today);
    year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

std::string baku_slot(int days_from_today, std::string const& hh_mm) {
    return baku_date(days_from_today) + "T" + hh_mm + ":00+04:00";
}

}  // namespace novbe::testing
