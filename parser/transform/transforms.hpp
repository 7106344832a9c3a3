#pragma once
// One function per statement kind; parser/load.cpp dispatches to them.
#include "parser/builder.hpp"
#include "parser/view_query.hpp"

namespace pgshape::parser {

void transform_create_schema(StatementContext& ctx, PgQuery__CreateSchemaStmt* stmt);
void transform_create_extension(StatementContext& ctx, PgQuery__CreateExtensionStmt* stmt);
void transform_create_enum(StatementContext& ctx, PgQuery__CreateEnumStmt* stmt);
void transform_create_collation(StatementContext& ctx, PgQuery__DefineStmt* stmt);
// CREATE DOMAIN in two parts (create_domain.cpp): the type itself with the
// other types, its default and checks once every domain is known (their
// canonical form looks through domains); ALTER DOMAIN after both.
enum class DomainPart { type, expressions };
void transform_create_domain(StatementContext& ctx, PgQuery__CreateDomainStmt* stmt, DomainPart part);
void transform_alter_domain(StatementContext& ctx, PgQuery__AlterDomainStmt* stmt);
void transform_create_composite_type(StatementContext& ctx, PgQuery__CompositeTypeStmt* stmt);
// Once every CREATE DOMAIN is read: a domain over a domain without a
// DEFAULT of its own gets its base's, as PostgreSQL copies it.
void inherit_domain_defaults(Builder& builder);
// Once every type is read: COLLATE clauses that repeat a domain's collation
// are dropped, as the catalog does not write them.
void settle_type_collations(Builder& builder);
void transform_create_sequence(StatementContext& ctx, PgQuery__CreateSeqStmt* stmt);
void transform_create_table(StatementContext& ctx, PgQuery__CreateStmt* stmt);
void transform_alter_sequence(StatementContext& ctx, PgQuery__AlterSeqStmt* stmt);
// ALTER TABLE is folded in two parts: column subcommands first (for every
// file), then constraints, which may name columns another ALTER added.
enum class AlterTablePart { columns, constraints };
void transform_alter_table(StatementContext& ctx, PgQuery__AlterTableStmt* stmt, AlterTablePart part);
void transform_create_index(StatementContext& ctx, PgQuery__IndexStmt* stmt);
// ALTER TABLE parent ATTACH PARTITION child FOR VALUES ... (partition.cpp):
// the standalone table becomes a partition, keeping its own defaults and NOT NULL.
void attach_partition(StatementContext& ctx, model::Table& parent, PgQuery__PartitionCmd* cmd);
// Once every file is read (attach_index.cpp): ALTER INDEX ... ATTACH
// PARTITION is resolved, ON ONLY indexes and keys that cover every
// partition lose `only`, and the partitions' indexes and keys a parent's
// index or key makes under PostgreSQL's own names are left to it.
void attach_partition_indexes(Builder& builder);
void transform_comment(StatementContext& ctx, PgQuery__CommentStmt* stmt);

// Shared by CREATE TABLE and ALTER TABLE: a table constraint node
// (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK) into the model.
// NOT VALID only means something in ALTER TABLE: CREATE TABLE ignores it.
// A primary key or unique constraint equal to one the same statement
// already made (UNIQUE PRIMARY KEY): folded into it as PostgreSQL does,
// keeping the primary key and a name given over a chosen one. `folded`:
// `key` is not to be added; `took_name`: it took the name (already claimed)
// of the unique constraint it replaces.
enum class KeyFold { none, folded, took_name };
KeyFold fold_redundant_key(StatementContext& ctx, const model::Table& table, model::Constraint& key);
void record_key_statement(StatementContext& ctx, const model::ConstraintKey& key, bool named);
enum class ConstraintSource { create_table, alter_table };
void add_table_constraint(StatementContext& ctx, model::Table& table, PgQuery__Constraint* con,
                          const std::string& column_if_inline,
                          ConstraintSource source = ConstraintSource::create_table);
// WITH (...) storage parameters as pg_class.reloptions spells them, sorted
// (storage_options.cpp). toast.* options are refused for tables and indexes.
enum class OptionNamespaces { allow, refuse };
model::StorageOptions read_storage_options(const StatementContext& ctx, Node* const* items, std::size_t n,
                                           OptionNamespaces namespaces);

// ADD CONSTRAINT c PRIMARY KEY|UNIQUE USING INDEX i: once every index is
// read, i becomes the constraint's index (key_using_index.cpp).
void add_key_using_index_later(StatementContext& ctx, const model::QualifiedName& table, PgQuery__Constraint* con,
                               model::Constraint key);
// EXCLUDE USING method (elem WITH op, ...) [WHERE (...)] (exclusion.cpp).
void add_exclusion_constraint(StatementContext& ctx, model::Table& table, PgQuery__Constraint* con, model::Constraint out);
// One column or expression of an index, a partition key or an exclusion
// constraint (create_index.cpp); `name` gets the part of the default name.
model::IndexElem index_elem(StatementContext& ctx, const model::Table& table, const PgQuery__IndexElem* elem,
                            std::string& name);

// Partitioning (partition.cpp).
model::PartitionKey partition_key(StatementContext& ctx, const model::Table& table, PgQuery__PartitionSpec* spec);
model::PartitionBound partition_bound(StatementContext& ctx, const model::QualifiedName& parent,
                                      PgQuery__PartitionBoundSpec* spec);
// Once every file is loaded: the parent exists, is partitioned, and lends
// the partition its columns.
void resolve_partition_later(StatementContext& ctx, const model::QualifiedName& name);
// PARTITION OF t (c WITH OPTIONS DEFAULT ... NOT NULL, CONSTRAINT ...):
// once the partition has its columns (partition_elements.cpp).
void add_partition_elements_later(StatementContext& ctx, const model::QualifiedName& name, PgQuery__CreateStmt* stmt);
// After every file: a partition's columns are its parent's as they end up,
// with the partition's own defaults and NOT NULL over them.
void sync_partition_columns(Builder& builder);
// After every file: a partition's check with its parent's check's name is
// the parent's copy (pg_dump writes the copies into each partition's CREATE
// TABLE, which it then attaches), and PostgreSQL keeps it as inherited, not
// the partition's own: it goes, so that the parent's check alone describes
// it, as the catalog's text does. One with another expression is an error,
// as PostgreSQL's ATTACH PARTITION makes it. A valid copy of a parent's
// NOT VALID check is kept in the parent's valid_copies.
void fold_partition_check_copies(Builder& builder);
// After every file (check_copies.cpp): ALTER TABLE t VALIDATE CONSTRAINT c
// makes t's own check or foreign key c valid, or, where c is a NOT VALID
// check t inherits, t's copy of it (and the copies under t). Before
// fold_partition_check_copies, so that a partition's own check it folds is
// validated already.
void apply_validations(Builder& builder);
// After fold_partition_check_copies: a table created under a parent after
// the parent's check was added NOT VALID has a validated copy, as
// PostgreSQL makes it; every NOT VALID check's valid_copies then holds
// the tables under its table whose copy is validated (those under a
// validated copy too), and any other constraint's none.
void settle_check_copies(Builder& builder);

// The column `name` of `table`, or a located error (alter_table.cpp).
model::Column& column_of(StatementContext& ctx, model::Table& table, const char* name);

// Inheritance (inherits.cpp). Once every file is loaded: the parents
// exist, and their columns are merged into the child's by name, as
// PostgreSQL does; then the child's table constraints are read.
void resolve_inheritance_later(StatementContext& ctx, const model::QualifiedName& name, PgQuery__CreateStmt* stmt);
// ALTER TABLE [ONLY] child ALTER COLUMN c SET/DROP DEFAULT, SET/DROP NOT
// NULL on a child: recorded to apply over the inherited column. Returns
// false when the subcommand is of another kind.
bool record_inherited_column_option(StatementContext& ctx, model::Table& table, const PgQuery__AlterTableCmd* cmd);

// Shared by CREATE TABLE and ALTER TABLE ADD COLUMN: the column itself
// first, then (once every column of the table is known, for expression
// context) its constraints: defaults, identity, generated, keys, checks.
void add_column(StatementContext& ctx, model::Table& table, PgQuery__ColumnDef* def);
void apply_column_constraints(StatementContext& ctx, model::Table& table, PgQuery__ColumnDef* def);
// GENERATED ALWAYS | BY DEFAULT AS IDENTITY [(options)] on `column`: in a
// column definition, or by ALTER COLUMN ... ADD GENERATED (pg_dump's form).
void set_identity(StatementContext& ctx, model::Column& column, const PgQuery__Constraint* con);

// Functions, procedures and triggers (create_function.cpp, create_trigger.cpp,
// comment_routine.cpp).
void transform_create_function(StatementContext& ctx, PgQuery__CreateFunctionStmt* stmt);
void transform_create_trigger(StatementContext& ctx, PgQuery__CreateTrigStmt* stmt);
// A parameter or return type as PostgreSQL stores it for a function: no
// length, precision or interval fields; `table.column%TYPE` resolved.
model::TypeRef routine_parameter_type(StatementContext& ctx, const PgQuery__TypeName* type_name);
// ALTER TABLE ... ENABLE/DISABLE TRIGGER: applied once every trigger is read.
void set_trigger_firing_later(StatementContext& ctx, const model::QualifiedName& table, const std::string& trigger,
                              model::TriggerFiring firing);
void comment_on_routine(StatementContext& ctx, const PgQuery__ObjectWithArgs* object, model::RoutineKind kind,
                        const model::Comment& text);
// The routine `object` names (of `kind`, or either without one); a located
// error naming `statement` ("COMMENT ON", "GRANT ON") when there is none.
model::Function& find_routine(StatementContext& ctx, const PgQuery__ObjectWithArgs* object,
                              std::optional<model::RoutineKind> kind, const std::string& statement);
void comment_on_trigger(StatementContext& ctx, const std::vector<std::string>& names, const model::Comment& text);

// Row-level security (create_policy.cpp, table_properties.cpp).
void transform_create_policy(StatementContext& ctx, PgQuery__CreatePolicyStmt* stmt);
void comment_on_policy(StatementContext& ctx, const std::vector<std::string>& names, const model::Comment& text);
// ALTER TABLE ... ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY, REPLICA
// IDENTITY, CLUSTER ON, SET WITHOUT CLUSTER, ALTER COLUMN SET STATISTICS;
// false for any other subcommand.
bool apply_table_property(StatementContext& ctx, model::Table& table, PgQuery__AlterTableCmd* cmd);

// Views and materialized views (create_view.cpp): registered in the views
// pass, built by resolve_views in dependency order once every column is known.
void transform_create_view(StatementContext& ctx, PgQuery__ViewStmt* stmt);
void transform_create_materialized_view(StatementContext& ctx, PgQuery__CreateTableAsStmt* stmt);
void resolve_view(Builder& builder, const model::QualifiedName& name, Location where);
void resolve_views(Builder& builder);
// The columns of a table, view or sequence a query reads, views built on
// demand: what view queries and SQL-standard routine bodies resolve names with.
RelationLookup relation_lookup(const StatementContext& ctx);
// BEGIN ATOMIC bodies (atomic_body.cpp): registered with their function,
// analyzed once every view is built, since they may read views.
void register_atomic_body(StatementContext& ctx, const model::FunctionKey& key, Node* statements);
void resolve_atomic_bodies(Builder& builder);
// The table or materialized view an index is on (its columns in `scratch`
// for a materialized view); a located error for a plain view or nothing.
const model::Table& indexed_relation(StatementContext& ctx, const PgQuery__RangeVar* relation, model::Table& scratch);

// With --privileges (grant.cpp, alter_owner.cpp, default_privileges.cpp):
// GRANT, REVOKE, ALTER ... OWNER TO and ALTER DEFAULT PRIVILEGES, applied in
// file order once every object is known; other statements are ignored.
void transform_privilege_statement(StatementContext& ctx, Node* stmt);
void transform_grant(StatementContext& ctx, const PgQuery__GrantStmt* stmt);
void transform_alter_owner(StatementContext& ctx, const PgQuery__AlterOwnerStmt* stmt);
void transform_alter_table_owner(StatementContext& ctx, const PgQuery__AlterTableStmt* stmt);
void transform_default_privileges(StatementContext& ctx, const PgQuery__AlterDefaultPrivilegesStmt* stmt);
// Once every file is read: privileges equal to an object's defaults are
// no privileges of its own (engine/model/privilege.hpp).
void drop_default_privileges(model::SchemaModel& model);

} // namespace pgshape::parser
