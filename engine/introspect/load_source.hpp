#pragma once
// A source as the user names it (--from/--to) → model.
#include <string>

#include "engine/model/schema_model.hpp"

namespace pgshape::introspect {

// `empty`, a postgresql:// or postgres:// URL, a .sql file or a directory.
model::SchemaModel load_source(const std::string& source);

} // namespace pgshape::introspect
