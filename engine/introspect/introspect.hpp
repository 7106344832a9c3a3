#pragma once
// Live database → model.
#include <string>

#include "engine/model/schema_model.hpp"

#include <pqxx/connection>

namespace pgshape::introspect {

// Reads every user object (system schemas and extension members excluded)
// with a fixed handful of set-based catalog queries, never one per table.
// With privileges managed, three more queries read ACLs, owners and
// default privileges; without, none of them runs.
model::SchemaModel introspect(pqxx::connection& conn, const std::string& label,
                              model::Privileges privileges = model::Privileges::ignore);

// The catalog as the DDL text `introspect` parses (what `inspect` can show
// when the model cannot express something yet).
std::string catalog_ddl(pqxx::connection& conn, model::Privileges privileges = model::Privileges::ignore);

} // namespace pgshape::introspect
