#pragma once
// One canonical form for expressions, so that what a person writes and what
// the catalog returns compare equal when they mean the same thing.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/schema_model.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser {

// What the canonicalizer may know about where an expression sits.
struct ExprContext {
    const std::vector<model::Column>* columns = nullptr;  // the table's columns, for column types
    const model::TypeRef* target = nullptr;               // the type the value is assigned to (defaults)
    // Casts that must stay whatever the rules say (a view's output casts
    // decide its column types; parser/view_canon.cpp).
    const std::set<const PgQuery__TypeCast*>* keep_casts = nullptr;
    // The domains known so far: a value of a domain is cast to the type
    // underneath where the catalog writes it, so that cast is noise.
    const std::map<model::QualifiedName, model::Domain>* domains = nullptr;
    // A view's column references and their types (parser/view_query.cpp),
    // where `columns` does not apply.
    const std::map<const PgQuery__ColumnRef*, model::TypeRef>* column_ref_types = nullptr;
};

// Deparses `node` for plans and computes its canonical form. Rewrites the
// tree in place (it lives in the ParseTree arena): call once per node.
model::Expr make_expr(ParseTree& tree, Node* node, const ExprContext& context);

// The rewrites alone, on any node or statement (in place), and the
// serialization of a rewritten subtree: make_expr is the two in a row.
void canonical_rewrite(ParseTree& tree, Node* node, const ExprContext& context);
std::string canonical_text(const ProtobufCMessage* message);

} // namespace pgshape::parser
