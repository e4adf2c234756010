#pragma once
// Runs espeak-ng as a child process (no shell: the text is one argument) and collects the WAV it
// writes to stdout, within a deadline and a size bound; a child that overruns is killed. Blocks
// the calling thread: speech.cpp calls it on its own pool, never on the event loop.
#include <chrono>
#include <optional>
#include <string>

namespace novbe::net {

// Whether `program` is an executable file in PATH (or a path to one).
bool program_available(std::string const& program);

// The WAV of `text` said by `voice`, its RIFF and data lengths filled in (espeak-ng writing to a
// pipe leaves them "unknown", which some players refuse); nullopt on failure or timeout.
std::optional<std::string> render_wav(std::string const& program, std::string const& voice, std::string const& text,
                                      std::chrono::milliseconds deadline, std::size_t max_bytes);

}  // namespace novbe::net
