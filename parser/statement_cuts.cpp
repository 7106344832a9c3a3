#include "parser/statement_cuts.hpp"

#include <cstring>

#include "parser/source_text.hpp"

namespace pgshape::parser {
namespace {

bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9') || c == '$'; }

// The offset just past the string constant whose opening quote is at
// `at`; `backslash` for E'...', where \' does not end it. The text's end
// when the constant never closes (the parser reports that).
std::size_t skip_quoted(std::string_view text, std::size_t at, char quote, bool backslash) {
    std::size_t i = at + 1;
    while (i < text.size()) {
        const char c = text[i];
        if (backslash && c == '\\') {
            i += 2;
        } else if (c == quote) {
            if (i + 1 < text.size() && text[i + 1] == quote) i += 2;  // '' or "" inside
            else return i + 1;
        } else {
            ++i;
        }
    }
    return text.size();
}

// A dollar quote's opening tag at `at` ($$ or $tag$): its length, or 0.
std::size_t dollar_tag_length(std::string_view text, std::size_t at) {
    std::size_t i = at + 1;
    if (i < text.size() && text[i] != '$') {
        if (!is_ident_start(text[i])) return 0;
        while (i < text.size() && is_ident_char(text[i]) && text[i] != '$') ++i;
    }
    if (i >= text.size() || text[i] != '$') return 0;
    return i + 1 - at;
}

std::size_t skip_block_comment(std::string_view text, std::size_t at) {
    int depth = 0;
    std::size_t i = at;
    while (i + 1 < text.size()) {
        if (text[i] == '/' && text[i + 1] == '*') {
            ++depth;
            i += 2;
        } else if (text[i] == '*' && text[i + 1] == '/') {
            i += 2;
            if (--depth == 0) return i;
        } else {
            ++i;
        }
    }
    return text.size();
}

bool word_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if ((text[at + k] | 0x20) != (word[k] | 0x20)) return false;
    return at + word.size() == text.size() || !is_ident_char(text[at + word.size()]);
}

// Whether the statement after the `;` ending at `after` starts with a word
// that cannot start a statement inside a BEGIN ATOMIC body.
bool starts_top_level_statement(std::string_view text, std::size_t after) {
    const std::size_t at = skip_blanks(text, after);
    return at < text.size() && (word_at(text, at, "CREATE") || word_at(text, at, "ALTER") || word_at(text, at, "COMMENT"));
}

} // namespace

std::vector<std::size_t> statement_cuts(std::string_view text, std::size_t spacing) {
    std::vector<std::size_t> cuts;
    std::size_t last = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        switch (c) {
        case '\'': {
            // E'...' (or e'...') takes backslash escapes, unless the E ends a longer word.
            const bool escapes = i > 0 && (text[i - 1] == 'E' || text[i - 1] == 'e') && (i < 2 || !is_ident_char(text[i - 2]));
            i = skip_quoted(text, i, '\'', escapes);
            break;
        }
        case '"':
            i = skip_quoted(text, i, '"', false);
            break;
        case '-':
            if (i + 1 < n && text[i + 1] == '-') {
                const void* newline = std::memchr(text.data() + i, '\n', n - i);
                i = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data()) + 1 : n;
            } else {
                ++i;
            }
            break;
        case '/':
            i = i + 1 < n && text[i + 1] == '*' ? skip_block_comment(text, i) : i + 1;
            break;
        case '$': {
            // Inside a word (a$b) or a parameter ($1) it opens nothing.
            const std::size_t tag = i > 0 && is_ident_char(text[i - 1]) ? 0 : dollar_tag_length(text, i);
            if (tag == 0) {
                ++i;
                break;
            }
            const auto close = text.find(text.substr(i, tag), i + tag);
            i = close == std::string_view::npos ? n : close + tag;
            break;
        }
        case ';':
            ++i;
            if (i - last >= spacing && i < n && starts_top_level_statement(text, i)) {
                cuts.push_back(i);
                last = i;
            }
            break;
        default:
            // Skip the plain run of text up to the next character that matters.
            ++i;
            while (i < n) {
                const char d = text[i];
                if (d == '\'' || d == '"' || d == '-' || d == '/' || d == '$' || d == ';') break;
                ++i;
            }
            break;
        }
    }
    return cuts;
}

} // namespace pgshape::parser
