#pragma once
// The QR code on a ticket (libqrencode), as dots for the printer or as lines for a terminal.
#include "kiosk/escpos.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace novbe::kiosk {

// The code with its 4-module quiet zone, each module `scale` dots square. Throws
// std::runtime_error if the payload cannot be encoded.
bitmap qr_bitmap(std::string_view payload, int scale = 6);

// The code for a terminal: two modules per character cell (▀ ▄ █), dark on light.
std::vector<std::string> qr_lines(std::string_view payload);

}  // namespace novbe::kiosk
