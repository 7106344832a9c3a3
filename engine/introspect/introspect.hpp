#pragma once
// Live database → model.
#include <string>

#include "engine/model/schema_model.hpp"

#include <pqxx/connection>

namespace pgshape::introspect {

// Whether the catalog's text may come from, and go to, the catalog cache
// (catalog_cache.hpp): bypassed for a database that exists only for one
// run, and by the benchmark to time the queries.
enum class Cache { use, bypass };

// Reads every user object (system schemas and extension members excluded)
// with a fixed handful of set-based catalog queries, never one per table.
// With privileges managed, three more queries read ACLs, owners and
// default privileges; without, none of them runs.
model::SchemaModel introspect(pqxx::connection& conn, const std::string& label,
                              model::Privileges privileges = model::Privileges::ignore, Cache cache = Cache::use);

// The catalog as the DDL text `introspect` parses (what `inspect` can show
// when the model cannot express something yet).
std::string catalog_ddl(pqxx::connection& conn, model::Privileges privileges = model::Privileges::ignore,
                        Cache cache = Cache::use);

} // namespace pgshape::introspect
