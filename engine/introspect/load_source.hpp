#pragma once
// A source as the user names it (--from/--to) → model.
#include <string>

#include "engine/model/privilege.hpp"
#include "engine/model/schema_model.hpp"

namespace pgshape::introspect {

// `empty`, a postgresql:// or postgres:// URL, a .sql file or a directory.
// `privileges` says whether privileges and owners are part of the model
// (--privileges), on both kinds of source alike. With `dev_database` (a
// server URL, --dev-database), files are parsed and then normalized by that
// server (dev_database.hpp); databases and `empty` are read as always.
model::SchemaModel load_source(const std::string& source, model::Privileges privileges = model::Privileges::ignore,
                               const std::string& dev_database = "");

} // namespace pgshape::introspect
