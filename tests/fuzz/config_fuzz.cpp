// libFuzzer target: the TOML configuration loader (server/app/config_file.hpp) on any bytes.
// It must load them or throw config_error naming FILE:LINE, never crash or throw anything else.
// See docs/RELIABILITY.md#fuzzing.
#include "app/config_file.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

// One file per fuzzer process, rewritten for every input and removed at exit.
struct temporary_file {
    std::string path;
    temporary_file() {
        char name[] = "/tmp/novbe-config-fuzz-XXXXXX";
        int const fd = ::mkstemp(name);
        if (fd < 0) std::abort();
        ::close(fd);
        path = name;
    }
    ~temporary_file() { ::unlink(path.c_str()); }
};

std::string const& input_path() {
    static temporary_file const file;
    return file.path;
}

// "FILE:LINE..." for this file: the path, a colon, then the line's digits.
bool names_a_line(std::string const& message, std::string const& path) {
    if (message.rfind(path + ":", 0) != 0) return false;
    auto const at = path.size() + 1;
    return at < message.size() && std::isdigit(static_cast<unsigned char>(message[at]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const& path = input_path();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<char const*>(data), static_cast<std::streamsize>(size));
    }
    try {
        (void)novbe::app::load_config(path);
    } catch (novbe::app::config_error const& e) {
        if (!names_a_line(e.what(), path)) {
            std::fprintf(stderr, "config_fuzz: a config_error without FILE:LINE: %s\n", e.what());
            std::abort();
        }
    }
    // Anything else thrown escapes to libFuzzer, which reports it as a crash.
    return 0;
}
