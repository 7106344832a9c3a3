#include "engine/model/names.hpp"

#include "engine/model/sql_text.hpp"

namespace pgshape::model {

const char* kind_name(Kind kind) {
    switch (kind) {
    case Kind::schema: return "schema";
    case Kind::extension: return "extension";
    case Kind::enum_type: return "type";
    case Kind::domain: return "domain";
    case Kind::composite_type: return "type";
    case Kind::collation: return "collation";
    case Kind::sequence: return "sequence";
    case Kind::table: return "table";
    case Kind::column: return "column";
    case Kind::constraint: return "constraint";
    case Kind::index: return "index";
    case Kind::function: return "function";
    case Kind::trigger: return "trigger";
    case Kind::policy: return "policy";
    case Kind::view: return "view";
    case Kind::materialized_view: return "materialized view";
    case Kind::default_privileges: return "default privileges";
    }
    return "object";
}

std::string display(const QualifiedName& name) { return quote_name(name); }

std::string display(const ObjectKey& key) {
    if (key.kind == Kind::schema || key.kind == Kind::extension) return quote_ident(key.name);
    std::string out = quote_ident(key.schema) + ".";
    if (!key.table.empty()) out += quote_ident(key.table) + ".";
    return out + quote_ident(key.name);
}

} // namespace pgshape::model
