#pragma once
// What the body of a LANGUAGE sql function refers to.
#include "engine/model/routine.hpp"
#include "parser/builder.hpp"

namespace pgshape::parser {

// Parses `fn.body` with libpg_query and fills `fn.reads` (relations) and
// `fn.calls` (functions), unqualified names resolved against the
// function's own search_path (public when it sets none). A syntax error in
// the body is reported inside it; `body_location` is where AS was written.
void collect_body_references(StatementContext& ctx, model::Function& fn, int body_location);
// The same for a SQL-standard body already parsed (RETURN expr).
void collect_node_references(model::Function& fn, const Node* body);

} // namespace pgshape::parser
