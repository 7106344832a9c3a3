#pragma once
// Where a large SQL text may be cut into pieces that parse on their own.
#include <cstddef>
#include <string_view>
#include <vector>

namespace pgshape::parser {

// Offsets just after a statement's closing `;` (where libpg_query's next
// statement starts) at which `text` may be cut, none closer than `spacing`
// bytes to the previous cut or to the start, in increasing order.
//
// Why not libpg_query's pg_query_split_with_scanner: it runs PostgreSQL's
// whole lexer over the text on one thread before any piece can parse
// (200 ms for an 8 MB schema file); this scan only follows quoting and
// comments, at about a tenth of that. A `;` counts only outside string
// constants (standard, `E'...'` with backslash escapes, dollar-quoted),
// quoted identifiers and comments (nested block comments too), and only
// where the next word is CREATE, ALTER or COMMENT: those never start a
// statement inside a `BEGIN ATOMIC` body, whose own `;` end inner
// statements (a lexer-only split would cut there).
std::vector<std::size_t> statement_cuts(std::string_view text, std::size_t spacing);

} // namespace pgshape::parser
