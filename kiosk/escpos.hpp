#pragma once
// ESC/POS, the command language of 80 mm receipt printers (Epson TM-T88 and the many that copy
// it): text in a code page the printer knows, sizes, alignment, a raster image, feed and cut.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace novbe::kiosk {

// A black-and-white picture, one bool per dot, row by row.
struct bitmap {
    int width = 0;
    int height = 0;
    std::vector<bool> dots;
    bool at(int x, int y) const { return dots[static_cast<std::size_t>(y * width + x)]; }
};

// One code page of the printer: its ESC t number and the iconv name of the same table.
struct code_page {
    std::uint8_t number;
    char const* iconv_name;
};

// The code page whose letters the language needs first (az: Turkish 1254, ru: Cyrillic 1251,
// fr, en, rw: Western 1252).
code_page code_page_for(std::string_view language);

class escpos {
public:
    explicit escpos(std::string_view language);  // initialises the printer

    enum class alignment { left = 0, centre = 1 };
    escpos& align(alignment a);
    escpos& bold(bool on);
    escpos& size(int width_times, int height_times);  // 1..8 each
    // One line of UTF-8 text. It goes out in the language's code page, or in another one that
    // holds all its letters (the page is switched for the line); Azerbaijani ə, which no
    // printer code page has, is printed as ä, the letter the 1991 alphabet used for it.
    escpos& line(std::string_view utf8);
    escpos& image(bitmap const& b);  // GS v 0, at most 576 dots wide (80 mm paper)
    escpos& feed(int lines);
    escpos& cut();                   // feeds to the cutter and cuts, leaving a hinge
    std::string const& bytes() const { return out_; }

private:
    void select(code_page cp);
    code_page preferred_;
    int selected_ = -1;
    std::string out_;
};

// UTF-8 into a code page; false if a letter is not in it (and `into` is then unspecified).
bool encode(std::string_view utf8, char const* iconv_name, std::string& into);

}  // namespace novbe::kiosk
