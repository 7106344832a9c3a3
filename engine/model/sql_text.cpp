#include "engine/model/sql_text.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace pgshape::model {
namespace {

// Reserved keywords (and the type/function names the grammar treats
// specially) that cannot stand bare as a column or table name. Sorted, for
// binary search: quoting runs for every name written into a plan.
using namespace std::string_view_literals;
constexpr std::array k_reserved = {
    "all"sv, "analyse"sv, "analyze"sv, "and"sv, "any"sv, "array"sv, "as"sv, "asc"sv, "asymmetric"sv,
    "authorization"sv, "between"sv, "bigint"sv, "binary"sv, "bit"sv, "boolean"sv, "both"sv, "case"sv,
    "cast"sv, "char"sv, "character"sv, "check"sv, "coalesce"sv, "collate"sv, "collation"sv, "column"sv,
    "concurrently"sv, "constraint"sv, "create"sv, "cross"sv, "current_catalog"sv, "current_date"sv,
    "current_role"sv, "current_schema"sv, "current_time"sv, "current_timestamp"sv, "current_user"sv,
    "dec"sv, "decimal"sv, "default"sv, "deferrable"sv, "desc"sv, "distinct"sv, "do"sv, "else"sv, "end"sv,
    "except"sv, "exists"sv, "extract"sv, "false"sv, "fetch"sv, "float"sv, "for"sv, "foreign"sv, "freeze"sv,
    "from"sv, "full"sv, "grant"sv, "greatest"sv, "group"sv, "grouping"sv, "having"sv, "ilike"sv, "in"sv,
    "initially"sv, "inner"sv, "inout"sv, "int"sv, "integer"sv, "intersect"sv, "interval"sv, "into"sv, "is"sv,
    "isnull"sv, "join"sv, "json"sv, "lateral"sv, "leading"sv, "least"sv, "left"sv, "like"sv, "limit"sv,
    "localtime"sv, "localtimestamp"sv, "national"sv, "natural"sv, "nchar"sv, "none"sv, "normalize"sv,
    "not"sv, "notnull"sv, "null"sv, "nullif"sv, "numeric"sv, "offset"sv, "on"sv, "only"sv, "or"sv, "order"sv,
    "out"sv, "outer"sv, "overlaps"sv, "overlay"sv, "placing"sv, "position"sv, "precision"sv, "primary"sv,
    "real"sv, "references"sv, "returning"sv, "right"sv, "row"sv, "select"sv, "session_user"sv, "setof"sv,
    "similar"sv, "smallint"sv, "some"sv, "substring"sv, "symmetric"sv, "table"sv, "tablesample"sv, "then"sv,
    "time"sv, "timestamp"sv, "to"sv, "trailing"sv, "treat"sv, "trim"sv, "true"sv, "union"sv, "unique"sv,
    "user"sv, "using"sv, "values"sv, "varchar"sv, "variadic"sv, "verbose"sv, "when"sv, "where"sv, "window"sv,
    "with"sv, "xmlattributes"sv, "xmlconcat"sv, "xmlelement"sv, "xmlexists"sv, "xmlforest"sv,
    "xmlnamespaces"sv, "xmlparse"sv, "xmlpi"sv, "xmlroot"sv, "xmlserialize"sv, "xmltable"sv,
};

static_assert(std::is_sorted(k_reserved.begin(), k_reserved.end()));

bool is_reserved(std::string_view ident) { return std::binary_search(k_reserved.begin(), k_reserved.end(), ident); }

bool needs_quotes(std::string_view ident) {
    if (ident.empty()) return true;
    const char first = ident.front();
    if (!((first >= 'a' && first <= 'z') || first == '_')) return true;
    for (char c : ident) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        if (!ok) return true;
    }
    return is_reserved(ident);
}

} // namespace

std::string quote_ident(std::string_view ident) {
    if (!needs_quotes(ident)) return std::string(ident);
    std::string out = "\"";
    for (char c : ident) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string quote_name(const QualifiedName& name) {
    return quote_ident(name.schema) + "." + quote_ident(name.name);
}

std::string quote_literal(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

} // namespace pgshape::model
