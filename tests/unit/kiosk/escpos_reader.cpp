#include "escpos_reader.hpp"

#include <iconv.h>
#include <zbar.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace novbe::testing {

namespace {

std::string to_utf8(std::string const& bytes, int code_page) {
    static std::map<int, char const*> const names = {{0, "CP437"}, {16, "CP1252"}, {17, "CP866"}, {46, "CP1251"}, {48, "CP1254"}};
    auto it = names.find(code_page);
    if (it == names.end()) throw std::runtime_error("unknown code page " + std::to_string(code_page));
    iconv_t cd = iconv_open("UTF-8", it->second);
    std::string in = bytes, out(bytes.size() * 4 + 4, '\0');
    char* src = in.data();
    char* dst = out.data();
    std::size_t src_left = in.size(), dst_left = out.size();
    auto r = iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1)) throw std::runtime_error("text not in code page " + std::to_string(code_page));
    out.resize(out.size() - dst_left);
    return out;
}

std::vector<std::string> decode_qr(int width, int height, std::vector<unsigned char> const& gray) {
    zbar::ImageScanner scanner;
    scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::Image image(static_cast<unsigned>(width), static_cast<unsigned>(height), "Y800", gray.data(), gray.size());
    scanner.scan(image);
    std::vector<std::string> found;
    for (auto s = image.symbol_begin(); s != image.symbol_end(); ++s) found.push_back(s->get_data());
    return found;
}

}  // namespace

bool printout::has_line(std::string const& s) const { return std::find(lines.begin(), lines.end(), s) != lines.end(); }

bool printout::contains(std::string const& s) const {
    return std::any_of(lines.begin(), lines.end(), [&](auto const& l) { return l.find(s) != std::string::npos; });
}

printout read_escpos(std::string const& b) {
    printout p;
    int code_page = 0;
    std::string text;
    std::size_t i = 0;
    auto need = [&](std::size_t n) {
        if (i + n > b.size()) throw std::runtime_error("ESC/POS command cut short at byte " + std::to_string(i));
    };
    auto byte = [&](std::size_t at) { return static_cast<unsigned char>(b[at]); };
    while (i < b.size()) {
        unsigned char c = byte(i);
        if (c == '\n') {
            p.lines.push_back(to_utf8(text, code_page));
            text.clear();
            ++i;
        } else if (c == 0x1b) {
            need(2);
            char cmd = b[i + 1];
            if (cmd == '@') i += 2;
            else if (cmd == 't') need(3), code_page = byte(i + 2), i += 3;
            else if (cmd == 'a' || cmd == 'E' || cmd == 'd') need(3), i += 3;
            else throw std::runtime_error(std::string("unknown ESC ") + cmd);
        } else if (c == 0x1d) {
            need(2);
            char cmd = b[i + 1];
            if (cmd == '!') need(3), i += 3;
            else if (cmd == 'V') {
                need(4);
                ++p.cuts;
                i += 4;
            } else if (cmd == 'v') {
                need(8);
                int row_bytes = byte(i + 4) | byte(i + 5) << 8;
                int height = byte(i + 6) | byte(i + 7) << 8;
                i += 8;
                need(static_cast<std::size_t>(row_bytes * height));
                std::vector<unsigned char> gray(static_cast<std::size_t>(row_bytes * 8 * height));
                for (int y = 0; y < height; ++y)
                    for (int x = 0; x < row_bytes * 8; ++x) {
                        bool black = byte(i + static_cast<std::size_t>(y * row_bytes + x / 8)) & (0x80 >> (x % 8));
                        gray[static_cast<std::size_t>(y * row_bytes * 8 + x)] = black ? 0 : 255;
                    }
                i += static_cast<std::size_t>(row_bytes * height);
                ++p.images;
                for (auto& q : decode_qr(row_bytes * 8, height, gray)) p.qr_codes.push_back(q);
            } else throw std::runtime_error(std::string("unknown GS ") + cmd);
        } else {
            text.push_back(static_cast<char>(c));
            ++i;
        }
    }
    p.cut_at_end = p.cuts > 0 && text.empty() && b.size() >= 4 && b[b.size() - 4] == 0x1d && b[b.size() - 3] == 'V';
    return p;
}

}  // namespace novbe::testing
