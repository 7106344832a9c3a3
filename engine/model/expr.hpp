#pragma once
// A SQL expression as the model keeps it.
#include <string>

namespace pgshape::model {

// `sql` is what gets written into plans (deparsed from the source tree);
// `canon` is the canonical form both sides are compared by (see
// parser/canonical_expr.hpp). Two expressions are the same thing exactly when
// their canonical forms are equal.
struct Expr {
    std::string sql;
    std::string canon;
    bool operator==(const Expr& other) const { return canon == other.canon; }
};

} // namespace pgshape::model
