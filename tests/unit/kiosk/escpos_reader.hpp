#pragma once
// Reads ESC/POS bytes back as a printer would, for tests: the text lines (decoded from the code
// page selected at the time), the raster images, and the cuts. The QR codes in the images are
// decoded with zbar, a reader independent of the library that drew them.
#include <string>
#include <vector>

namespace novbe::testing {

struct printout {
    std::vector<std::string> lines;     // UTF-8
    std::vector<std::string> qr_codes;  // the payloads found in the images
    int images = 0;
    int cuts = 0;
    bool cut_at_end = false;            // nothing but feeds after the last cut
    bool has_line(std::string const& s) const;
    bool contains(std::string const& s) const;  // in any line
};

// Throws std::runtime_error on a command it does not know or bytes cut short.
printout read_escpos(std::string const& bytes);

}  // namespace novbe::testing
