#include "speech_text.hpp"

#include <array>
#include <utility>

namespace novbe::net {

namespace {

// {language, callSentence}: generated from web/i18n/*.json.
constexpr std::pair<std::string_view, std::string_view> sentences[] = {
#include "call_sentences.inc"
};

constexpr std::array<std::string_view, 10> kinyarwanda_digits = {
    "zeru", "rimwe", "kabiri", "gatatu", "kane", "gatanu", "gatandatu", "karindwi", "umunani", "icyenda"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string digit_words(std::string_view digits) {
    std::string out;
    for (char c : digits) out += (out.empty() ? "" : ", ") + std::string(kinyarwanda_digits[static_cast<std::size_t>(c - '0')]);
    return out;
}

std::string replaced(std::string text, std::string_view key, std::string const& value) {
    if (auto at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
    return text;
}

}  // namespace

std::string_view speech_voice(std::string_view language) {
    if (language == "az" || language == "ru") return language;
    if (language == "en") return "en-gb";
    if (language == "fr") return "fr-fr";
    if (language == "rw") return "sw";
    return {};
}

std::optional<std::string> call_sentence(std::string_view language, std::string_view number, std::uint32_t counter) {
    std::string_view sentence;
    for (auto const& [code, text] : sentences)
        if (code == language) sentence = text;
    if (sentence.empty() || speech_voice(language).empty() || counter < 1 || counter > 9999) return std::nullopt;
    std::size_t letters = 0;
    while (letters < number.size() && number[letters] >= 'A' && number[letters] <= 'Z') ++letters;
    auto digits = number.substr(letters);
    if (letters < 1 || letters > 4 || digits.empty() || digits.size() > 6) return std::nullopt;
    for (char c : digits)
        if (!is_digit(c)) return std::nullopt;
    std::string spelled;  // "A012" -> "A 12": letters apart, the number as a number
    for (std::size_t i = 0; i < letters; ++i) spelled += (i ? " " : "") + std::string(1, number[i]);
    auto value = digits.substr(std::min(digits.find_first_not_of('0'), digits.size() - 1));
    auto counter_text = std::to_string(counter);
    if (language == "rw") {
        spelled += ", " + digit_words(value);
        counter_text = digit_words(counter_text);
    } else {
        spelled += " " + std::string(value);
    }
    return replaced(replaced(std::string(sentence), "{number}", spelled), "{counter}", counter_text);
}

}  // namespace novbe::net
