#pragma once
// One canonical form for expressions, so that what a person writes and what
// the catalog returns compare equal when they mean the same thing.
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/schema_model.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser {

// What the canonicalizer may know about where an expression sits.
struct ExprContext {
    const std::vector<model::Column>* columns = nullptr;  // the table's columns, for column types
    const model::TypeRef* target = nullptr;               // the type the value is assigned to (defaults)
};

// Deparses `node` for plans and computes its canonical form. Rewrites the
// tree in place (it lives in the ParseTree arena): call once per node.
model::Expr make_expr(ParseTree& tree, Node* node, const ExprContext& context);

} // namespace pgshape::parser
