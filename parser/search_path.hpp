#pragma once
// SET search_path in schema files.
//
// The model names every object with its schema, and an unqualified name
// means public (or pg_catalog, for built-in types and functions), as the
// catalog writes them with an empty search_path. A file may instead say
// `SET search_path = rad, pg_catalog;` and name rad's objects bare, as
// pg_dump wrote dumps before version 10. Before the statements are read,
// the names such statements leave unqualified are qualified as PostgreSQL
// would resolve them, so the rest of the loader sees only the names it
// already reads.
#include <optional>
#include <string>
#include <vector>

#include "parser/load.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser {

// The schemas a SET search_path statement names, in order ("$user" left
// out: roles are not modelled); nullopt when `stmt` is not one or one
// pgshape cannot follow (a value that is not a name). SET search_path TO
// DEFAULT and RESET search_path give PostgreSQL's default, public.
std::optional<std::vector<std::string>> search_path_of(const Node* stmt);

// Qualifies, in place, the names left unqualified by the statements written
// after a SET search_path whose first schema is not public, in each file
// from that point to its end:
// - the names of the objects they create, with that first schema;
// - the names of tables, sequences, indexes, views, types, functions and
//   collations they refer to, with the first schema of the path that the
//   files define such an object in. A table a DDL statement names is
//   qualified with the first schema even when no file defines it (so that
//   the error names it); a name no file defines elsewhere (pg_catalog's
//   tables, built-in types and functions) is left as written.
// Returns whether any statement came under a path other than the default
// (then the names were qualified against what every text defines).
bool qualify_search_path_names(const std::vector<const ParsedSource::Piece*>& pieces);

} // namespace pgshape::parser
