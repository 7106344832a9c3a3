#pragma once
// SQL for row-level security policies and for the table properties set by
// ALTER TABLE (RLS flags, replica identity, CLUSTER ON, column statistics),
// for the planner and `inspect`.
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan::ddl {

std::string create_policy(const model::Policy& policy);
std::string drop_policy(const model::Policy& policy);
std::string policy_target(const model::Policy& policy);  // "POLICY p ON public.t"
// "PUBLIC" or the quoted role names.
std::string policy_roles(const model::Policy& policy);
// CREATE plus its COMMENT, if any.
std::vector<std::string> create_policy_statements(const model::Policy& policy);

// ALTER TABLE t ENABLE|DISABLE ROW LEVEL SECURITY, [NO] FORCE ROW LEVEL SECURITY.
std::string row_security(const model::Table& table);
std::string force_row_security(const model::Table& table);
// ALTER TABLE t REPLICA IDENTITY DEFAULT|FULL|NOTHING|USING INDEX i.
std::string replica_identity(const model::Table& table);
// ALTER TABLE t CLUSTER ON i, or SET WITHOUT CLUSTER.
std::string cluster_on(const model::Table& table);
// ALTER TABLE t ALTER COLUMN c SET STATISTICS n.
std::string column_statistics(const model::QualifiedName& table, const model::Column& column);
// What a new table needs beyond CREATE TABLE (none when all is default):
// RLS flags and column statistics; the replica identity and CLUSTER ON wait
// for the indexes.
std::vector<std::string> row_security_statements(const model::Table& table);

} // namespace pgshape::plan::ddl
