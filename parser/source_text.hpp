#pragma once
// Source files and the `file:line:col` diagnostics that point into them.
#include <memory>
#include <string>
#include <string_view>

namespace pgshape::parser {

struct SourceFile {
    std::string path;  // as the user named it, or a label like "<database>"
    std::string text;
};

struct LineCol {
    int line = 1;
    int col = 1;  // 1-based, in characters (UTF-8 aware)
};

LineCol line_col(std::string_view text, std::size_t offset);

// "file:line:col: error: message\n  <line>\n  <caret>\n  help: ..." — the
// one format every user-facing error with a location uses.
std::string format_diagnostic(const SourceFile& file, std::size_t offset,
                              std::string_view message, std::string_view help = {});

// First byte at or after `offset` that is not whitespace or a comment: where
// a statement really starts (libpg_query's stmt_location includes the
// comments before it).
std::size_t skip_blanks(std::string_view text, std::size_t offset);

// pg_dump (15.14 and later) brackets a plain dump with the psql
// meta-commands `\restrict <key>` and `\unrestrict <key>`, which are no SQL:
// their lines are turned into blanks, so every offset stays where it was.
// Any other backslash command is left for the parser to report.
void blank_dump_meta_commands(std::string& text);

} // namespace pgshape::parser
