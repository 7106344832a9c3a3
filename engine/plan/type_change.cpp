#include "engine/plan/type_change.hpp"

#include <set>
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

namespace {

bool is_string(const model::TypeRef& t) {
    return t.schema.empty() && (t.name == "text" || t.name == "character varying" || t.name == "character" ||
                                t.name == "name" || t.name == "\"char\"");
}

bool is_number(const model::TypeRef& t) {
    static const std::set<std::string> k_numbers = {"smallint", "integer", "bigint", "numeric", "real", "double precision"};
    return t.schema.empty() && k_numbers.count(t.name);
}

bool is_oid(const model::TypeRef& t) { return t.schema.empty() && (t.name == "oid" || t.name.rfind("reg", 0) == 0); }

// pg_cast between built-in types outside the families above, as (from, to).
const std::set<std::pair<std::string, std::string>> k_casts = {
    {"integer", "boolean"}, {"boolean", "integer"},
    {"date", "timestamp without time zone"}, {"date", "timestamp with time zone"},
    {"timestamp without time zone", "date"}, {"timestamp with time zone", "date"},
    {"timestamp without time zone", "timestamp with time zone"}, {"timestamp with time zone", "timestamp without time zone"},
    {"timestamp without time zone", "time without time zone"}, {"timestamp with time zone", "time without time zone"},
    {"timestamp with time zone", "time with time zone"}, {"time without time zone", "time with time zone"},
    {"time with time zone", "time without time zone"}, {"time without time zone", "interval"},
    {"interval", "time without time zone"},
    {"json", "jsonb"}, {"jsonb", "json"}, {"jsonb", "boolean"}, {"jsonb", "smallint"}, {"jsonb", "integer"},
    {"jsonb", "bigint"}, {"jsonb", "numeric"}, {"jsonb", "real"}, {"jsonb", "double precision"},
    {"inet", "cidr"}, {"cidr", "inet"},
    {"bit", "bit varying"}, {"bit varying", "bit"}, {"integer", "bit"}, {"bit", "integer"}, {"bigint", "bit"},
    {"bit", "bigint"},
    {"money", "numeric"}, {"numeric", "money"}, {"integer", "money"}, {"bigint", "money"},
    {"integer", "\"char\""}, {"\"char\"", "integer"},
};

} // namespace

bool has_cast(const model::TypeRef& from, const model::TypeRef& to) {
    if (from.is_array != to.is_array) return is_string(to) && !to.is_array;
    if (from.schema == to.schema && from.name == to.name) return true;
    model::TypeRef a = from, b = to;
    a.is_array = b.is_array = false;  // arrays cast element by element
    if (is_string(a) || is_string(b)) return true;
    if (!a.schema.empty() || !b.schema.empty()) return false;
    if (is_number(a) && is_number(b)) return true;
    if ((is_oid(a) || a.name == "integer" || a.name == "bigint" || a.name == "smallint") && is_oid(b)) return true;
    if (is_oid(a) && (b.name == "integer" || b.name == "bigint")) return true;
    return k_casts.count({a.name, b.name}) > 0;
}

bool comparable_types(const model::TypeRef& a, const model::TypeRef& b) {
    if (a.is_array != b.is_array) return false;
    if (a.schema == b.schema && a.name == b.name) return true;
    return (is_number(a) && is_number(b)) || (is_string(a) && is_string(b));
}

std::string using_expression(const std::string& quoted_column, const model::TypeRef& from, const model::TypeRef& to,
                             const model::TypeRef& target_type) {
    const std::string target = model::render_type(target_type);
    if (has_cast(from, to)) return quoted_column + "::" + target;
    return quoted_column + "::text::" + target;
}

} // namespace pgshape::plan
