#include "kiosk/escpos.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace novbe::kiosk {

namespace {

constexpr char ESC = '\x1b';
constexpr char GS = '\x1d';

constexpr code_page western{16, "CP1252"};
constexpr code_page cyrillic{46, "CP1251"};
constexpr code_page turkish{48, "CP1254"};
constexpr std::array fallbacks{western, turkish, cyrillic};

std::string replace_schwa(std::string_view utf8) {
    std::string s(utf8);
    for (auto [from, to] : {std::pair{"\xc9\x99", "\xc3\xa4"}, std::pair{"\xc6\x8f", "\xc3\x84"}}) {  // ə→ä, Ə→Ä
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at)) s.replace(at, 2, to);
    }
    return s;
}

}  // namespace

bool encode(std::string_view utf8, char const* iconv_name, std::string& into) {
    iconv_t cd = iconv_open(iconv_name, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv has no ") + iconv_name);
    std::string in(utf8);
    into.assign(in.size() * 2 + 4, '\0');
    char* src = in.data();
    std::size_t src_left = in.size();
    char* dst = into.data();
    std::size_t dst_left = into.size();
    auto r = iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1)) return false;
    into.resize(into.size() - dst_left);
    return true;
}

code_page code_page_for(std::string_view language) {
    if (language == "az") return turkish;
    if (language == "ru") return cyrillic;
    return western;
}

escpos::escpos(std::string_view language) : preferred_(code_page_for(language)) {
    out_ += {ESC, '@'};
    select(preferred_);
}

void escpos::select(code_page cp) {
    if (selected_ == cp.number) return;
    out_ += {ESC, 't', static_cast<char>(cp.number)};
    selected_ = cp.number;
}

escpos& escpos::align(alignment a) {
    out_ += {ESC, 'a', static_cast<char>(a)};
    return *this;
}

escpos& escpos::bold(bool on) {
    out_ += {ESC, 'E', static_cast<char>(on ? 1 : 0)};
    return *this;
}

escpos& escpos::size(int width_times, int height_times) {
    auto w = std::clamp(width_times, 1, 8) - 1;
    auto h = std::clamp(height_times, 1, 8) - 1;
    out_ += {GS, '!', static_cast<char>(w << 4 | h)};
    return *this;
}

escpos& escpos::line(std::string_view utf8) {
    auto text = replace_schwa(utf8);
    std::string encoded;
    bool done = encode(text, preferred_.iconv_name, encoded);
    if (done) select(preferred_);
    for (auto cp : fallbacks) {
        if (done) break;
        if ((done = encode(text, cp.iconv_name, encoded))) select(cp);
    }
    if (!done) {  // letters no page has: print what the preferred page can, marking the rest
        select(preferred_);
        encoded.clear();
        for (char c : text) encoded.push_back(static_cast<unsigned char>(c) < 0x80 ? c : '?');
    }
    out_ += encoded;
    out_ += '\n';
    return *this;
}

escpos& escpos::image(bitmap const& b) {
    if (b.width <= 0 || b.width > 576 || b.height <= 0 || b.height > 2303) throw std::invalid_argument("image does not fit 80 mm paper");
    int const row_bytes = (b.width + 7) / 8;
    out_ += {GS, 'v', '0', '\0'};
    out_ += {static_cast<char>(row_bytes & 0xff), static_cast<char>(row_bytes >> 8)};
    out_ += {static_cast<char>(b.height & 0xff), static_cast<char>(b.height >> 8)};
    for (int y = 0; y < b.height; ++y) {
        for (int xb = 0; xb < row_bytes; ++xb) {
            unsigned byte = 0;
            for (int bit = 0; bit < 8; ++bit) {
                int x = xb * 8 + bit;
                if (x < b.width && b.at(x, y)) byte |= 0x80u >> bit;
            }
            out_.push_back(static_cast<char>(byte));
        }
    }
    return *this;
}

escpos& escpos::feed(int lines) {
    out_ += {ESC, 'd', static_cast<char>(std::clamp(lines, 0, 255))};
    return *this;
}

escpos& escpos::cut() {
    out_ += {GS, 'V', 'B', '\x03'};  // function B: feed 3 lines to the cutter, then a partial cut
    return *this;
}

}  // namespace novbe::kiosk
