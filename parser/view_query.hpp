#pragma once
// A view's SELECT: names resolved as PostgreSQL resolves them when it stores
// the view, a canonical form both sides share, and what the query reads.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/user_type.hpp"
#include "engine/model/view.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser {

// The columns of a table or view the query reads. When no schema file
// defines the relation: a located error (Missing::fail, does not return),
// or nullopt (Missing::allow).
enum class Missing { fail, allow };
using RelationLookup = std::function<std::optional<std::vector<model::ViewColumn>>(
    const model::QualifiedName& name, int location, Missing missing)>;
// Reports a located error; does not return.
using QueryFailure = std::function<void(int location, const std::string& message, const std::string& help)>;

struct AnalyzedQuery {
    model::Expr query;
    std::vector<model::ViewColumn> columns;
    std::vector<model::QualifiedName> relations;
    std::vector<model::ViewRead> reads;
    std::vector<model::TypeRef> types;
    std::vector<model::QualifiedName> functions;
    bool grouped = false;
};

// Analyzes `select` (a SelectStmt node, rewritten in place in the tree's
// arena). `column_names` is the view's column list, if it has one.
//
// What PostgreSQL's catalog (pg_get_viewdef with an empty search_path)
// writes differs from what people write: relations qualified with their
// schema, every column qualified with its relation, `*` expanded, every
// output column named, GROUP BY/ORDER BY ordinals and aliases replaced by
// their expressions, aliases renamed (r_1), casts added. The canonical form
// undoes the difference from both sides: same names, positional aliases, and
// only the casts PostgreSQL adds itself are dropped (see view_canon.cpp).
// `domains`: those the files define, whose values PostgreSQL casts to the
// type underneath where an operator needs it.
AnalyzedQuery analyze_view_query(ParseTree& tree, Node* select, const std::vector<std::string>& column_names,
                                 const RelationLookup& lookup, const QueryFailure& fail,
                                 const std::map<model::QualifiedName, model::Domain>* domains = nullptr);

// One statement of a SQL-standard routine body (BEGIN ATOMIC ... END):
// SELECT, INSERT, UPDATE, DELETE or RETURN, analyzed as a view's query is. The
// routine's parameters are in scope as columns of an item named after the
// routine (the catalog writes them routine.param where a FROM clause could
// make them ambiguous); a column of the same name wins, as in PostgreSQL.
AnalyzedQuery analyze_routine_statement(ParseTree& tree, Node* stmt, const std::string& routine,
                                        const std::vector<model::ViewColumn>& parameters, const RelationLookup& lookup,
                                        const QueryFailure& fail);

} // namespace pgshape::parser
