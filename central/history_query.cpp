#include "history_query.hpp"

#include <pqxx/pqxx>

#include <regex>
#include <stdexcept>

namespace novbe::central {

namespace {

// The user's days of service_days ($1 to $2, centres $3: "*" or ids joined by commas) with each
// service's agency; summed below per grouping. A wait counts from the start of its stay (the
// issue, or the transfer into that service), as the centre's engine and own history count it.
char const* const range_sql = R"sql(
WITH d AS (
    SELECT d.*, coalesce(s.agency, '') AS agency FROM service_days d
    LEFT JOIN services s ON s.centre_id = d.centre_id AND s.service_id = d.service
    WHERE d.day BETWEEN $1::date AND $2::date AND ($3::text = '*' OR d.centre_id = ANY(string_to_array($3::text, ','))))
)sql";

// The same figures for every grouping, in the CSV's order after its keys.
char const* const sums_sql = R"sql(
       sum(issued), sum(served), sum(no_shows), sum(cancelled), sum(called),
       coalesce(round(sum(wait_sum_ms)::numeric / nullif(sum(called), 0) / 1000)::bigint, 0), max(wait_max_ms) / 1000,
       sum(within_target), sum(ratings), coalesce(round(sum(rating_sum)::numeric / nullif(sum(ratings), 0), 2)::text, '')
)sql";

struct grouping_sql {
    char const* header;  // the key columns
    char const* keys;    // SELECT's key columns
    char const* group;   // GROUP BY and ORDER BY
};

grouping_sql const& sql_of(history_grouping by) {
    // An agency is its id as the centres' set-ups name it, one across centres; its name the
    // first centre's (services without an agency are the row with an empty one).
    static grouping_sql const centre{"centre,day", "centre_id, day::text,", "centre_id, day"};
    static grouping_sql const service{
        "centre,day,service,service_name",
        "centre_id, day::text, service, coalesce((SELECT n.name FROM service_names n WHERE n.centre_id = d.centre_id "
        "AND n.service_id = d.service AND n.language = 'en'), service),",
        "centre_id, day, service"};
    static grouping_sql const agency{
        "day,agency,agency_name",
        "day::text, agency, coalesce((SELECT a.name FROM agency_names a WHERE a.agency = d.agency AND a.language = 'en' "
        "AND a.centre_id IN (SELECT centre_id FROM d) ORDER BY a.centre_id LIMIT 1), agency),",
        "day, agency"};
    return by == history_grouping::centre ? centre : by == history_grouping::agency ? agency : service;
}

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

std::optional<history_grouping> grouping_named(std::string const& text) {
    if (text == "centre") return history_grouping::centre;
    if (text == "service") return history_grouping::service;
    if (text == "agency") return history_grouping::agency;
    return std::nullopt;
}

history_answer history(std::string const& connection, history_request const& r) {
    pqxx::connection c(connection);
    pqxx::read_transaction tx(c);
    auto days = tx.exec_params1("SELECT $2::date - $1::date", r.from, r.to)[0].as<int>();
    if (days < 0) throw std::invalid_argument("the range ends before it starts");
    if (days >= max_history_days) throw std::invalid_argument("a range of at most 400 days");
    std::string centres = r.centres.empty() ? "*" : "";  // "*": every centre; else centre_ids joined by commas
    for (auto const& id : r.centres)  // centre_ids are letters, digits, - _ . (docs/CENTRAL.md#configuration)
        if (std::regex_match(id, std::regex("^[A-Za-z0-9._-]{1,64}$"))) centres += (centres.empty() ? "" : ",") + id;
    auto const& g = sql_of(r.by);
    auto rows = tx.exec_params(std::string(range_sql) + "SELECT " + g.keys + sums_sql + " FROM d GROUP BY " + g.group +
                                   " ORDER BY " + g.group + " LIMIT $4",
                               r.from, r.to, centres, max_history_rows + 1);
    history_answer out;
    out.csv = std::string(g.header) +
              ",issued,served,no_shows,cancelled,called,average_wait_s,max_wait_s,within_target,ratings,average_rating\n";
    int n = 0;
    for (auto const& row : rows) {
        if (++n > max_history_rows) {
            out.csv += "# cut at 50000 rows: ask for a shorter range\n";
            break;
        }
        for (pqxx::row::size_type i = 0; i < row.size(); ++i)
            out.csv += (i ? "," : "") + csv_field(row[i].is_null() ? std::string() : row[i].as<std::string>());
        out.csv += "\n";
    }
    // The chart's days over every row, whatever the grouping and a cut (at most 400 rows).
    for (auto const& row : tx.exec_params(std::string(range_sql) + "SELECT day::text, sum(issued), sum(called), "
                                          "sum(within_target) FROM d GROUP BY day ORDER BY day",
                                          r.from, r.to, centres))
        out.days.push_back({row[0].as<std::string>(), row[1].as<long long>(), row[2].as<long long>(), row[3].as<long long>()});
    return out;
}

}  // namespace novbe::central
