#pragma once
// Where a function goes in a plan: before the tables (so defaults and checks
// can call it) unless it needs one, and after the functions it calls.
#include "engine/model/schema_model.hpp"

namespace pgshape::plan {

struct RoutinePlacement {
    // Its parameter or return types name a table's row type, or (LANGUAGE sql,
    // checked by PostgreSQL at creation) its body reads a table or calls a
    // function that needs one.
    bool needs_tables = false;
    // Its SQL body reads a view (or it calls a function that does): views
    // are created last, so it comes after them.
    bool needs_views = false;
    // Length of the longest chain of model functions it calls: functions
    // are created in increasing depth, dropped in decreasing depth.
    int depth = 0;
};

RoutinePlacement placement_of(const model::SchemaModel& m, const model::Function& fn);

// Whether a user-defined type needs functions of `m` to exist first: a
// domain whose default or checks call one, or a type built on such a
// domain. Such types are created once the functions that need no table
// exist (Phase::create_type_after_functions); a function whose signature
// uses one goes after the tables.
bool type_needs_functions(const model::SchemaModel& m, const model::TypeRef& type);

// The functions of `m` that go before the tables (or after them, or after
// the views), callees first: the order a script that creates the whole model uses.
enum class TableOrder { before_tables, after_tables, after_views };
std::vector<const model::Function*> functions_in_order(const model::SchemaModel& m, TableOrder which);

// "f(integer, text)": the name part of a function's plan key.
std::string signature_name(const model::FunctionKey& key);
// The key of a function's steps, and "function public.f(integer)".
model::ObjectKey routine_step_key(const model::Function& fn);
std::string routine_label(const model::Function& fn);

} // namespace pgshape::plan
