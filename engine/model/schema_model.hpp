#pragma once
// The schema model: plain values, compared with defaulted operator==.
#include <cstdint>
#include <climits>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/names.hpp"
#include "engine/model/policy.hpp"
#include "engine/model/privilege.hpp"
#include "engine/model/routine.hpp"
#include "engine/model/type_ref.hpp"
#include "engine/model/user_type.hpp"
#include "engine/model/view.hpp"

namespace pgshape::model {


struct Schema {
    std::string name;
    Comment comment;
    bool operator==(const Schema&) const = default;
};

struct Extension {
    std::string name;
    std::string schema;
    // Empty when the source did not say: then any installed version matches.
    std::string version;
    bool operator==(const Extension&) const = default;
};

// Storage parameters (WITH (...) on tables, partitions, indexes and
// materialized views) as PostgreSQL keeps them in pg_class.reloptions:
// name=value pairs, sorted by name, booleans spelled true/false.
using StorageOptions = std::vector<std::pair<std::string, std::string>>;

// CREATE COLLATION: provider ("libc", "icu"), locale or lc_collate/lc_ctype,
// deterministic. `locale` is set for ICU and when lc_collate = lc_ctype.
struct Collation {
    QualifiedName name;
    std::string provider = "libc";
    std::string lc_collate;
    std::string lc_ctype;
    std::string icu_locale;  // provider icu: the ICU locale
    bool deterministic = true;
    Comment comment;
    bool operator==(const Collation&) const = default;
};

struct EnumType {
    QualifiedName name;
    std::vector<std::string> labels;
    Comment comment;
    bool operator==(const EnumType&) const = default;
};

struct ColumnRef {
    QualifiedName table;
    std::string column;
    auto operator<=>(const ColumnRef&) const = default;
};

// Options shared by sequences and identity columns.
struct SequenceOptions {
    TypeRef data_type{"", "bigint", "", false};
    std::int64_t increment = 1;
    std::int64_t min_value = 1;
    std::int64_t max_value = INT64_MAX;
    std::int64_t start = 1;
    std::int64_t cache = 1;
    bool cycle = false;
    bool operator==(const SequenceOptions&) const = default;
};

// What PostgreSQL gives a sequence of `type` counting in the direction of
// `increment` when no bound or start is named.
SequenceOptions default_sequence_options(const TypeRef& type, std::int64_t increment = 1);

struct Sequence {
    QualifiedName name;
    SequenceOptions options;
    std::optional<ColumnRef> owned_by;
    Comment comment;
    bool operator==(const Sequence&) const = default;
};

enum class Identity { none, always, by_default };

struct Column {
    std::string name;
    TypeRef type;
    std::string collation;  // empty: the type's default collation
    bool not_null = false;
    std::optional<Expr> default_value;
    Identity identity = Identity::none;
    SequenceOptions identity_options;  // meaningful only for identity columns
    std::optional<Expr> generated;  // GENERATED ALWAYS AS (...) STORED
    int statistics = -1;  // ALTER COLUMN ... SET STATISTICS; -1: default_statistics_target
    Comment comment;
    // Declared by the table itself (pg_attribute.attislocal). Only a column
    // a child takes from its parents (INHERITS) without declaring it is not
    // local; a child may also redeclare an inherited column, which is then both.
    bool local = true;
    bool operator==(const Column&) const = default;
};

enum class SortOrder { asc, desc };

struct IndexElem {
    std::string column;         // set for a plain column ...
    std::optional<Expr> expr;   // ... or an expression
    std::string collation;
    std::string opclass;
    SortOrder order = SortOrder::asc;
    bool nulls_first = false;   // normalized: explicit for both orders
    bool operator==(const IndexElem&) const = default;
};

// PARTITION BY: strategy ("range", "list", "hash") and key columns or expressions.
struct PartitionKey {
    std::string strategy;
    std::vector<IndexElem> elems;
    bool operator==(const PartitionKey&) const = default;
};

// PARTITION OF parent FOR VALUES ...: `sql` is the bound as written
// ("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')", "DEFAULT"), `canon`
// what it is compared by.
struct PartitionBound {
    QualifiedName parent;
    std::string sql;
    std::string canon;
    bool operator==(const PartitionBound& o) const { return parent == o.parent && canon == o.canon; }
};

struct Table {
    QualifiedName name;
    // In declaration order; the differ matches columns by name, so order
    // alone is never a difference.
    std::vector<Column> columns;
    std::optional<PartitionKey> partition_by;   // a partitioned table
    std::optional<PartitionBound> partition_of;  // a partition: its columns are the parent's, with its own
                                                 // defaults and NOT NULL where it sets them
    // INHERITS (...): the parents in pg_inherits order (inhseqno). The
    // columns then hold the parents' columns merged by name, as PostgreSQL
    // does, with the child's own defaults and NOT NULL; checks are the
    // child's own (those it inherits are its parents').
    std::vector<QualifiedName> inherits;
    bool unlogged = false;
    StorageOptions options;
    // ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY.
    bool row_security = false;
    bool force_row_security = false;
    ReplicaIdentity replica_identity = ReplicaIdentity::default_;
    std::string replica_index;  // USING INDEX: an index (or key constraint) of this table, same schema
    std::string cluster_index;  // CLUSTER ON: likewise; empty when none
    Comment comment;
    const Column* find_column(const std::string& column) const;
    bool operator==(const Table&) const = default;
};

enum class ConstraintType { primary_key, unique, foreign_key, check, exclude };

// One element of an EXCLUDE constraint: a column or expression and the
// operator (unqualified, as pg_get_constraintdef prints it) compared with.
struct ExclusionElem {
    IndexElem elem;
    std::string op;
    bool operator==(const ExclusionElem&) const = default;
};

// Foreign-key actions and match types, as pg_constraint spells them.
enum class FkAction { no_action, restrict, cascade, set_null, set_default };
enum class FkMatch { simple, full, partial };

struct ConstraintKey {
    QualifiedName table;
    std::string name;
    auto operator<=>(const ConstraintKey&) const = default;
};

struct Constraint {
    QualifiedName table;
    std::string name;
    ConstraintType type = ConstraintType::check;
    std::vector<std::string> columns;  // key columns (PK, UNIQUE, FK local side)
    std::vector<std::string> include;  // INCLUDE columns of PK / UNIQUE
    bool nulls_not_distinct = false;
    // Foreign keys.
    QualifiedName ref_table;
    std::vector<std::string> ref_columns;
    FkMatch match = FkMatch::simple;
    FkAction on_delete = FkAction::no_action;
    FkAction on_update = FkAction::no_action;
    bool deferrable = false;
    bool initially_deferred = false;
    bool valid = true;  // false: added NOT VALID, existing rows not checked yet
    // Checks.
    std::optional<Expr> check;
    bool no_inherit = false;
    // A NOT VALID check: the tables under its table (partitions and
    // inheritance children, at any depth) whose copy of it is validated
    // (PostgreSQL validates a copy made by CREATE TABLE ... PARTITION OF or
    // INHERITS, and one named by ALTER TABLE child VALIDATE CONSTRAINT).
    // Empty for any other constraint.
    std::set<QualifiedName> valid_copies;
    // EXCLUDE USING method (elem WITH op, ...) [WHERE (where)].
    std::string method;
    std::vector<ExclusionElem> exclusions;
    std::optional<Expr> where;
    Comment comment;
    // COMMENT ON INDEX of the index a primary key, unique or exclusion
    // constraint makes (named as the constraint): a comment of its own.
    Comment index_comment;
    // ALTER TABLE ONLY parent ADD PRIMARY KEY|UNIQUE with a partition whose
    // key is not attached yet (the index's indisvalid = false).
    bool only = false;
    // A partition's primary key or unique constraint whose index is attached
    // to an index of the parent (ALTER INDEX parent_index ATTACH PARTITION
    // this); empty name: none. Left out of the model when the parent's own
    // key or index made it, under PostgreSQL's name (parser/attach_index.cpp).
    QualifiedName attached_to;
    ConstraintKey key() const { return {table, name}; }
    // A primary key or unique constraint: a key that foreign keys reference
    // and whose index partitions copy and attach.
    bool is_key() const { return type == ConstraintType::primary_key || type == ConstraintType::unique; }
    bool operator==(const Constraint&) const = default;
};

struct Index {
    QualifiedName name;  // schema is always the table's schema
    QualifiedName table;
    bool unique = false;
    bool nulls_not_distinct = false;
    std::string method = "btree";
    std::vector<IndexElem> elems;
    std::vector<std::string> include;
    std::optional<Expr> where;
    StorageOptions options;
    // On a partitioned table: CREATE INDEX ... ON ONLY, with a partition
    // whose index is not attached yet (the catalog's indisvalid = false).
    // An index that covers every partition is not `only`, however written.
    bool only = false;
    // On a partition: the parent's index this one is attached to (ALTER
    // INDEX attached_to ATTACH PARTITION name); empty name: none. Indexes a
    // parent's index made under PostgreSQL's own name are left out of the
    // model, as its statement describes them.
    QualifiedName attached_to;
    Comment comment;
    bool operator==(const Index&) const = default;
};

// The comment PostgreSQL gives the `public` schema of a new database.
inline constexpr const char* k_public_schema_comment = "standard public schema";

// A whole database schema (or the part of it pgshape manages). The
// `public` schema is implicit on both sides and never listed; only its
// comment is managed, and it is PostgreSQL's own unless a file says
// otherwise (pg_dump writes COMMENT ON SCHEMA public when it was changed).
struct SchemaModel {
    std::map<std::string, Schema> schemas;
    Comment public_comment = std::string(k_public_schema_comment);
    std::map<std::string, Extension> extensions;
    std::map<QualifiedName, EnumType> enums;
    std::map<QualifiedName, Domain> domains;
    std::map<QualifiedName, CompositeType> composite_types;
    std::map<QualifiedName, Collation> collations;
    std::map<QualifiedName, Sequence> sequences;
    std::map<QualifiedName, Table> tables;
    std::map<ConstraintKey, Constraint> constraints;
    std::map<QualifiedName, Index> indexes;  // on tables and materialized views
    std::map<QualifiedName, View> views;     // and materialized views
    std::map<FunctionKey, Function> functions;  // and procedures
    std::map<TriggerKey, Trigger> triggers;
    std::map<PolicyKey, Policy> policies;
    // Read only with --privileges (engine/model/privilege.hpp): the
    // privileges objects have beyond their defaults, the owners files name
    // (a file that names none leaves the owner alone), default privileges.
    std::map<AclTarget, Acl> privileges;
    std::map<AclTarget, std::string> owners;  // column empty
    std::map<DefaultAclKey, Acl> default_privileges;
    bool operator==(const SchemaModel&) const = default;
};

// How many PARTITION OF hops lead from `t` to its root table in `m`
// (bounded by the number of tables, so a cycle cannot loop).
int partition_depth(const SchemaModel& m, const Table& t);

// How deep `t` sits under the tables it inherits from (INHERITS) or is a
// partition of: 0 for a table with no parent, one more than its deepest
// parent otherwise (bounded, so a cycle cannot loop). Parents are created
// first and dropped last.
int inheritance_depth(const SchemaModel& m, const Table& t);

// How deep `type` sits on the user-defined types of `m`: 0 for built-in
// types and enums, one more than its base for a domain, one more than its
// deepest attribute for a composite type (arrays as their element). Types
// are created in increasing depth and dropped in decreasing depth.
int type_depth(const SchemaModel& m, const TypeRef& type);

} // namespace pgshape::model
