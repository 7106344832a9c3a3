#pragma once
// Identity of schema objects: small value structs with defaulted ordering.
#include <compare>
#include <optional>
#include <string>

namespace pgshape::model {

// A schema-qualified name. Every name in the model is qualified: the parser
// resolves unqualified names against `public`, the introspector reads them
// qualified from the catalog.
struct QualifiedName {
    std::string schema;
    std::string name;
    auto operator<=>(const QualifiedName&) const = default;
};

enum class Kind {
    schema,
    extension,
    enum_type,
    domain,
    composite_type,
    collation,
    sequence,
    table,
    column,
    constraint,
    index,
    function,  // name: "f(integer, text)", overloads apart
    trigger,   // owned by its table
    policy,    // owned by its table
    view,
    materialized_view,
    default_privileges,  // schema: IN SCHEMA (or empty), name: the role, table: the kind of objects
};

const char* kind_name(Kind kind);

// COMMENT ON text; empty when the object has none.
using Comment = std::optional<std::string>;

// What a plan step is about: kind + schema + name (+ owning table for
// columns and constraints, whose names are only unique per table).
struct ObjectKey {
    Kind kind{};
    std::string schema;
    std::string name;
    std::string table;
    auto operator<=>(const ObjectKey&) const = default;
};

// "schema.name" or "schema.table.name", quoted only where SQL would need it.
std::string display(const QualifiedName& name);
std::string display(const ObjectKey& key);

} // namespace pgshape::model
