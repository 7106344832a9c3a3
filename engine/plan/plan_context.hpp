#pragma once
// What the per-kind planners share while turning changes into steps.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "engine/diff/changes.hpp"
#include "engine/model/check_copies.hpp"
#include "engine/model/schema_model.hpp"
#include "engine/plan/step.hpp"

namespace pgshape::plan {

struct PlanContext {
    PlanContext(const model::SchemaModel& from_model, const model::SchemaModel& to_model)
        : from(from_model), to(to_model) {}
    const model::SchemaModel& from;
    const model::SchemaModel& to;
    std::vector<Step> steps;
    // Foreign keys that must be dropped and re-added around a change of the
    // key they reference, though they themselves did not change.
    std::set<model::ConstraintKey> rebuilt_foreign_keys;
    // Columns whose type changes to one their old values do not compare
    // with (bigint to timestamp): an unchanged foreign key on such a
    // column, either side, is dropped and re-added around the change, since
    // its two ends do not compare halfway (plan_rebuilt_foreign_keys).
    std::set<model::ColumnRef> retyped_columns;
    // The copies of its parent's keys, checks and indexes that a partition
    // detached here keeps (PostgreSQL leaves them) and `to` gives the table
    // as they are: not created again (plan_table.cpp).
    std::set<model::ConstraintKey> kept_keys;
    std::set<model::QualifiedName> kept_indexes;
    // The same going down: a partition attached here and detached by the
    // way back keeps the copies `from` gives it, which are not added again.
    std::set<model::ConstraintKey> kept_keys_down;
    std::set<model::QualifiedName> kept_indexes_down;
    // Triggers that did not change but must be dropped and re-created around
    // a change of their function or of a column they name.
    std::set<model::TriggerKey> rebuilt_triggers;
    // Policies that did not change but must be dropped and re-created around
    // a change of a column they name, a function they call or their table.
    std::set<model::PolicyKey> rebuilt_policies;
    // Materialized views created, dropped or re-created by plan_views, and
    // tables re-created (re-partitioned): their indexes (and a table's
    // columns, keys and checks) come and go with them, not as steps of
    // their own.
    std::set<model::QualifiedName> rebuilt_relations;
    // Views dropped and created again by plan_views, with the reason.
    std::map<model::QualifiedName, std::string> rebuilt_views;
    // Functions with a SQL-standard body dropped before what they read
    // changes and created after it (plan_standard_body.cpp): their own
    // change, if any, is planned there.
    std::set<model::FunctionKey> rebuilt_functions;
    // User-defined types of `from` rebuilt in one step (type_rebuild.hpp):
    // their own planners leave them to it.
    std::set<model::QualifiedName> rebuilt_types;
    // Indexes of `from` that a new primary key or unique constraint takes
    // over (ADD CONSTRAINT ... USING INDEX): not dropped on their own.
    std::set<model::QualifiedName> adopted_indexes;

    Step& add(Phase phase, model::ObjectKey key, ChangeSymbol symbol, std::string summary) {
        Step step;
        step.phase = phase;
        step.key = std::move(key);
        step.symbol = symbol;
        step.summary = std::move(summary);
        steps.push_back(std::move(step));
        return steps.back();
    }
    // A table's indexes in `m` (indexes are keyed by their own name): built
    // once per model, so dropping many tables stays linear.
    std::vector<const model::Index*> indexes_of(const model::SchemaModel& m, const model::QualifiedName& table) {
        return grouped(&m == &from ? m_from_indexes : m_to_indexes, table, [&](Grouped<model::Index>& by) {
            for (const auto& [name, index] : m.indexes) by[index.table].push_back(&index);
        });
    }
    // Whether a foreign key in `m` references table `t`, or its parent when
    // `t` is a partition (PostgreSQL then ties the partition to the key).
    bool referenced_by_foreign_key(const model::SchemaModel& m, const model::QualifiedName& t) {
        auto& referenced = &m == &from ? m_from_referenced : m_to_referenced;
        if (!referenced) {
            referenced.emplace();
            for (const auto& [key, c] : m.constraints)
                if (c.type == model::ConstraintType::foreign_key) referenced->insert(c.ref_table);
        }
        const model::Table* table = nullptr;
        for (auto name = t; referenced->count(name) == 0; name = table->partition_of->parent) {
            auto it = m.tables.find(name);
            table = it == m.tables.end() ? nullptr : &it->second;
            if (!table || !table->partition_of) return false;
        }
        return true;
    }
    // A partitioned table's partitions in `m`, built once per model.
    std::vector<const model::Table*> partitions_of(const model::SchemaModel& m, const model::QualifiedName& table) {
        return grouped(&m == &from ? m_from_partitions : m_to_partitions, table, [&](Grouped<model::Table>& by) {
            for (const auto& [name, t] : m.tables)
                if (t.partition_of) by[t.partition_of->parent].push_back(&t);
        });
    }
    // The tables of `m` that inherit (INHERITS) from `table`, built once per model.
    std::vector<const model::Table*> children_of(const model::SchemaModel& m, const model::QualifiedName& table) {
        return grouped(&m == &from ? m_from_children : m_to_children, table, [&](Grouped<model::Table>& by) {
            for (const auto& [name, t] : m.tables)
                for (const auto& p : t.inherits) by[p].push_back(&t);
        });
    }
    // Each table's partitions and inheritance children in `m` (names),
    // built once per model.
    const model::ChildTables& child_tables(const model::SchemaModel& m) {
        auto& cache = &m == &from ? m_from_child_tables : m_to_child_tables;
        if (!cache) cache = model::child_tables(m);
        return *cache;
    }
    // The partitions' indexes of `m` attached to the partitioned index
    // `parent` (ALTER INDEX parent ATTACH PARTITION), built once per model.
    std::vector<const model::Index*> attached_indexes(const model::SchemaModel& m, const model::QualifiedName& parent) {
        return grouped(&m == &from ? m_from_attached : m_to_attached, parent, [&](Grouped<model::Index>& by) {
            for (const auto& [name, index] : m.indexes)
                if (!index.attached_to.name.empty()) by[index.attached_to].push_back(&index);
        });
    }
    // An index of a table dropped late (in Phase::drop_table, after the
    // creates) whose name `to` gives another relation: dropped on its own
    // before the creates (plan_index.cpp), and left out of its table's way
    // back, where its own step re-creates it.
    bool index_dropped_before_its_table(const model::Index& i) {
        if (!table_dropped(i.table)) return false;
        const auto table = from.tables.find(i.table);
        if (table == from.tables.end() || table->second.partition_of || rebuilt_relations.count(i.table)) return false;
        if (!m_to_relation_names) {
            m_to_relation_names.emplace();
            auto& names = *m_to_relation_names;
            for (const auto& [name, index] : to.indexes) names.insert(name);
            for (const auto& [name, t] : to.tables) names.insert(name);
            for (const auto& [name, seq] : to.sequences) names.insert(name);
            for (const auto& [name, v] : to.views) names.insert(name);
            for (const auto& [key, c] : to.constraints)
                if (c.type == model::ConstraintType::primary_key || c.type == model::ConstraintType::unique ||
                    c.type == model::ConstraintType::exclude)
                    names.insert({key.table.schema, key.name});
        }
        return m_to_relation_names->count(i.name) > 0;
    }
    // The longest chain of foreign keys (of `from` or `to`) from table `t` to
    // the tables it references, in hops: a referencing table is deeper than
    // what it references. Self-references do not count; a cycle is cut where
    // it closes. Built once per plan (SET LOGGED/UNLOGGED order, plan_table.cpp).
    int reference_depth(const model::QualifiedName& t) {
        if (!m_references) {
            m_references.emplace();
            for (const auto* m : {&from, &to})
                for (const auto& [key, c] : m->constraints)
                    if (c.type == model::ConstraintType::foreign_key && c.ref_table != c.table)
                        (*m_references)[c.table].insert(c.ref_table);
        }
        if (auto known = m_depths.find(t); known != m_depths.end()) return known->second;
        m_depths[t] = 0;  // while visiting: a cycle back to `t` counts as 0
        int depth = 0;
        if (auto refs = m_references->find(t); refs != m_references->end())
            for (const auto& r : refs->second) depth = std::max(depth, reference_depth(r) + 1);
        return m_depths[t] = depth;
    }
    bool table_created(const model::QualifiedName& t) const { return !from.tables.count(t) && to.tables.count(t); }
    bool table_dropped(const model::QualifiedName& t) const { return from.tables.count(t) && !to.tables.count(t); }

private:
    // Objects of one model grouped by a name (their table, parent, ...).
    template <class T> using Grouped = std::map<model::QualifiedName, std::vector<const T*>>;
    // The group of `key` in `cache`, which `fill` builds on first use.
    template <class T, class Fill>
    static std::vector<const T*> grouped(std::optional<Grouped<T>>& cache, const model::QualifiedName& key, Fill fill) {
        if (!cache) fill(cache.emplace());
        auto it = cache->find(key);
        return it == cache->end() ? std::vector<const T*>{} : it->second;
    }

    std::optional<Grouped<model::Index>> m_from_indexes, m_to_indexes;
    std::optional<std::set<model::QualifiedName>> m_from_referenced, m_to_referenced;
    std::optional<std::set<model::QualifiedName>> m_to_relation_names;
    std::optional<std::map<model::QualifiedName, std::set<model::QualifiedName>>> m_references;
    std::map<model::QualifiedName, int> m_depths;
    std::optional<Grouped<model::Table>> m_from_partitions, m_to_partitions, m_from_children, m_to_children;
    std::optional<Grouped<model::Index>> m_from_attached, m_to_attached;  // by the parent index attached to
    std::optional<model::ChildTables> m_from_child_tables, m_to_child_tables;
};

// One planner per object kind (engine/plan/plan_<kind>.cpp).
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Schema>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Extension>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::EnumType>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Domain>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::CompositeType>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Collation>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Sequence>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Table>& change);
void plan_change(PlanContext& ctx, const diff::ColumnChange& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Constraint>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Index>& change);
// Whether the index `name` of `to` is built in this plan (new, or dropped and
// built again), and whether the index `name` of `from` is dropped in it
// (gone, or to be built again): a partition's key attached to it comes and
// goes in the index's steps (plan_index.cpp).
bool index_built_here(const PlanContext& ctx, const model::QualifiedName& name);
// Whether the index `i` of `to` is built in its new partition's step, before
// the partition is attached (plan_table.cpp).
bool index_built_with_its_partition(const PlanContext& ctx, const model::Index& i);
bool index_dropped_here(const PlanContext& ctx, const model::QualifiedName& name);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Function>& change);
// CREATE OR REPLACE can turn `a` into `b` and back (plan_function.cpp);
// otherwise the function is dropped and re-created, with what calls it.
bool replaceable(const model::Function& a, const model::Function& b);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Trigger>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::View>& change);
void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Policy>& change);
// Views form a graph over the tables: planned together, before the other
// changes (plan_view.cpp).
void plan_views(PlanContext& ctx);
// A column change PostgreSQL refuses while a view or a SQL-standard body
// reads the column (and its inverse, for the down plan).
bool blocks_readers(const model::Column& a, const model::Column& b);
// Functions whose SQL-standard body reads something that changes under
// it (PostgreSQL tracks those reads): after plan_views, before the other
// changes (plan_standard_body.cpp).
void plan_standard_bodies(PlanContext& ctx);

// Unchanged functions whose signature uses a rebuilt type: dropped before
// the rebuild and created again after it (plan_function.cpp).
void plan_functions_on_rebuilt_types(PlanContext& ctx);
// Foreign keys that stay the same but sit on a key that is rebuilt.
void plan_rebuilt_foreign_keys(PlanContext& ctx);
// The validated copies of NOT VALID checks (plan_check_copies.cpp).
// VALIDATE CONSTRAINT for the copies `m`'s check `c` has validated, to
// follow its ADD CONSTRAINT (going down, `m` is `from`: only the tables
// the plan left in place).
std::vector<std::string> copy_validations(const PlanContext& ctx, const model::SchemaModel& m,
                                          const model::Constraint& c);
// A check whose copies are valid on other tables in `b` than in `a`:
// validates those it can in place and returns true, or returns false when
// a copy valid after the plan's other steps should not be (the check must
// then be added again).
bool plan_copy_validity(PlanContext& ctx, const model::Constraint& a, const model::Constraint& b);
// Going down from a check or foreign key `now` that cannot be undone in
// place (a validation): drop it, and add `before` back as `from` has it,
// with its comments and validated copies (plan_constraint.cpp).
std::vector<std::string> add_again(const PlanContext& ctx, const model::Constraint& now, const model::Constraint& before);
// The NOT VALID checks that did not change, but whose copies the plan's
// new or attached tables change (plan_constraint.cpp).
void plan_unchanged_check_copies(PlanContext& ctx);
// Triggers in `rebuilt_triggers` (plan_trigger.cpp).
void plan_rebuilt_triggers(PlanContext& ctx);
// Policies in `rebuilt_policies`, and the unchanged ones on a column that
// changes or a table that is re-created (plan_policy.cpp).
void plan_rebuilt_policies(PlanContext& ctx);
// RLS flags, replica identity and CLUSTER ON of tables, also around a
// dropped or rebuilt index they name (plan_table_properties.cpp): after
// every other step is known.
void plan_table_properties(PlanContext& ctx);

// Privileges and owners (plan_privileges.cpp): after every other step, so
// that the steps that create objects carry their grants.
void plan_privileges(PlanContext& ctx);

// Whether a partition's index (or key) is the same on both sides but for
// the parent's index it is attached to and its comments (and a key's
// ONLY, which follows from its partitions).
bool same_but_attachment(model::Index a, model::Index b);
bool same_but_attachment(model::Constraint a, model::Constraint b);

// A comment change as its own step (the same for every kind).
void plan_comment(PlanContext& ctx, model::ObjectKey key, const std::string& target, const model::Comment& from,
                  const model::Comment& to);

model::ObjectKey key_of(const model::Table& t);
model::ObjectKey key_of(const model::Constraint& c);
model::ObjectKey key_of(const model::Index& i);

} // namespace pgshape::plan
