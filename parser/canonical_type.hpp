#pragma once
// Type names → the canonical TypeRef both the parser and the catalog side use.
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

} // namespace pgshape::parser
