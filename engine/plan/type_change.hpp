#pragma once
// What changing a column's type costs: a rewrite, possible loss, or nothing.
#include <string>

#include "engine/model/type_ref.hpp"

namespace pgshape::plan {

struct TypeChangeCost {
    bool rewrite = false;    // the table is rewritten under ACCESS EXCLUSIVE
    bool narrowing = false;  // values may not fit: the change can fail or lose data
};

TypeChangeCost type_change_cost(const model::TypeRef& from, const model::TypeRef& to);

// Whether PostgreSQL has a cast from `from` to `to` (in any context: an
// ALTER COLUMN ... TYPE ... USING col::to may use an explicit one). Every
// type casts to and from the string types, through its text form; user
// types (enums) cast to nothing else.
bool has_cast(const model::TypeRef& from, const model::TypeRef& to);

// Whether values of `a` and `b` compare with each other (both numbers, both
// strings, or the same type): a foreign key whose two ends stop comparing
// halfway through a plan must be dropped around the change.
bool comparable_types(const model::TypeRef& a, const model::TypeRef& b);

// The USING expression of ALTER COLUMN ... TYPE `target_type` for `column`
// whose type is `from` (domains seen through to their base types, as `to` is
// for the target): column::target, or column::text::target where no cast
// exists (bigint to timestamp, one enum to another), which converts through
// the text form and fails on values that do not read as the new type.
std::string using_expression(const std::string& quoted_column, const model::TypeRef& from, const model::TypeRef& to,
                             const model::TypeRef& target_type);

} // namespace pgshape::plan
