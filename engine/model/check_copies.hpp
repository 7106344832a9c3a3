#pragma once
// Which tables hold a copy of a check: PostgreSQL copies a check to every
// partition and inheritance child of its table, at any depth. Shared by the
// parser, which reads which copies are validated, and the planner, which
// validates them (Constraint::valid_copies).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::model {

// The tables `t` is directly under: those it inherits from, and the
// partitioned table it is a partition of.
std::vector<QualifiedName> parent_tables(const Table& t);

// Each table's partitions and inheritance children in `m`.
using ChildTables = std::map<QualifiedName, std::vector<QualifiedName>>;
ChildTables child_tables(const SchemaModel& m);

// The tables under `table` (not itself) that hold a copy of its check
// `name`: every one, but those below a table with a check of that name of
// its own (an inheritance child's, merged with the copy), which hold that
// one's.
std::set<QualifiedName> check_copy_tables(const SchemaModel& m, const ChildTables& children, const QualifiedName& table,
                                          const std::string& name);

} // namespace pgshape::model
