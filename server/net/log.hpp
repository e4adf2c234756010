#pragma once
// One line per event of a connection's life and per error, with a level, to stderr.
#include <boost/system/error_code.hpp>

#include <string>

namespace novbe::net {

void log_info(std::string const& line);
void log_error(std::string const& line);
// Quiet for the ordinary ends of a connection (closed, aborted, reset); an error line otherwise.
void log_failure(boost::system::error_code ec, std::string const& what);

}  // namespace novbe::net
