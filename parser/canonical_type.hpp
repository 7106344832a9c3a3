#pragma once
// Type names → the canonical TypeRef both the parser and the catalog side use.
#include <optional>
#include <string_view>

#include <pg_query/pg_query.pb-c.h>

#include "engine/model/type_ref.hpp"

namespace pgshape::parser {

enum class Serial { none, serial };

struct ResolvedType {
    model::TypeRef type;
    Serial serial = Serial::none;  // smallserial/serial/bigserial expand to a sequence
};

ResolvedType canonical_type(const PgQuery__TypeName* type_name);

// Families the canonicalizer and the planner's hazard rules reason about.
bool is_string_type(const model::TypeRef& type);
bool is_numeric_type(const model::TypeRef& type);

// The result type of a call of a built-in function whose result does not
// depend on its arguments' types (length(s) is an integer), for the casts
// PostgreSQL adds around it: (length(s))::double precision < x. nullopt for
// any other function.
std::optional<model::TypeRef> builtin_result_type(const PgQuery__FuncCall* call);

} // namespace pgshape::parser
