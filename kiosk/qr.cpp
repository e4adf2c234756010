#include "kiosk/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace novbe::kiosk {

namespace {

constexpr int quiet_zone = 4;

// Modules with the quiet zone around them, one bool each.
bitmap modules(std::string_view payload) {
    std::string text(payload);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) throw std::runtime_error("cannot make a QR code of " + text);
    bitmap b;
    b.width = b.height = code->width + 2 * quiet_zone;
    b.dots.assign(static_cast<std::size_t>(b.width * b.height), false);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            b.dots[static_cast<std::size_t>((y + quiet_zone) * b.width + x + quiet_zone)] = code->data[y * code->width + x] & 1;
    return b;
}

}  // namespace

bitmap qr_bitmap(std::string_view payload, int scale) {
    auto m = modules(payload);
    bitmap b;
    b.width = m.width * scale;
    b.height = m.height * scale;
    b.dots.resize(static_cast<std::size_t>(b.width * b.height));
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x) b.dots[static_cast<std::size_t>(y * b.width + x)] = m.at(x / scale, y / scale);
    return b;
}

std::vector<std::string> qr_lines(std::string_view payload) {
    auto m = modules(payload);
    std::vector<std::string> lines;
    for (int y = 0; y < m.height; y += 2) {
        std::string line;
        for (int x = 0; x < m.width; ++x) {
            bool top = m.at(x, y);
            bool bottom = y + 1 < m.height && m.at(x, y + 1);
            // Light cells are drawn, dark ones left blank, so the code reads on a dark terminal.
            if (!top && !bottom) line += "\u2588";
            else if (!top) line += "\u2580";
            else if (!bottom) line += "\u2584";
            else line += ' ';
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace novbe::kiosk
