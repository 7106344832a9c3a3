#include "parser/source_text.hpp"

#include <fmt/format.h>

namespace pgshape::parser {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

} // namespace

LineCol line_col(std::string_view text, std::size_t offset) {
    LineCol pos;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.col = 1;
        } else if (!is_continuation_byte(text[i])) {
            ++pos.col;
        }
    }
    return pos;
}

std::string format_diagnostic(const SourceFile& file, std::size_t offset,
                              std::string_view message, std::string_view help) {
    offset = std::min(offset, file.text.size());
    const LineCol pos = line_col(file.text, offset);
    const std::size_t begin = file.text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t line_start = (begin == std::string::npos || offset == 0) ? 0 : begin + 1;
    std::size_t line_end = file.text.find('\n', offset);
    if (line_end == std::string::npos) line_end = file.text.size();
    std::string line = file.text.substr(line_start, line_end - line_start);
    for (char& c : line)
        if (c == '\t') c = ' ';
    std::string out = fmt::format("{}:{}:{}: error: {}\n", file.path, pos.line, pos.col, message);
    out += fmt::format("  {}\n  {}^", line, std::string(static_cast<std::size_t>(pos.col - 1), ' '));
    if (!help.empty()) out += fmt::format("\n  help: {}", help);
    return out;
}

std::size_t skip_blanks(std::string_view text, std::size_t offset) {
    while (offset < text.size()) {
        const char c = text[offset];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++offset;
        } else if (text.substr(offset, 2) == "--") {
            const auto end = text.find('\n', offset);
            offset = end == std::string_view::npos ? text.size() : end + 1;
        } else if (text.substr(offset, 2) == "/*") {
            const auto end = text.find("*/", offset + 2);
            offset = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return offset;
}

void blank_dump_meta_commands(std::string& text) {
    constexpr std::string_view k_commands[] = {"\\restrict ", "\\unrestrict "};
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + at, end - at);
        for (auto command : k_commands)
            if (line.starts_with(command))
                for (std::size_t i = at; i < end; ++i)
                    if (text[i] != '\r') text[i] = ' ';
        at = end + 1;
    }
}

} // namespace pgshape::parser
