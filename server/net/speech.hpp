#pragma once
// Server-rendered speech for the boards: a call sentence (speech_text.hpp) in one of the centre's
// languages, said by espeak-ng (speech_process.hpp) on a small pool of its own, never on the event
// loop; the WAVs kept in memory per phrase, up to a bound, oldest out first. At most a few
// renders wait at once; more are refused rather than queued. Thread-safe.
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace novbe::net {

struct speech_limits {
    std::size_t cache_entries = 256;
    std::size_t cache_bytes = 32u << 20;
    std::size_t waiting_renders = 8;  // phrases being rendered or queued for it
    std::chrono::milliseconds deadline{3000};
    std::size_t max_wav_bytes = 4u << 20;
};

class speech {
public:
    // The WAV ("cached" when no render was needed), or null with why not ("busy", "failed").
    using done = std::function<void(std::shared_ptr<std::string const> wav, std::string const& why)>;

    speech(std::vector<std::string> languages, std::string program = "espeak-ng", speech_limits l = {});
    ~speech();

    // How the server says each of the centre's languages: {"az":"az",...,"rw":"sw"}, a voice
    // name each, or "" for none (espeak-ng missing, or no voice): served as /speech/languages.
    std::string languages_json() const;
    bool speaks(std::string const& language) const;

    // Renders (or finds in the cache) `text` in `language`; `then` runs on the pool's thread, or
    // on the caller's for a cached phrase or a refusal.
    void say(std::string const& language, std::string const& text, done then);

    std::size_t renders() const;  // espeak-ng runs so far: what the cache saved shows here

private:
    struct entry {
        std::shared_ptr<std::string const> wav;
        std::vector<done> waiting;  // while it is rendered
    };
    void finish(std::string const& key, std::optional<std::string> wav);

    std::vector<std::string> languages_;
    std::string program_;
    speech_limits limits_;
    bool available_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, entry> cache_;
    std::deque<std::string> order_;  // rendered keys, oldest first
    std::size_t bytes_ = 0;
    std::size_t rendering_ = 0;
    std::size_t renders_ = 0;
    boost::asio::thread_pool pool_{1};  // last: joined first, while the rest still stands
};

}  // namespace novbe::net
