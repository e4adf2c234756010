#include "speech.hpp"

#include "net/speech_process.hpp"
#include "net/speech_text.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>

namespace novbe::net {

speech::speech(std::vector<std::string> languages, std::string program, speech_limits l)
    : languages_(std::move(languages)), program_(std::move(program)), limits_(l), available_(program_available(program_)) {}

speech::~speech() { pool_.join(); }

bool speech::speaks(std::string const& language) const {
    return available_ && !speech_voice(language).empty() &&
           std::find(languages_.begin(), languages_.end(), language) != languages_.end();
}

std::string speech::languages_json() const {
    std::string out = "{";
    for (auto const& language : languages_) {
        if (out.size() > 1) out += ",";
        out += "\"" + language + "\":\"" + std::string(speaks(language) ? speech_voice(language) : "") + "\"";
    }
    return out + "}";
}

std::size_t speech::renders() const {
    std::lock_guard lock(mutex_);
    return renders_;
}

void speech::say(std::string const& language, std::string const& text, done then) {
    auto key = language + '\n' + text;
    std::shared_ptr<std::string const> cached;
    bool busy = false;
    {
        std::lock_guard lock(mutex_);
        if (auto found = cache_.find(key); found != cache_.end()) {
            if (!found->second.wav) {  // being rendered: answered with the others
                found->second.waiting.push_back(std::move(then));
                return;
            }
            cached = found->second.wav;
        } else if (rendering_ >= limits_.waiting_renders) {
            busy = true;
        } else {
            ++rendering_;
            ++renders_;
            cache_[key].waiting.push_back(std::move(then));
        }
    }
    if (cached) return then(cached, "cached");
    if (busy) return then(nullptr, "busy");
    boost::asio::post(pool_, [this, key, voice = std::string(speech_voice(language)), text] {
        finish(key, render_wav(program_, voice, text, limits_.deadline, limits_.max_wav_bytes));
    });
}

void speech::finish(std::string const& key, std::optional<std::string> wav) {
    std::vector<done> waiting;
    std::shared_ptr<std::string const> kept;
    {
        std::lock_guard lock(mutex_);
        --rendering_;
        auto found = cache_.find(key);
        waiting = std::move(found->second.waiting);
        if (!wav) {
            cache_.erase(found);  // a failure is not kept: the next ask tries again
        } else {
            kept = std::make_shared<std::string const>(std::move(*wav));
            found->second.wav = kept;
            found->second.waiting.clear();
            order_.push_back(key);
            bytes_ += kept->size();
            while (order_.size() > limits_.cache_entries || (bytes_ > limits_.cache_bytes && order_.size() > 1)) {
                auto old = cache_.find(order_.front());
                bytes_ -= old->second.wav->size();
                cache_.erase(old);
                order_.pop_front();
            }
        }
    }
    for (auto& then : waiting) then(kept, kept ? "" : "failed");
}

}  // namespace novbe::net
