// Tables: created with their columns and non-FK constraints inline; dropped
// whole, with everything needed to re-create them in the down step.
#include <algorithm>

#include "engine/model/partition_copies.hpp"
#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_policy.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

// The non-FK constraints of a table that CREATE TABLE can hold (FKs are
// separate steps: they may form cycles; NOT VALID ones need ALTER TABLE).
std::vector<const model::Constraint*> inline_constraints(const model::SchemaModel& m, const model::QualifiedName& t) {
    std::vector<const model::Constraint*> out;
    for (auto it = m.constraints.lower_bound({t, ""}); it != m.constraints.end() && it->first.table == t; ++it)
        if (it->second.type != model::ConstraintType::foreign_key && it->second.valid) out.push_back(&it->second);
    return out;
}

// Whether the column `c` of child `t` (of `m`) comes from parents that do
// not have it in `other`, the other side of the plan: the parent's ADD
// COLUMN gives it to the child then, and sets the child's own values.
bool column_comes_later(const model::SchemaModel& m, const model::SchemaModel* other, const model::Table& t,
                        const model::Column& c) {
    if (!other || c.local) return false;
    for (const auto& p : t.inherits) {
        auto mine = m.tables.find(p);
        if (mine == m.tables.end() || !mine->second.find_column(c.name)) continue;
        auto there = other->tables.find(p);
        if (there == other->tables.end() || there->second.find_column(c.name)) return false;
    }
    return true;
}

std::string attach(const model::Table& t) {
    return "ALTER TABLE " + quote_name(t.partition_of->parent) + " ATTACH PARTITION " + quote_name(t.name) + " " +
           t.partition_of->sql;
}

// The other side of the plan than `m`.
const model::SchemaModel& other_side(const PlanContext& ctx, const model::SchemaModel& m) {
    return &m == &ctx.from ? ctx.to : ctx.from;
}

// Whether `index`, a parent's plain index that a partition's index or key
// of `m` is attached to, stands on the other side already: CREATE TABLE
// ... PARTITION OF would give a new partition that index's copy first, and
// the partition's own would stay apart.
bool standing_index(const PlanContext& ctx, const model::SchemaModel& m, const model::QualifiedName& index) {
    return !index.name.empty() && m.indexes.count(index) && other_side(ctx, m).indexes.count(index);
}

// Whether partition `t` of `m` has an index or key attached to a standing
// index: it is created standalone, with those, and then attached.
bool takes_standing_index(PlanContext& ctx, const model::SchemaModel& m, const model::Table& t) {
    if (!t.partition_of) return false;
    for (auto it = m.constraints.lower_bound({t.name, ""}); it != m.constraints.end() && it->first.table == t.name; ++it)
        if (standing_index(ctx, m, it->second.attached_to)) return true;
    for (const auto* i : ctx.indexes_of(m, t.name))
        if (standing_index(ctx, m, i->attached_to)) return true;
    return false;
}

// A partition `t` of `m` that takes a standing index: CREATE TABLE without
// PARTITION OF, with its keys and the parent's checks (ATTACH PARTITION
// requires them; they become inherited), its indexes attached to standing
// ones, then ATTACH PARTITION: PostgreSQL attaches those rather than build
// copies.
std::vector<std::string> create_then_attach(PlanContext& ctx, const model::SchemaModel& m, const model::Table& t,
                                            std::vector<const model::Constraint*> constraints) {
    model::Table standalone = t;
    standalone.partition_of.reset();
    std::vector<model::Constraint> checks;
    const auto& parent = t.partition_of->parent;
    for (auto it = m.constraints.lower_bound({parent, ""}); it != m.constraints.end() && it->first.table == parent; ++it) {
        const auto& c = it->second;
        if (c.type != model::ConstraintType::check || c.no_inherit || m.constraints.count({t.name, c.name})) continue;
        checks.push_back(c);
        checks.back().table = t.name;
    }
    for (const auto& c : checks) constraints.push_back(&c);
    std::vector<std::string> out{ddl::create_table(standalone, constraints)};
    for (const auto* i : ctx.indexes_of(m, t.name))
        if (standing_index(ctx, m, i->attached_to)) {
            out.push_back(ddl::create_index(*i));
            if (i->comment) out.push_back(ddl::comment_on("INDEX " + quote_name(i->name), i->comment));
        }
    out.push_back(attach(t));
    return out;
}

// CREATE TABLE with inline keys and checks (a partition: PARTITION OF, its
// own constraints after it; a child: INHERITS, its own defaults and NOT
// NULL on inherited columns after it), its row-level security flags, plus
// comments on all of it. A replica identity waits for the indexes
// (plan_table_properties.cpp).
std::vector<std::string> create_statements(PlanContext& ctx, const model::SchemaModel& m, const model::Table& table) {
    const auto constraints = inline_constraints(m, table.name);
    std::vector<std::string> out;
    if (takes_standing_index(ctx, m, table)) {
        out = create_then_attach(ctx, m, table, constraints);
    } else if (table.partition_of) {
        auto parent = m.tables.find(table.partition_of->parent);
        out.push_back(ddl::create_partition(table, parent == m.tables.end() ? nullptr : &parent->second));
        for (const auto* c : constraints) out.push_back(ddl::add_constraint(*c));
    } else {
        out.push_back(ddl::create_table(table, constraints));
        const auto& other = other_side(ctx, m);
        for (auto& s : ddl::inherited_column_statements(
                 m, table, [&](const model::Column& c) { return column_comes_later(m, &other, table, c); }))
            out.push_back(std::move(s));
    }
    for (auto& s : ddl::row_security_statements(table)) out.push_back(std::move(s));
    for (auto& c : ddl::table_comments(table)) out.push_back(std::move(c));
    for (const auto* c : constraints)
        for (auto& s : ddl::constraint_comments(*c)) out.push_back(std::move(s));
    return out;
}

// Whether `m` gives `t` a check like the copy `c` of its parent's (same
// name and expression): what ATTACH PARTITION requires of a table, and what
// a detached partition keeps.
bool has_check_copy(const model::SchemaModel& m, const model::Constraint& c) {
    const auto it = m.constraints.find(c.key());
    return it != m.constraints.end() && it->second.type == model::ConstraintType::check && it->second.check == c.check;
}

std::string detach(const model::Table& t) {
    return "ALTER TABLE " + quote_name(t.partition_of->parent) + " DETACH PARTITION " + quote_name(t.name);
}

// ATTACH PARTITION of `t`, a partition in `attached` and standalone in
// `standalone`. PostgreSQL attaches to each index of the parent the first
// matching index of the table not attached yet: one that `attached` leaves
// standalone is dropped before and created again after.
std::vector<std::string> attach_statements(const model::SchemaModel& attached, const model::SchemaModel& standalone,
                                           const model::Table& t) {
    std::vector<std::string> before, after;
    for (const auto& [name, x] : standalone.indexes) {
        if (x.table != t.name) continue;
        const auto y = attached.indexes.find(name);
        if (y == attached.indexes.end() || !y->second.attached_to.name.empty()) continue;
        model::Index same = x;
        same.comment = y->second.comment;
        if (!(same == y->second)) continue;  // its own steps drop and create it
        bool taken = false;
        for (const auto& [pname, p] : attached.indexes)
            taken = taken || (p.table == t.partition_of->parent && model::shape_of(p) == model::shape_of(x));
        if (!taken) continue;
        before.push_back("DROP INDEX " + quote_name(name));
        after.push_back(ddl::create_index(y->second));
        if (y->second.comment) after.push_back(ddl::comment_on("INDEX " + quote_name(name), y->second.comment));
    }
    // ATTACH PARTITION requires the parent's checks, by name: added first
    // where the table has not got them; then they are the parent's copies.
    for (const auto& c : model::partition_copies(attached, t.name).checks)
        if (!has_check_copy(standalone, c)) before.push_back(ddl::add_constraint(c));
    before.push_back(attach(t));
    for (auto& s : after) before.push_back(std::move(s));
    return before;
}

// Whether `m` has the copy `i` left behind on a detached partition: an
// index of that name on that table (one of that name on another table is
// built after the copy is dropped).
bool index_kept(const model::SchemaModel& m, const model::Index& i) {
    const auto it = m.indexes.find(i.name);
    return it != m.indexes.end() && it->second.table == i.table;
}

// The copies of its parent's keys, indexes and checks that the partition `t`
// of `attached`, detached to stand alone, keeps (PostgreSQL leaves them)
// and `standalone` gives it as they are.
void kept_copies(const model::SchemaModel& attached, const model::SchemaModel& standalone, const model::Table& t,
                 std::set<model::ConstraintKey>& keys, std::set<model::QualifiedName>& indexes) {
    const auto copies = model::partition_copies(attached, t.name);
    for (const auto& c : copies.keys)
        if (const auto it = standalone.constraints.find(c.key());
            it != standalone.constraints.end() && same_but_attachment(c, it->second))
            keys.insert(c.key());
    for (const auto& i : copies.indexes)
        if (const auto it = standalone.indexes.find(i.name); it != standalone.indexes.end() && same_but_attachment(i, it->second))
            indexes.insert(i.name);
    for (const auto& c : copies.checks)
        if (has_check_copy(standalone, c)) keys.insert(c.key());
}

// DETACH PARTITION of `t`, a partition in `attached` and standalone in
// `standalone`: the indexes and keys the parent's made on it stay behind,
// standalone; those `standalone` does not have are dropped. `undoing`: the
// way back of an attach, where the parent's indexes and keys that
// `standalone` lacks (or has otherwise) were dropped before, with their
// partitions' copies.
std::vector<std::string> detach_statements(const model::SchemaModel& attached, const model::SchemaModel& standalone,
                                           const model::Table& t, bool undoing) {
    std::vector<std::string> out = {detach(t)};
    const auto copies = model::partition_copies(attached, t.name);
    const auto index_stays = [&](const model::QualifiedName& name) {
        if (!undoing) return true;
        const auto a = attached.indexes.find(name);
        const auto b = standalone.indexes.find(name);
        if (a == attached.indexes.end() || b == standalone.indexes.end()) return false;
        model::Index x = a->second, y = b->second;
        x.comment = y.comment;
        x.options = y.options;
        x.only = y.only;
        return x == y;
    };
    const auto key_stays = [&](const model::Constraint& c) {
        if (!undoing) return true;
        const model::ConstraintKey key{t.partition_of->parent, c.attached_to.name};
        const auto a = attached.constraints.find(key);
        const auto b = standalone.constraints.find(key);
        if (a == attached.constraints.end() || b == standalone.constraints.end()) return false;
        model::Constraint x = a->second, y = b->second;
        x.comment = y.comment;
        x.index_comment = y.index_comment;
        x.only = y.only;
        return x == y;
    };
    for (const auto& i : copies.indexes)
        if (!index_kept(standalone, i) && index_stays(i.attached_to)) out.push_back("DROP INDEX " + quote_name(i.name));
    for (const auto& c : copies.keys)
        if (!standalone.constraints.count(c.key()) && key_stays(c)) out.push_back(ddl::drop_constraint(c));
    // The parent's checks stay too, as the table's own.
    for (const auto& c : copies.checks)
        if (!has_check_copy(standalone, c)) out.push_back(ddl::drop_constraint(c));
    return out;
}

void create_step(PlanContext& ctx, const model::Table& t) {
    auto& step = ctx.add(t.partition_of ? Phase::create_partition : Phase::create_table, key_of(t), ChangeSymbol::create,
                         "table " + quote_name(t.name) + (t.partition_of ? " partition of " + quote_name(t.partition_of->parent) : ""));
    step.rank = model::inheritance_depth(ctx.to, t);  // parents first
    step.up = create_statements(ctx, ctx.to, t);
    // A partition that a foreign key reaches through its parent cannot be
    // dropped while attached: detach it first.
    if (t.partition_of && ctx.referenced_by_foreign_key(ctx.to, t.name)) step.down.push_back(detach(t));
    step.down.push_back("DROP TABLE " + quote_name(t.name));
    step.down_hazards.push_back({HazardKind::data_loss, "dropping table " + quote_name(t.name) + " discards its rows"});
}

// CREATE INDEX (and COMMENT ON INDEX) for every index of `table` in `m`.
void append_indexes(PlanContext& ctx, const model::SchemaModel& m, const model::QualifiedName& table,
                    std::vector<std::string>& out) {
    for (const auto* index : ctx.indexes_of(m, table)) {
        if (&m == &ctx.from && ctx.index_dropped_before_its_table(*index)) continue;  // its own step brings it back
        if (standing_index(ctx, m, index->attached_to)) continue;  // in create_then_attach
        out.push_back(ddl::create_index(*index));
        if (index->comment) out.push_back(ddl::comment_on("INDEX " + quote_name(index->name), index->comment));
    }
}

void drop_step(PlanContext& ctx, const model::Table& t, bool before_creates = false) {
    const Phase phase = (t.partition_of || before_creates) ? Phase::drop_partition : Phase::drop_table;
    auto& step = ctx.add(phase, key_of(t), ChangeSymbol::drop,
                         "table " + quote_name(t.name));
    step.rank = -model::inheritance_depth(ctx.from, t);  // partitions and children before their parent
    if (t.partition_of && ctx.referenced_by_foreign_key(ctx.from, t.name)) step.up.push_back(detach(t));
    step.up.push_back("DROP TABLE " + quote_name(t.name));
    step.hazards.push_back({HazardKind::data_loss, "dropping table " + quote_name(t.name) + " discards its rows"});
    step.down = create_statements(ctx, ctx.from, t);
    // Its indexes went with it; they come back with it.
    append_indexes(ctx, ctx.from, t.name, step.down);
    if (t.replica_identity != model::ReplicaIdentity::default_) step.down.push_back(ddl::replica_identity(t));
    if (!t.cluster_index.empty()) step.down.push_back(ddl::cluster_on(t));
    step.down_hazards.push_back({HazardKind::data_loss, "table " + quote_name(t.name) + " is re-created empty"});
}

// DROP TABLE takes the sequences the table owns along (serial columns): a
// sequence that outlives the re-created table is released before the drop
// and owned again after the create, both ways.
void keep_owned_sequences(PlanContext& ctx, Step& drop, Step& create, const model::QualifiedName& table) {
    for (const auto* m : {&ctx.from, &ctx.to}) {
        for (const auto& [name, seq] : m->sequences) {
            if (!seq.owned_by || seq.owned_by->table != table) continue;
            const bool in_from = m == &ctx.from;
            const auto& other = in_from ? ctx.to.sequences : ctx.from.sequences;
            if (!other.count(name)) continue;  // created or dropped with its table
            model::Sequence none = seq;
            none.owned_by.reset();
            if (in_from) {
                drop.up.insert(drop.up.begin(), ddl::sequence_owned_by(none));
                drop.down.push_back(ddl::sequence_owned_by(seq));
            } else {
                create.up.push_back(ddl::sequence_owned_by(seq));
                create.down.insert(create.down.begin(), ddl::sequence_owned_by(none));
            }
        }
    }
}

// A table that cannot change in place (re-partitioned) is dropped and
// created again. Its columns, keys, checks and indexes come and go with it
// (the column, constraint and index planners skip a rebuilt relation); its
// unchanged partitions, the unchanged foreign keys on it or referencing it,
// and its unchanged triggers are dropped before and re-created after.
void recreate(PlanContext& ctx, const model::Table& a, const model::Table& b) {
    ctx.rebuilt_relations.insert(a.name);
    drop_step(ctx, a, true);
    const std::size_t dropped = ctx.steps.size() - 1;
    create_step(ctx, b);
    auto& created = ctx.steps.back();
    append_indexes(ctx, ctx.to, b.name, created.up);
    keep_owned_sequences(ctx, ctx.steps[dropped], created, a.name);
    for (const auto& [key, fk] : ctx.from.constraints) {
        if (fk.type != model::ConstraintType::foreign_key || (fk.ref_table != a.name && fk.table != a.name)) continue;
        auto it = ctx.to.constraints.find(key);
        if (it != ctx.to.constraints.end() && it->second == fk) ctx.rebuilt_foreign_keys.insert(key);
    }
    for (auto it = ctx.from.triggers.lower_bound({a.name, ""}); it != ctx.from.triggers.end() && it->first.table == a.name;
         ++it) {
        auto same = ctx.to.triggers.find(it->first);
        if (same != ctx.to.triggers.end() && same->second == it->second) ctx.rebuilt_triggers.insert(it->first);
    }
    // DROP TABLE takes the partitions along.
    for (const auto& [name, partition] : ctx.from.tables) {
        if (!partition.partition_of || partition.partition_of->parent != a.name) continue;
        auto same = ctx.to.tables.find(name);
        if (same != ctx.to.tables.end() && same->second == partition) recreate(ctx, partition, same->second);
    }
    // PostgreSQL refuses to drop a table that others inherit from: they are
    // re-created too.
    for (const auto* child : ctx.children_of(ctx.from, a.name)) {
        auto there = ctx.to.tables.find(child->name);
        if (there != ctx.to.tables.end() && !ctx.rebuilt_relations.count(child->name))
            recreate(ctx, *child, there->second);
    }
}

// Whether ALTER TABLE child INHERIT p gives `child` (of `m`) parent `p`
// exactly: INHERIT needs the parent's columns and inheritable checks in
// the child already, and leaves them the child's own (local), so `m` must
// have them so.
bool inherit_is_exact(const model::SchemaModel& m, const model::Table& child, const model::QualifiedName& p) {
    auto parent = m.tables.find(p);
    if (parent == m.tables.end()) return false;
    for (const auto& pc : parent->second.columns) {
        const auto* c = child.find_column(pc.name);
        if (!c || !c->local || c->type != pc.type || c->collation != pc.collation) return false;
    }
    for (auto it = m.constraints.lower_bound({p, ""}); it != m.constraints.end() && it->first.table == p; ++it) {
        const auto& check = it->second;
        if (check.type != model::ConstraintType::check || check.no_inherit) continue;
        auto own = m.constraints.find({child.name, check.name});
        if (own == m.constraints.end() || !(own->second.check == check.check)) return false;
    }
    return true;
}

// The inheritable checks of parent `p` that `child` (of `m`) holds only by
// inheritance: NO INHERIT leaves them on the child as its own.
std::vector<const model::Constraint*> inherited_checks(const model::SchemaModel& m, const model::Table& child,
                                                       const model::QualifiedName& p) {
    std::vector<const model::Constraint*> out;
    for (auto it = m.constraints.lower_bound({p, ""}); it != m.constraints.end() && it->first.table == p; ++it) {
        const auto& check = it->second;
        if (check.type != model::ConstraintType::check || check.no_inherit) continue;
        if (m.constraints.count({child.name, check.name})) continue;
        bool elsewhere = false;
        for (const auto& other : child.inherits)
            if (other != p && m.constraints.count({other, check.name})) elsewhere = true;
        if (!elsewhere) out.push_back(&check);
    }
    return out;
}

std::string inherit(const model::QualifiedName& child, const model::QualifiedName& parent, bool on) {
    return "ALTER TABLE " + quote_name(child) + (on ? " INHERIT " : " NO INHERIT ") + quote_name(parent);
}

// The parents of a table change: NO INHERIT early (the child keeps the
// columns and checks as its own, and drops the checks it only inherited),
// INHERIT once the child has the new parent's columns and checks. Where
// INHERIT cannot give the child what `to` says (a column it would inherit
// without declaring it), the table is re-created.
void plan_parents(PlanContext& ctx, const model::Table& a, const model::Table& b) {
    std::vector<model::QualifiedName> kept, added, removed;
    for (const auto& p : a.inherits)
        (std::find(b.inherits.begin(), b.inherits.end(), p) != b.inherits.end() ? kept : removed).push_back(p);
    for (const auto& p : b.inherits)
        if (std::find(a.inherits.begin(), a.inherits.end(), p) == a.inherits.end()) added.push_back(p);
    auto order = kept;
    order.insert(order.end(), added.begin(), added.end());
    bool exact = order == b.inherits;  // INHERIT appends
    for (const auto& p : added) exact = exact && inherit_is_exact(ctx.to, b, p);
    if (!exact) return recreate(ctx, a, b);
    for (const auto& p : removed) {
        auto& step = ctx.add(Phase::drop_partition, key_of(a), ChangeSymbol::alter,
                             "table " + quote_name(a.name) + ": no longer inherits " + quote_name(p));
        step.rank = -model::inheritance_depth(ctx.from, a);
        step.down_summary = "table " + quote_name(a.name) + ": inherits " + quote_name(p);
        step.up = {inherit(a.name, p, false)};
        const auto checks = inherited_checks(ctx.from, a, p);
        for (const auto* c : checks) {
            auto own = *c;
            own.table = a.name;
            step.up.push_back("ALTER TABLE " + quote_name(a.name) + " DROP CONSTRAINT " + model::quote_ident(c->name));
            step.down.push_back(ddl::add_constraint(own));
        }
        step.down.push_back(inherit(a.name, p, true));
    }
    for (const auto& p : added) {
        auto& step = ctx.add(Phase::inherit, key_of(b), ChangeSymbol::alter,
                             "table " + quote_name(b.name) + ": inherits " + quote_name(p));
        step.rank = model::inheritance_depth(ctx.to, b);
        step.down_summary = "table " + quote_name(b.name) + ": no longer inherits " + quote_name(p);
        step.up = {inherit(b.name, p, true)};
        step.down = {inherit(b.name, p, false)};
    }
}

// SET LOGGED/UNLOGGED rewrites the table; storage parameters only change
// how later writes and vacuums work.
void plan_storage(PlanContext& ctx, const model::Table& a, const model::Table& b) {
    const std::string table = "TABLE " + quote_name(b.name);
    if (a.unlogged != b.unlogged) {
        auto set = [&](bool unlogged) { return "ALTER " + table + (unlogged ? " SET UNLOGGED" : " SET LOGGED"); };
        auto& step = ctx.add(Phase::alter_column, key_of(b), ChangeSymbol::alter,
                             "table " + quote_name(b.name) + (b.unlogged ? ": unlogged" : ": logged"));
        step.down_summary = "table " + quote_name(b.name) + (a.unlogged ? ": unlogged" : ": logged");
        // PostgreSQL refuses a logged table that references an unlogged one:
        // referencing tables become unlogged before what they reference, and
        // referenced tables logged first (the down plan runs this in reverse).
        const int depth = ctx.reference_depth(b.name);
        step.rank = b.unlogged ? -depth : depth;
        step.up = {set(b.unlogged)};
        step.down = {set(a.unlogged)};
        const Hazard rewrite{HazardKind::table_rewrite,
                             "SET LOGGED/UNLOGGED rewrites " + quote_name(b.name) + " under an ACCESS EXCLUSIVE lock"};
        step.hazards.push_back(rewrite);
        step.down_hazards.push_back(rewrite);
        if (b.unlogged)
            step.hazards.push_back({HazardKind::data_loss, quote_name(b.name) +
                                                               " becomes unlogged: its rows are emptied after a crash and not replicated"});
    }
    if (a.options != b.options) {
        auto& step = ctx.add(Phase::alter_column, key_of(b), ChangeSymbol::alter,
                             "table " + quote_name(b.name) + ": storage parameters");
        step.up = ddl::alter_options(table, a.options, b.options);
        step.down = ddl::alter_options(table, b.options, a.options);
    }
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Table>& change) {
    if (change.op == ChangeOp::create) return create_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    const auto& a = *change.from;
    const auto& b = *change.to;
    if (ctx.rebuilt_relations.count(a.name)) return;  // re-created with a parent
    if (a.inherits != b.inherits) {
        const std::size_t before = ctx.rebuilt_relations.size();
        plan_parents(ctx, a, b);
        if (ctx.rebuilt_relations.size() != before) return;
    }
    if (!(a.partition_by == b.partition_by)) {
        // A table cannot be re-partitioned in place: it is re-created.
        recreate(ctx, a, b);
        return;
    }
    if (!(a.partition_of == b.partition_of)) {
        // Detach from the old parent (or bound) early, attach late: the rows stay.
        if (a.partition_of) {
            auto& step = ctx.add(Phase::drop_partition, key_of(a), ChangeSymbol::alter,
                                 "table " + quote_name(a.name) + ": detach from " + quote_name(a.partition_of->parent));
            step.rank = -model::partition_depth(ctx.from, a);  // before its parent may be re-created
            step.down_summary = "table " + quote_name(a.name) + ": attach to " + quote_name(a.partition_of->parent);
            step.up = detach_statements(ctx.from, ctx.to, a, false);
            step.down = attach_statements(ctx.from, ctx.to, a);
            if (!b.partition_of) kept_copies(ctx.from, ctx.to, a, ctx.kept_keys, ctx.kept_indexes);
            step.down_hazards.push_back({HazardKind::blocking_lock, "ATTACH PARTITION scans " + quote_name(a.name)});
        }
        if (b.partition_of) {
            auto& step = ctx.add(Phase::create_partition, key_of(b), ChangeSymbol::alter,
                                 "table " + quote_name(b.name) + ": attach to " + quote_name(b.partition_of->parent) +
                                     " " + b.partition_of->sql);
            step.down_summary = "table " + quote_name(b.name) + ": detach from " + quote_name(b.partition_of->parent);
            step.up = attach_statements(ctx.to, ctx.from, b);
            step.down = detach_statements(ctx.to, ctx.from, b, true);
            if (!a.partition_of) kept_copies(ctx.to, ctx.from, b, ctx.kept_keys_down, ctx.kept_indexes_down);
            step.hazards.push_back({HazardKind::blocking_lock, "ATTACH PARTITION scans " + quote_name(b.name)});
        }
    }
    plan_storage(ctx, a, b);
    plan_comment(ctx, key_of(b), "TABLE " + quote_name(b.name), a.comment, b.comment);
}

bool index_built_with_its_partition(const PlanContext& ctx, const model::Index& i) {
    return ctx.table_created(i.table) && standing_index(ctx, ctx.to, i.attached_to);
}

} // namespace pgshape::plan
