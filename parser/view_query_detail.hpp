#pragma once
// Shared by the two halves of view-query analysis: name resolution
// (view_query.cpp) and the canonical rewrite after it (view_canon.cpp).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/user_type.hpp"
#include "engine/model/view.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser::detail {

// What name resolution learned, for the canonical rewrite.
struct QueryFacts {
    // Types of the column references that resolved to a known column.
    std::map<const PgQuery__ColumnRef*, model::TypeRef> column_types;
    // Output names PostgreSQL gives targets written without AS.
    std::vector<std::pair<PgQuery__ResTarget*, std::string>> implied_names;
    // Targets of the non-leftmost branches of UNION/INTERSECT/EXCEPT, whose
    // names mean nothing (the catalog writes them or not).
    std::vector<PgQuery__ResTarget*> unnamed;
    // Range items get positional aliases ($1, $2, ...) in the canonical form,
    // so `FROM t`, `FROM t x` and the catalog's `FROM t t_1` compare equal;
    // the column qualifiers that point at them are renamed with them.
    std::vector<std::pair<PgQuery__Alias**, int>> aliases;
    std::vector<std::pair<PgQuery__String*, int>> qualifiers;
    // Every SELECT in the tree, for the output-cast rule.
    std::vector<PgQuery__SelectStmt*> selects;
    // The domains of the files: (t.c)::integer on a domain over integer is
    // PostgreSQL's own cast.
    const std::map<model::QualifiedName, model::Domain>* domains = nullptr;
};

// Node helpers over the ParseTree arena.
char* arena_string(ParseTree& tree, std::string_view text);
Node* make_string_node(ParseTree& tree, std::string_view text);
Node* clone_node(ParseTree& tree, const Node* node);
// Calls `fn` with every Node directly below `message`, looking through the
// non-Node messages in between (WindowDef, TypeName, ...).
void for_each_child(ProtobufCMessage* message, const std::function<void(Node*)>& fn);

// The canonical form of an analyzed query: applies the facts (names,
// positional aliases), drops the casts PostgreSQL adds, flattens AND/OR and
// removes CASE's implicit ELSE NULL, then serializes. Fills in each output
// column's type key.
std::string canonical_query(ParseTree& tree, Node* select, const QueryFacts& facts,
                            std::vector<model::ViewColumn>& columns);

} // namespace pgshape::parser::detail
