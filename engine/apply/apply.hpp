#pragma once
// Running statements against a database, all or nothing.
#include <string>
#include <vector>

#include <pqxx/connection>

#include "engine/plan/step.hpp"

namespace pgshape::apply {

// Runs `statements` in one transaction. On the first failure the
// transaction rolls back (nothing is applied) and UserError names the
// failing statement and the server's message.
void apply_statements(pqxx::connection& conn, const std::vector<std::string>& statements);

// Runs a plan: the statements that cannot share the transaction first (each
// committed: adding an enum value), then all the others in one transaction.
void apply_plan(pqxx::connection& conn, const plan::Plan& plan, plan::Direction direction);

} // namespace pgshape::apply
