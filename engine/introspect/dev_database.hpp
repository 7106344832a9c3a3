#pragma once
// Letting PostgreSQL normalize the desired side (--dev-database): the
// parsed schema is created in a throwaway database on a server the user
// names, read back by the introspector, and the database dropped. Exact
// where the offline canonical form is not (the catalog writes every
// expression its own way), at the price of a server round trip.
#include <string>

#include "engine/model/privilege.hpp"
#include "engine/model/schema_model.hpp"

namespace pgshape::introspect {

// `parsed` created in a new database on the server `dev_url` connects to
// (the URL's own database is only used to run CREATE and DROP DATABASE),
// then introspected. Throws UserError saying what is missing when the role
// may not create databases, or when the server rejects the schema (an
// extension it lacks, a function body it refuses). `label` names the side
// in messages. The throwaway database is dropped on every path.
model::SchemaModel normalize_on_server(const model::SchemaModel& parsed, const std::string& dev_url,
                                       const std::string& label, model::Privileges privileges);

// The connection string `url` with its database replaced by `database`
// (keyword=value form, every other parameter of the URL kept).
std::string with_database(const std::string& url, const std::string& database);

} // namespace pgshape::introspect
