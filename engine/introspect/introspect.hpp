#pragma once
// Live database → model.
#include <string>

#include "engine/model/schema_model.hpp"

#include <pqxx/connection>

namespace pgshape::introspect {

// Reads every user object (system schemas and extension members excluded)
// with a fixed handful of set-based catalog queries, never one per table.
model::SchemaModel introspect(pqxx::connection& conn, const std::string& label);

// The catalog as the DDL text `introspect` parses (what `inspect` can show
// when the model cannot express something yet).
std::string catalog_ddl(pqxx::connection& conn);

} // namespace pgshape::introspect
