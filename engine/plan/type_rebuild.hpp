#pragma once
// User-defined types that ALTER cannot turn into their new form are rebuilt:
// the old type is renamed away, the new one created under its name, every
// column moved onto it, and the old one dropped. Whatever is built on a
// rebuilt type (a domain over it, a composite type with an attribute of
// it) holds on to the old one and is rebuilt with it, in one step.
#include <set>
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan {

struct PlanContext;

// `from` labels appear in `to` in the same relative order: ALTER TYPE ...
// ADD VALUE suffices.
bool only_additions(const std::vector<std::string>& from, const std::vector<std::string>& to);
// ALTER TYPE ... ADD VALUE statements turning `from` into `to`.
std::vector<std::string> add_values(const model::EnumType& from, const model::EnumType& to);

// Whether ALTER TYPE can turn composite type `a` into `b` in `m` (attributes
// dropped, appended, or retyped while no column of `m` holds the type).
bool composite_alterable(const model::SchemaModel& m, const model::CompositeType& a, const model::CompositeType& b);

// The types of `from` that are rebuilt on the way to `to`: enums losing or
// reordering values, domains whose base type or collation changes,
// composite types ALTER TYPE cannot change, and whatever of `from` is
// built on those.
std::set<model::QualifiedName> find_rebuilt_types(const model::SchemaModel& from, const model::SchemaModel& to);
// `types` and whatever of `m` is built on them, transitively.
std::set<model::QualifiedName> with_types_built_on(const model::SchemaModel& m, std::set<model::QualifiedName> types);
// Is `type` (or its element type) one of `types`?
bool uses_type(const model::TypeRef& type, const std::set<model::QualifiedName>& types);

// The statements that rebuild `types` from their `old_side` definitions
// into their `new_side` ones (a type missing there keeps its old
// definition), moving the columns of `columns_of`. Checks and indexes over
// those columns are dropped first and re-created last; with `keep_if_in`,
// only those that are the same in that model too (the others have steps of
// their own).
std::vector<std::string> rebuild_statements(const std::set<model::QualifiedName>& types, const model::SchemaModel& old_side,
                                            const model::SchemaModel& new_side, const model::SchemaModel& columns_of,
                                            const model::SchemaModel* keep_if_in);

// The one step (Phase::rebuild_type) that rebuilds ctx.rebuilt_types.
void plan_type_rebuild(PlanContext& ctx);

} // namespace pgshape::plan
