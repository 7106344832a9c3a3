#pragma once
// A source as the user names it (--from/--to) → model.
#include <string>

#include "engine/model/privilege.hpp"
#include "engine/model/schema_model.hpp"

namespace pgshape::introspect {

// `empty`, a postgresql:// or postgres:// URL, a .sql file or a directory.
// `privileges` says whether privileges and owners are part of the model
// (--privileges), on both kinds of source alike.
model::SchemaModel load_source(const std::string& source, model::Privileges privileges = model::Privileges::ignore);

} // namespace pgshape::introspect
