#pragma once
// What changing a column's type costs: a rewrite, possible loss, or nothing.
#include "engine/model/type_ref.hpp"

namespace pgshape::plan {

struct TypeChangeCost {
    bool rewrite = false;    // the table is rewritten under ACCESS EXCLUSIVE
    bool narrowing = false;  // values may not fit: the change can fail or lose data
};

TypeChangeCost type_change_cost(const model::TypeRef& from, const model::TypeRef& to);

} // namespace pgshape::plan
