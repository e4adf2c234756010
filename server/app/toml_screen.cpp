#include "toml_screen.hpp"

#include <cctype>

namespace novbe::app {

namespace {

enum class state { normal, comment, basic, literal, multi_basic, multi_literal };

bool non_ascii(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Walks the text once, keeping the line and column (in characters) of where it is.
class scanner {
public:
    explicit scanner(std::string_view text) : text_(text) {
        if (text_.starts_with("\xEF\xBB\xBF")) i_ = start_ = 3;  // a byte order mark is allowed
    }

    std::string run() {
        while (i_ < text_.size()) {
            char const c = text_[i_];
            switch (state_) {
            case state::normal:
                if ((c == '"' || c == '\'') && glued_to_a_word())
                    return where() + ": a quote right after a bare word (put a space or '=' before the string)";
                if (c == '#') state_ = state::comment;
                else if (c == '"') state_ = opens("\"\"\"") ? state::multi_basic : state::basic;
                else if (c == '\'') state_ = opens("'''") ? state::multi_literal : state::literal;
                else if (non_ascii(c)) return where() + ": a non-ASCII character outside a string or comment";
                else if (c == '[' && depth_ == 0 && line_start()) {
                    if (!header_names_a_key()) return where() + ": a table header names no key";
                    continue;
                } else if (c == '[' || c == '=' || (c == ',' && depth_ > 0)) {
                    if (c == '[') ++depth_;
                    // toml++ 3.3.0 asserts (assumes, optimised) that a value follows these.
                    if (!value_follows(c)) return where() + ": a value is missing";
                    continue;
                } else if (c == ']' && depth_ > 0) --depth_;
                break;
            case state::comment:
                if (c == '\n') state_ = state::normal;
                break;
            case state::basic:
                if (c == '\\' && escapes_non_ascii()) return where() + ": a backslash before a non-ASCII character";
                if (c == '\\') step();  // the escaped character cannot end the string
                else if (c == '"' || c == '\n') state_ = state::normal;
                break;
            case state::literal:
                if (c == '\'' || c == '\n') state_ = state::normal;
                break;
            case state::multi_basic:
                if (c == '\\') {
                    if (escapes_non_ascii()) return where() + ": a backslash before a non-ASCII character";
                    if (!line_ending_backslash()) step();  // the escaped character, whatever it is
                    else if (i_ < text_.size() && non_ascii(text_[i_]))
                        return where() + ": a non-ASCII character first after a line-ending backslash "
                                         "(write it on the line of the backslash, or escape it as \\uXXXX)";
                    continue;
                }
                if (closes("\"\"\"")) continue;
                break;
            case state::multi_literal:
                if (closes("'''")) continue;
                break;
            }
            step();
        }
        return {};
    }

private:
    void step() {
        if (i_ >= text_.size()) return;
        if (text_[i_] == '\n') {
            ++line_;
            column_ = 1;
        } else if (!continuation(text_[i_])) {
            ++column_;
        }
        ++i_;
    }
    // An escape is an ASCII letter (an error otherwise); toml++ 3.3.0 first asks whether the
    // character after the backslash is whitespace, which is where a non-ASCII one breaks it.
    bool escapes_non_ascii() const { return i_ + 1 < text_.size() && non_ascii(text_[i_ + 1]); }
    // A quote right after a bare word or anything else but a separator ("0\"x", a"b"): invalid TOML, where toml++ 3.3.0 reads on
    // through a bare value's characters, non-ASCII ones included, while we would see a string.
    bool glued_to_a_word() const {
        if (i_ == start_) return false;
        // Where TOML may start a string: after a blank, a line break, '=', '[', '{', ',' or '.'.
        char const p = text_[i_ - 1];
        return std::string_view(" \t\r\n=[{,.").find(p) == std::string_view::npos;
    }
    // Only blanks before this character on its line.
    bool line_start() const {
        for (auto j = i_; j > start_; --j)
            if (text_[j - 1] == '\n') return true;
            else if (text_[j - 1] != ' ' && text_[j - 1] != '\t') return false;
        return true;
    }
    // At a table header's '[' (or "[["): steps to the first character of its key, which must
    // be one a key can start with; toml++ 3.3.0 asserts it (an assumption in optimised builds).
    bool header_names_a_key() {
        step();
        if (i_ < text_.size() && text_[i_] == '[') step();
        while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) step();
        if (i_ >= text_.size()) return true;  // toml++ reports the end of the file itself
        char const c = text_[i_];
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '"' || c == '\'';
    }
    // After '=', or '[' and ',' in an array: steps over blanks (and, in an array, line breaks
    // and comments) and says whether a value, or in an array its end, comes next.
    bool value_follows(char after) {
        step();
        bool const in_array = after != '=';
        while (i_ < text_.size()) {
            char const c = text_[i_];
            if (c == ' ' || c == '\t' || (in_array && (c == '\n' || c == '\r'))) step();
            else if (in_array && c == '#') while (i_ < text_.size() && text_[i_] != '\n') step();
            else break;
        }
        if (i_ >= text_.size()) return true;  // toml++ reports the end of the file itself
        char const c = text_[i_];
        if (c == '}' || c == ',') return false;
        return in_array || (c != ']' && c != '#' && c != '\n' && c != '\r');
    }
    std::string where() const { return std::to_string(line_) + ":" + std::to_string(column_); }

    // At an opening quote: a triple one is stepped over but its last character.
    bool opens(std::string_view triple) {
        if (text_.substr(i_, 3) != triple) return false;
        step();
        step();
        return true;
    }
    // At a multi-line string's character: the closing triple (and up to two more quotes before
    // it, which belong to the string) ends it, stepped over.
    bool closes(std::string_view triple) {
        if (text_.substr(i_, 3) != triple) return false;
        for (int n = 0; n < 5 && i_ < text_.size() && text_[i_] == triple[0]; ++n) step();
        state_ = state::normal;
        return true;
    }
    // At a backslash in a multi-line basic string: steps over it; when only blanks follow it on
    // its line, over them and every blank and line break after, to the next character.
    bool line_ending_backslash() {
        step();
        auto j = i_;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
        if (j < text_.size() && text_[j] == '\r') ++j;
        if (j >= text_.size() || text_[j] != '\n') return false;
        while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\r' || text_[i_] == '\n')) step();
        return true;
    }

    std::string_view text_;
    std::size_t i_ = 0;
    std::size_t start_ = 0;  // after the byte order mark, if any
    int line_ = 1;
    int column_ = 1;
    int depth_ = 0;  // open '[' of array values, so that a nested array on its own line is no header
    state state_ = state::normal;
};

}  // namespace

std::string screen_toml(std::string_view text) { return scanner(text).run(); }

}  // namespace novbe::app
