#pragma once
// Running statements against a database, all or nothing.
#include <string>
#include <vector>

#include <pqxx/connection>

namespace pgshape::apply {

// Runs `statements` in one transaction. On the first failure the
// transaction rolls back (nothing is applied) and UserError names the
// failing statement and the server's message.
void apply_statements(pqxx::connection& conn, const std::vector<std::string>& statements);

} // namespace pgshape::apply
