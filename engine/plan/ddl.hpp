#pragma once
// SQL for model objects: the one builder the planner and `inspect` share.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan::ddl {

std::string column_definition(const model::Column& column);
// GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(options that differ from the defaults)]
std::string identity_clause(const model::Column& column);
// PRIMARY KEY (...), UNIQUE (...), FOREIGN KEY (...) REFERENCES ..., CHECK (...)
std::string constraint_definition(const model::Constraint& constraint);
// CREATE TABLE with columns and the given (non-FK) constraints inline.
std::string create_table(const model::Table& table, const std::vector<const model::Constraint*>& constraints);
std::string create_index(const model::Index& index);
// What CREATE TABLE ... INHERITS gives `child`'s column `c`, or a parent's
// ADD COLUMN gives it: the default and NOT NULL it inherits from its
// parents in `m` (the first parent's default), over its own declaration
// when the column is local. `inherited` is false for a column no parent has.
struct InheritedValues {
    bool inherited = false;
    std::optional<model::Expr> default_value;
    bool not_null = false;
};
InheritedValues inherited_values(const model::SchemaModel& m, const model::Table& child, const model::Column& c);
// ALTER TABLE ONLY child ALTER COLUMN c SET|DROP DEFAULT, SET|DROP NOT NULL
// where `c` differs from what it got (`got`).
std::vector<std::string> own_column_values(const model::QualifiedName& child, const model::Column& c,
                                           const InheritedValues& got);
// A child's own values over everything it inherits at CREATE TABLE,
// as pg_dump writes them after the table; not for the columns `skip` names.
std::vector<std::string> inherited_column_statements(const model::SchemaModel& m, const model::Table& child,
                                                     const std::function<bool(const model::Column&)>& skip = {});
// PARTITION BY RANGE (a, (expr)) / CREATE TABLE c PARTITION OF p FOR VALUES ...
std::string partition_key(const model::PartitionKey& key);
// The partition's own defaults and NOT NULL, where they differ from `parent`'s
// columns, go inside PARTITION OF parent (c WITH OPTIONS ...).
std::string create_partition(const model::Table& partition, const model::Table* parent);
// WITH (name=value, ...), empty for no options; SET (...) / RESET (...)
// turning `from` into `to` for ALTER TABLE|INDEX|MATERIALIZED VIEW target.
std::string with_options(const model::StorageOptions& options);
std::vector<std::string> alter_options(const std::string& target, const model::StorageOptions& from,
                                       const model::StorageOptions& to);
std::string create_collation(const model::Collation& collation);
std::string create_sequence(const model::Sequence& sequence);  // without OWNED BY
// INCREMENT BY ... MINVALUE ... MAXVALUE ... START WITH ... CACHE ... [NO] CYCLE,
// each prefixed with `prefix` ("" for CREATE/ALTER SEQUENCE, "SET " for identity columns).
std::string sequence_options(const model::SequenceOptions& options, const std::string& prefix = "");
std::string create_enum(const model::EnumType& type);
std::string create_schema(const model::Schema& schema);
std::string create_extension(const model::Extension& extension);
std::string add_constraint(const model::Constraint& constraint);
// ALTER INDEX parent ATTACH PARTITION child: `child` (an index or a key's
// index, on a partition) becomes part of the partitioned index `parent`.
std::string attach_index(const model::QualifiedName& parent, const model::QualifiedName& child);
std::string drop_constraint(const model::Constraint& constraint);
// ALTER TABLE table VALIDATE CONSTRAINT name: a NOT VALID check or foreign
// key, or a table's copy of its parent's NOT VALID check.
std::string validate_constraint(const model::QualifiedName& table, const std::string& name);
std::string sequence_owned_by(const model::Sequence& sequence);  // OWNED BY table.col or NONE

// COMMENT ON statements for an object and everything it contains that
// carries a comment (a table's columns).
std::string comment_on(const std::string& target, const model::Comment& comment);
std::vector<std::string> table_comments(const model::Table& table);
std::string constraint_target(const model::Constraint& constraint);
// "INDEX public.t_pkey": the index of a key or exclusion constraint.
std::string constraint_index_target(const model::Constraint& constraint);
// COMMENT ON CONSTRAINT and on the constraint's index, where it has them.
std::vector<std::string> constraint_comments(const model::Constraint& constraint);

} // namespace pgshape::plan::ddl
