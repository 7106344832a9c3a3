#pragma once
// SQL for views and materialized views, and the order they are created in;
// shared by the planner and `inspect`.
#include <map>
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan::ddl {

enum class ViewReplace { create, or_replace };

// CREATE [OR REPLACE] [MATERIALIZED] VIEW name [WITH (...)] AS query [WITH NO DATA]
std::string create_view(const model::View& view, ViewReplace replace = ViewReplace::create);
std::string drop_view(const model::View& view);
// "VIEW public.v" or "MATERIALIZED VIEW public.v", for COMMENT ON.
std::string view_target(const model::View& view);
// "COLUMN public.v.c", for COMMENT ON a view's column.
std::string view_column_target(const model::View& view, const std::string& column);
// COMMENT ON the view and on its columns, for those that have one.
std::vector<std::string> view_comments(const model::View& view);
// ALTER VIEW ... ALTER COLUMN c SET DEFAULT `value`, or DROP DEFAULT when
// `value` is null.
std::string view_column_default(const model::View& view, const std::string& column, const model::Expr* value);
// The view's column defaults, in its column order.
std::vector<std::string> view_defaults(const model::View& view);
// The view with its column defaults, its comments and, for a materialized
// view, `indexes` (those on it, with their comments).
std::vector<std::string> create_view_statements(const model::View& view, const std::vector<const model::Index*>& indexes);

// How deep each view of `m` sits in the graph of views reading views: 0 for
// one that reads only tables, else one more than the deepest view it reads.
std::map<model::QualifiedName, int> view_depths(const model::SchemaModel& m);
// Every view of `m`, each after the views it reads (by depth, then name).
std::vector<const model::View*> views_in_dependency_order(const model::SchemaModel& m);

} // namespace pgshape::plan::ddl
