#pragma once
// State shared by the statement transforms while a set of files is loaded.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"
#include "parser/canonical_expr.hpp"
#include "parser/pg_tree.hpp"
#include "parser/source_text.hpp"

namespace pgshape::parser {

// A position in a loaded file, for diagnostics.
struct Location {
    const SourceFile* file = nullptr;
    std::size_t offset = 0;
};

// A reference to check once every file is loaded (files may come in any order).
struct PendingCheck {
    Location where;
    std::function<void()> check;  // throws UserError via Builder::fail
};

// A partition's own column options (PARTITION OF t (c WITH OPTIONS DEFAULT
// ..., NOT NULL)): applied over its parent's columns once every file is
// loaded, so that the parent's ALTER TABLE statements reach the partition
// first, as PostgreSQL passes them on.
struct PartitionColumnOptions {
    std::optional<std::optional<model::Expr>> default_value;  // set: the partition's own (nullopt: none)
    bool not_null = false;
};

// A default a child states in its own column definition (INHERITS): it
// goes over the inherited one once every file is read.
struct InheritedColumnOptions {
    std::optional<std::optional<model::Expr>> default_value;  // set: the child's own (nullopt: none)
};

// Which statement made a primary key or unique constraint, and whether it
// was named there: PostgreSQL folds equal keys of one statement into one
// (parser/transform/redundant_key.cpp).
struct KeyStatement {
    const SourceFile* file = nullptr;
    std::size_t offset = 0;
    bool named = false;
};


// ALTER INDEX parent ATTACH PARTITION child, resolved once every file is
// read (parser/transform/attach_index.cpp).
struct IndexAttachment {
    model::QualifiedName parent;
    model::QualifiedName child;
    Location where;
};

class Builder {
public:
    model::SchemaModel model;
    std::map<std::pair<model::QualifiedName, std::string>, PartitionColumnOptions> partition_column_options;
    std::map<std::pair<model::QualifiedName, std::string>, InheritedColumnOptions> inherited_column_options;
    // Children (INHERITS) whose inherited columns are merged in already.
    std::set<model::QualifiedName> inheritance_resolved;
    std::map<model::ConstraintKey, KeyStatement> key_statements;
    std::vector<IndexAttachment> index_attachments;
    // Indexes that ADD CONSTRAINT ... USING INDEX made a key's own, under
    // the key's name: ALTER INDEX ... ATTACH PARTITION may still name them
    // by the index's.
    std::map<model::QualifiedName, model::ConstraintKey> indexes_taken_by_keys;
    // Keys added with ALTER TABLE ONLY on a partitioned table: their index
    // covers no partition until partitions' indexes are attached.
    std::set<model::ConstraintKey> only_keys;

    // Throws UserError formatted as file:line:col with the source line.
    [[noreturn]] void fail(Location where, const std::string& message, const std::string& help = {}) const;

    // Resolves an unqualified name against search_path = public.
    static std::string schema_or_public(const char* schema);
    model::QualifiedName name_of(const PgQuery__RangeVar* rv) const;
    // Table that must exist (else a located error).
    model::Table& table(const model::QualifiedName& name, Location where);

    // Name choice as PostgreSQL does it (ChooseRelationName, ChooseConstraintName).
    // `where`: the statement's place, recorded as a claimed name's is.
    std::string choose_relation_name(const std::string& schema, const std::string& name1,
                                     const std::string& name2, const std::string& label, Location where = {});
    std::string choose_constraint_name(const model::QualifiedName& table, const std::string& name2,
                                       const std::string& label);
    // A domain's unnamed check: <domain>_check, numbered past the check
    // names of the schema's domains (PostgreSQL looks schema-wide, at table
    // constraints too; a clash with one of those is not foreseen).
    std::string choose_domain_check_name(const model::QualifiedName& domain) const;
    void claim_relation_name(const std::string& schema, const std::string& name, Location where);
    // An index renamed by ADD CONSTRAINT ... USING INDEX frees its name.
    void release_relation_name(const std::string& schema, const std::string& name);

    // Checks and foreign keys (names unique per table); PRIMARY KEY and
    // UNIQUE claim a relation name first, since their index is a relation.
    void add_constraint(model::Constraint constraint, Location where);
    // The primary key, unique or exclusion constraint whose index is named
    // `index`, or null. Built on first use, once every key is known (the
    // comment pass).
    model::Constraint* constraint_with_index(const model::QualifiedName& index);
    // The schema must be defined somewhere in the loaded files.
    void require_schema(const std::string& schema, Location where);
    void defer(Location where, std::function<void()> check) { m_checks.push_back({where, std::move(check)}); }
    void run_deferred_checks();

    // Where each object was defined, for "already defined" and reference errors.
    std::map<std::string, Location> defined_at;
    // Where each partition became one (CREATE TABLE ... PARTITION OF, ALTER
    // TABLE ... ATTACH PARTITION), and the order of the files: PostgreSQL
    // attaches a partition's index that exists by then to a parent's index
    // that matches it (attach_index.cpp).
    std::map<model::QualifiedName, Location> partition_since;
    std::map<const SourceFile*, std::size_t> file_order;
    // Where a table was created under a parent (CREATE TABLE ... PARTITION
    // OF or INHERITS), where a check was added NOT VALID (ALTER TABLE ...
    // ADD ... NOT VALID), and each ALTER TABLE ... VALIDATE CONSTRAINT:
    // which copies of a NOT VALID check are validated
    // (transform/check_copies.cpp).
    std::map<model::QualifiedName, Location> created_under_parent;
    std::map<model::ConstraintKey, Location> not_valid_checks_added;
    std::vector<std::pair<model::ConstraintKey, Location>> validations;
    // Whether `a` comes before `b` in the files as read (an unknown place
    // comes before none).
    bool earlier(Location a, Location b) const;
    // Off for the catalog's text, which writes every attachment out.
    bool implicit_index_attach = true;

    // Views waiting to be built, and those being built (a view reads
    // itself if it comes back here): parser/transform/create_view.cpp.
    std::map<model::QualifiedName, std::function<void()>> pending_views;
    std::set<model::QualifiedName> views_in_progress;
    // BEGIN ATOMIC bodies waiting for the views (atomic_body.cpp).
    std::vector<std::function<void()>> pending_bodies;

private:
    std::map<std::string, std::set<std::string>> m_relation_names;  // schema → names
    std::optional<std::map<model::QualifiedName, model::ConstraintKey>> m_constraint_indexes;
    std::vector<PendingCheck> m_checks;
};

// One statement being transformed, with everything a transform needs.
struct StatementContext {
    Builder& builder;
    ParseTree& tree;
    const SourceFile& file;
    std::size_t offset;  // of the statement's first keyword, in `file`
    std::size_t base = 0;  // where the parsed text (a chunk of `file`) starts: node locations are relative to it

    Location at(int location) const {
        return {&file, location >= 0 ? base + static_cast<std::size_t>(location) : offset};
    }
    Location here() const { return {&file, offset}; }
    [[noreturn]] void fail(int location, const std::string& message, const std::string& help = {}) const {
        builder.fail(at(location), message, help);
    }
    // Where an expression sits: the columns it may name, the type it is
    // assigned to, and the domains the files define.
    ExprContext expr_context(const std::vector<model::Column>* columns, const model::TypeRef* target = nullptr) const {
        ExprContext out;
        out.columns = columns;
        out.target = target;
        out.domains = &builder.model.domains;
        return out;
    }
};

} // namespace pgshape::parser
