#include "engine/plan/type_change.hpp"

#include <string>
#include <utility>

namespace pgshape::plan {
namespace {

int int_rank(const std::string& name) {
    if (name == "smallint") return 1;
    if (name == "integer") return 2;
    if (name == "bigint") return 3;
    return 0;
}

bool is_varlena_string(const model::TypeRef& t) {
    return t.schema.empty() && (t.name == "text" || t.name == "character varying");
}

// Length limit of varchar(n); -1 for unlimited (varchar, text).
int length_limit(const model::TypeRef& t) {
    if (t.name == "character varying" && !t.modifiers.empty()) return std::stoi(t.modifiers);
    return -1;
}

std::pair<int, int> numeric_precision(const model::TypeRef& t) {
    if (t.modifiers.empty()) return {-1, -1};
    const auto comma = t.modifiers.find(',');
    return {std::stoi(t.modifiers.substr(0, comma)),
            comma == std::string::npos ? 0 : std::stoi(t.modifiers.substr(comma + 1))};
}

} // namespace

// Follows PostgreSQL's binary-coercion rules for the common cases: varchar
// growing or becoming text, numeric precision growing at the same scale are
// catalog-only changes; everything else rewrites.
TypeChangeCost type_change_cost(const model::TypeRef& from, const model::TypeRef& to) {
    TypeChangeCost cost;
    if (from == to) return cost;
    if (from.is_array != to.is_array) return {true, true};
    if (is_varlena_string(from) && is_varlena_string(to)) {
        const int a = length_limit(from), b = length_limit(to);
        cost.narrowing = b != -1 && (a == -1 || b < a);
        cost.rewrite = false;
        return cost;
    }
    if (from.schema.empty() && to.schema.empty() && from.name == "numeric" && to.name == "numeric") {
        const auto [pa, sa] = numeric_precision(from);
        const auto [pb, sb] = numeric_precision(to);
        if (pb == -1) return {false, false};
        if (pa == -1) return {true, true};
        cost.narrowing = pb - sb < pa - sa || sb < sa;
        cost.rewrite = sa != sb;
        return cost;
    }
    // Every value has a text form: converting to text can rewrite, never lose.
    if (to.schema.empty() && !to.is_array && to.name == "text") return {true, false};
    const int ra = int_rank(from.name), rb = int_rank(to.name);
    if (from.schema.empty() && to.schema.empty() && ra && rb) return {true, rb < ra};
    if (ra && to.schema.empty() && to.name == "numeric") return {true, numeric_precision(to).first != -1};
    return {true, true};
}

} // namespace pgshape::plan
