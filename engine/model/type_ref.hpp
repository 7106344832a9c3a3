#pragma once
// A column's data type in canonical form.
#include <compare>
#include <string>

namespace pgshape::model {

// Built-in types carry PostgreSQL's canonical name (`integer`,
// `character varying`, `timestamp with time zone`) and an empty schema;
// user-defined types carry their schema. `modifiers` is the canonical
// modifier text without parentheses ("20", "10,2").
struct TypeRef {
    std::string schema;
    std::string name;
    std::string modifiers;
    bool is_array = false;
    auto operator<=>(const TypeRef&) const = default;
};

// The type as SQL, e.g. `character varying(20)[]`, `public.mood`,
// `timestamp(3) with time zone`.
std::string render_type(const TypeRef& type);

} // namespace pgshape::model
