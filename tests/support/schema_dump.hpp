#pragma once
// An independent witness of equality: pg_dump --schema-only, normalized.
#include <string>

#include "engine/model/privilege.hpp"

namespace pgshape::test {

// pg_dump of `database` with SQL comments, SET lines and (unless privileges
// are managed) owners and privileges dropped, statements sorted and column
// order inside CREATE TABLE ignored. Two databases hold the same schema
// exactly when their normalized dumps match, whatever pgshape's own model
// can see.
std::string normalized_dump(const std::string& database, model::Privileges privileges = model::Privileges::ignore);

// Lines in one normalized dump and not the other, for failure messages.
std::string dump_difference(const std::string& a, const std::string& b);

} // namespace pgshape::test
