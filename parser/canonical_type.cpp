#include "parser/canonical_type.hpp"

#include <array>
#include <set>
#include <string>
#include <utility>

#include "parser/pg_tree.hpp"

namespace pgshape::parser {
namespace {

// Internal or alias name → the name format_type() prints.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> k_aliases = {{
    {"int2", "smallint"}, {"smallint", "smallint"}, {"int4", "integer"}, {"int", "integer"},
    {"integer", "integer"}, {"int8", "bigint"}, {"bigint", "bigint"}, {"float4", "real"},
    {"real", "real"}, {"float8", "double precision"}, {"bool", "boolean"}, {"boolean", "boolean"},
    {"varchar", "character varying"}, {"bpchar", "character"}, {"decimal", "numeric"},
    {"timestamptz", "timestamp with time zone"}, {"timestamp", "timestamp without time zone"},
    {"timetz", "time with time zone"}, {"time", "time without time zone"},
    {"varbit", "bit varying"}, {"char", "\"char\""}, {"numeric", "numeric"},
}};

// Built-in types whose canonical name is their own name.
constexpr std::array<std::string_view, 66> k_builtin = {
    "text", "uuid", "jsonb", "json", "bytea", "inet", "cidr", "macaddr", "macaddr8", "date",
    "interval", "money", "xml", "tsvector", "tsquery", "point", "line", "lseg", "box", "path",
    "polygon", "circle", "oid", "regclass", "regtype", "regproc", "name", "bit", "int4range",
    "int8range", "numrange", "tsrange", "tstzrange", "daterange", "pg_lsn", "jsonpath",
    "txid_snapshot", "pg_snapshot", "record", "void", "regconfig", "regdictionary", "regnamespace",
    "regoper", "regoperator", "regprocedure", "regrole", "regcollation", "tid", "xid", "xid8", "cid",
    "int2vector", "oidvector", "aclitem", "refcursor", "int4multirange", "int8multirange",
    "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "trigger", "event_trigger",
    "anyelement", "anyarray",
};

std::string typmod_text(const PgQuery__TypeName* tn) {
    std::string out;
    for (std::size_t i = 0; i < tn->n_typmods; ++i) {
        const Node* mod = tn->typmods[i];
        std::string part;
        if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST) {
            const auto* c = mod->a_const;
            if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL) part = std::to_string(c->ival->ival);
            else if (c->val_case == PG_QUERY__A__CONST__VAL_FVAL) part = c->fval->fval;
            else if (c->val_case == PG_QUERY__A__CONST__VAL_SVAL) part = c->sval->sval;
        } else if (mod->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
            part = join_names(name_list(mod->column_ref->fields, mod->column_ref->n_fields));
        }
        if (!out.empty()) out += ",";
        out += part;
    }
    return out;
}

// The integer value of a typmod node, or -1.
int typmod_int(const Node* mod) {
    if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST && mod->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
        return mod->a_const->ival->ival;
    return -1;
}

// interval's typmods are a field mask (INTERVAL_MASK bits of datetime.h)
// and a precision: `interval day to second(3)` is {DAY|HOUR|MINUTE|SECOND, 3},
// `interval(3)` is {INTERVAL_FULL_RANGE, 3}. format_type() prints the fields
// as words after the name, so they go into the name here.
void canonical_interval(const PgQuery__TypeName* tn, model::TypeRef& type) {
    constexpr int k_full_range = 0x7FFF;
    constexpr std::array<std::pair<int, std::string_view>, 13> k_fields = {{
        {1 << 2, "year"}, {1 << 1, "month"}, {1 << 3, "day"}, {1 << 10, "hour"}, {1 << 11, "minute"},
        {1 << 12, "second"}, {(1 << 2) | (1 << 1), "year to month"}, {(1 << 3) | (1 << 10), "day to hour"},
        {(1 << 3) | (1 << 10) | (1 << 11), "day to minute"},
        {(1 << 3) | (1 << 10) | (1 << 11) | (1 << 12), "day to second"}, {(1 << 10) | (1 << 11), "hour to minute"},
        {(1 << 10) | (1 << 11) | (1 << 12), "hour to second"}, {(1 << 11) | (1 << 12), "minute to second"},
    }};
    type.name = "interval";
    type.modifiers.clear();
    if (tn->n_typmods == 0) return;
    const int mask = typmod_int(tn->typmods[0]);
    if (mask != k_full_range) {
        for (const auto& [bits, words] : k_fields)
            if (bits == mask) type.name.append(" ").append(words);
    }
    if (tn->n_typmods >= 2) {
        const int precision = typmod_int(tn->typmods[1]);
        if (precision >= 0) type.modifiers = std::to_string(precision);
    }
}

} // namespace

ResolvedType canonical_type(const PgQuery__TypeName* tn) {
    ResolvedType out;
    std::vector<std::string> names = name_list(tn->names, tn->n_names);
    std::string schema;
    if (names.size() >= 2) schema = names[names.size() - 2];
    const std::string name = names.empty() ? std::string() : names.back();
    out.type.is_array = tn->n_array_bounds > 0;
    out.type.modifiers = typmod_text(tn);

    if (schema.empty() || schema == "pg_catalog") {
        if (schema.empty()) {
            if (name == "serial" || name == "serial4") { out.type.name = "integer"; out.serial = Serial::serial; return out; }
            if (name == "bigserial" || name == "serial8") { out.type.name = "bigint"; out.serial = Serial::serial; return out; }
            if (name == "smallserial" || name == "serial2") { out.type.name = "smallint"; out.serial = Serial::serial; return out; }
        }
        for (const auto& [alias, canonical] : k_aliases) {
            if (name == alias) {
                out.type.name = canonical;
                if (out.type.name == "numeric" && !out.type.modifiers.empty() &&
                    out.type.modifiers.find(',') == std::string::npos)
                    out.type.modifiers += ",0";  // numeric(10) is numeric(10,0)
                return out;
            }
        }
        if (name == "interval") { canonical_interval(tn, out.type); return out; }
        for (auto builtin : k_builtin) {
            if (name == builtin) { out.type.name = name; return out; }
        }
        if (schema == "pg_catalog") { out.type.name = name; return out; }
        schema = "public";  // unqualified user type: resolved against search_path = public
    }
    out.type.schema = schema;
    out.type.name = name;
    return out;
}

bool is_string_type(const model::TypeRef& t) {
    return t.schema.empty() && !t.is_array &&
           (t.name == "text" || t.name == "character varying" || t.name == "character" || t.name == "name");
}

bool is_numeric_type(const model::TypeRef& t) {
    return t.schema.empty() && !t.is_array &&
           (t.name == "smallint" || t.name == "integer" || t.name == "bigint" || t.name == "numeric" ||
            t.name == "real" || t.name == "double precision");
}

std::optional<model::TypeRef> builtin_result_type(const PgQuery__FuncCall* call) {
    if (!call || call->n_funcname == 0 || call->n_funcname > 2) return std::nullopt;
    if (call->n_funcname == 2 && str_value(call->funcname[0]) != "pg_catalog") return std::nullopt;
    static const std::set<std::string_view> k_integer = {"length", "char_length", "character_length", "octet_length",
                                                         "bit_length", "strpos", "ascii", "array_length",
                                                         "cardinality", "array_ndims"};
    const auto name = str_value(call->funcname[call->n_funcname - 1]);
    if (k_integer.count(name)) return model::TypeRef{"", "integer", "", false};
    if (name == "count") return model::TypeRef{"", "bigint", "", false};
    return std::nullopt;
}

} // namespace pgshape::parser
