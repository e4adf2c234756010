// Server-rendered speech over HTTP (server/net/speech.hpp): a call sentence in each of the
// centre's languages comes back as a WAV, Kinyarwanda through its stated fallback voice; the
// second ask of a phrase comes from the cache; anything but a call is refused with a sentence.
// Skipped where espeak-ng is not installed (deploy/install-deps.sh installs it).
#include "server_process.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>

namespace novbe::testing {
namespace {

std::uint32_t u32(std::string const& b, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}

TEST(speech, a_call_is_a_wav_in_every_language_cached_per_phrase_and_nothing_else_is_said) {
    server_process process;
    process.start();
    auto [status, voices] = http_get(process.port(), "/speech/languages");
    ASSERT_EQ(200, status);
    if (voices.find("\"rw\":\"\"") != std::string::npos) GTEST_SKIP() << "espeak-ng is not installed: " << voices;
    EXPECT_EQ(R"({"az":"az","en":"en-gb","ru":"ru","rw":"sw","fr":"fr-fr"})", voices);

    for (std::string lang : {"az", "en", "ru", "rw", "fr"}) {
        auto answer = http_exchange(process.port(), "GET /speech?lang=" + lang + "&ticket=A012&counter=3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        ASSERT_EQ(200, answer.status) << lang << ": " << answer.body.substr(0, 200);
        EXPECT_EQ("audio/wav", answer.headers["content-type"]);
        auto const& wav = answer.body;
        ASSERT_GT(wav.size(), 44u);
        EXPECT_EQ("RIFF", wav.substr(0, 4));
        EXPECT_EQ("WAVE", wav.substr(8, 4));
        EXPECT_EQ(wav.size() - 8, u32(wav, 4)) << "the RIFF length is filled in, not left 'unknown'";
        EXPECT_EQ(22050u, u32(wav, 24)) << "espeak-ng's rate";
        auto data = wav.find("data");
        ASSERT_NE(std::string::npos, data);
        auto seconds = static_cast<double>(u32(wav, data + 4)) / (22050 * 2);
        EXPECT_GT(seconds, 1.5) << lang << ": a whole sentence, not a click";
        EXPECT_LT(seconds, 15.0) << lang;
        EXPECT_EQ("rendered", answer.headers["x-novbe-speech"]) << lang;
    }
    auto again = http_exchange(process.port(), "GET /speech?lang=rw&ticket=A012&counter=3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_EQ(200, again.status);
    EXPECT_EQ("cached", again.headers["x-novbe-speech"]) << "the same phrase is not rendered twice";

    for (std::string bad : {"/speech?lang=rw&ticket=hello&counter=3", "/speech?lang=rw&ticket=A012&counter=0",
                            "/speech?lang=rw&ticket=A012&counter=12345", "/speech?lang=rw&ticket=A0123456789&counter=3",
                            "/speech?lang=rw&text=anything", "/speech"}) {
        auto [code, body] = http_get(process.port(), bad);
        EXPECT_TRUE(code == 400 || code == 404) << bad << " got " << code;
        EXPECT_TRUE(body.find("only for a call") != std::string::npos || body.find("no such language") != std::string::npos)
            << bad << ": " << body;
    }
    EXPECT_EQ(404, http_get(process.port(), "/speech?lang=de&ticket=A012&counter=3").first) << "not a language of the centre";
    EXPECT_EQ(0, process.stop());
}

// An espeak-ng that hangs: the render is killed at its deadline and refused, and meanwhile the
// server answers everyone else at once (the render is not on the event loop).
TEST(speech, a_render_that_hangs_is_cut_off_and_blocks_nobody_else) {
    auto fake = std::filesystem::temp_directory_path() / ("novbe-fake-espeak-" + std::to_string(::getpid()));
    std::filesystem::create_directories(fake);
    std::ofstream(fake / "espeak-ng") << "#!/bin/sh\nexec sleep 30\n";
    std::filesystem::permissions(fake / "espeak-ng", std::filesystem::perms::owner_all);
    std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", (fake.string() + ":" + path).c_str(), 1);  // the server inherits it at start
    server_process process;
    process.start();
    ::setenv("PATH", path.c_str(), 1);
    auto started = std::chrono::steady_clock::now();
    auto spoken = std::async(std::launch::async, [&] { return http_get(process.port(), "/speech?lang=en&ticket=A012&counter=3"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the render is under way
    auto asked = std::chrono::steady_clock::now();
    EXPECT_EQ(200, http_get(process.port(), "/healthz").first);
    EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(500)) << "another client waited for the render";
    auto [status, body] = spoken.get();
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(503, status) << body;
    EXPECT_NE(std::string::npos, body.find("could not be rendered")) << body;
    EXPECT_GT(took, std::chrono::milliseconds(2500));
    EXPECT_LT(took, std::chrono::milliseconds(6000)) << "the deadline (3 s) cut it off";
    EXPECT_EQ(0, process.stop());
    std::filesystem::remove_all(fake);
}

}  // namespace
}  // namespace novbe::testing
