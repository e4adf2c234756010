#include "history_query.hpp"

#include <pqxx/pqxx>

#include <regex>
#include <stdexcept>

namespace novbe::central {

namespace {

// A call's wait here is its ticket's, from the issue to the call of its last stay (the
// projection's wait_ms); the live figures count each stay from its own start.
char const* const history_sql = R"sql(
SELECT t.centre_id, t.day::text, t.service,
       coalesce((SELECT n.name FROM service_names n WHERE n.centre_id = t.centre_id AND n.service_id = t.service
                 AND n.language = 'en'), t.service),
       count(*), count(*) FILTER (WHERE t.state = 'done'), count(*) FILTER (WHERE t.state = 'no_show'),
       count(*) FILTER (WHERE t.state = 'cancelled'), count(t.called_ms),
       coalesce((avg(t.wait_ms) / 1000)::bigint, 0), coalesce(max(t.wait_ms) / 1000, 0),
       count(*) FILTER (WHERE t.wait_ms <= sv.target_wait_ms), count(t.rating),
       coalesce(round(avg(t.rating), 2)::text, '')
FROM tickets t LEFT JOIN services sv ON sv.centre_id = t.centre_id AND sv.service_id = t.service
WHERE t.day BETWEEN $1::date AND $2::date AND ($3::text = '*' OR t.centre_id = ANY(string_to_array($3::text, ',')))
GROUP BY t.centre_id, t.day, t.service ORDER BY t.centre_id, t.day, t.service
LIMIT $4
)sql";

std::string csv_field(std::string const& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::optional<std::string> valid_date(std::string const& text) {
    static std::regex const date("^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
    if (!std::regex_match(text, date)) return std::nullopt;
    return text;
}

std::string history_csv(std::string const& connection, history_request const& r) {
    pqxx::connection c(connection);
    pqxx::read_transaction tx(c);
    auto days = tx.exec_params1("SELECT $2::date - $1::date", r.from, r.to)[0].as<int>();
    if (days < 0) throw std::invalid_argument("the range ends before it starts");
    if (days >= max_history_days) throw std::invalid_argument("a range of at most 400 days");
    std::string centres = r.centres.empty() ? "*" : "";  // "*": every centre; else centre_ids joined by commas
    for (auto const& id : r.centres)  // centre_ids are letters, digits, - _ . (docs/CENTRAL.md#configuration)
        if (std::regex_match(id, std::regex("^[A-Za-z0-9._-]{1,64}$"))) centres += (centres.empty() ? "" : ",") + id;
    auto rows = tx.exec_params(history_sql, r.from, r.to, centres, max_history_rows + 1);
    std::string out = "centre,day,service,service_name,issued,served,no_shows,cancelled,called,average_wait_s,"
                      "max_wait_s,within_target,ratings,average_rating\n";
    int n = 0;
    for (auto const& row : rows) {
        if (++n > max_history_rows) {
            out += "# cut at 50000 rows: ask for a shorter range\n";
            break;
        }
        for (pqxx::row::size_type i = 0; i < row.size(); ++i)
            out += (i ? "," : "") + csv_field(row[i].is_null() ? std::string() : row[i].as<std::string>());
        out += "\n";
    }
    return out;
}

}  // namespace novbe::central
