// Indexes: created after the columns they cover, dropped before them.
#include "engine/model/partition_copies.hpp"
#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

std::string target(const model::Index& i) { return "INDEX " + quote_name(i.name); }

// The definition apart from what can change in place (comment, storage
// parameters) and what follows from the partitions' indexes (`only`).
model::Index definition(model::Index i) {
    i.comment.reset();
    i.options.clear();
    i.only = false;
    return i;
}

// Whether the partitioned index `name` goes away in this plan (dropped, or
// dropped to be created again): the partitions' indexes attached to it go
// with it, and come back with it.
bool parent_replaced(const PlanContext& ctx, const model::QualifiedName& name) {
    const auto a = ctx.from.indexes.find(name);
    if (a == ctx.from.indexes.end()) return !ctx.to.indexes.count(name);
    const auto b = ctx.to.indexes.find(name);
    return b == ctx.to.indexes.end() || definition(a->second) != definition(b->second) ||
           ctx.rebuilt_relations.count(a->second.table) || ctx.table_dropped(a->second.table);
}

// Whether the partitioned index `name` of `to` is created in this plan.
bool parent_created(const PlanContext& ctx, const model::QualifiedName& name) {
    return ctx.to.indexes.count(name) && (!ctx.from.indexes.count(name) || parent_replaced(ctx, name));
}

// Whether the partition's index `c` of `to` stands already when its parent
// is created: `from` has it, the same but for the attachment, not attached
// to an index that goes.
bool stands(const PlanContext& ctx, const model::Index& c) {
    const auto a = ctx.from.indexes.find(c.name);
    if (a == ctx.from.indexes.end()) return false;
    if (!a->second.attached_to.name.empty() && parent_replaced(ctx, a->second.attached_to)) return false;
    return same_but_attachment(a->second, c);
}

// Whether a partition of the index's table has an index or key that `m`
// leaves unattached and that PostgreSQL would attach to it (it matches): a
// plain CREATE INDEX on the parent would take it.
bool takes_unattached(PlanContext& ctx, const model::SchemaModel& m, const model::Index& i) {
    const auto shape = model::shape_of(i);
    for (const auto* p : ctx.partitions_of(m, i.table)) {
        for (const auto* c : ctx.indexes_of(m, p->name))
            if (c->attached_to.name.empty() && model::shape_of(*c) == shape) return true;
        for (auto it = m.constraints.lower_bound({p->name, ""}); it != m.constraints.end() && it->first.table == p->name; ++it) {
            const auto& k = it->second;
            if (k.is_key() && k.attached_to.name.empty() && model::shape_of(k) == shape)
                return true;
        }
    }
    return false;
}

// The partitions' primary keys and unique constraints attached to the index `name` of `m`.
std::vector<const model::Constraint*> attached_keys(PlanContext& ctx, const model::SchemaModel& m,
                                                    const model::QualifiedName& name) {
    std::vector<const model::Constraint*> out;
    const auto i = m.indexes.find(name);
    if (i == m.indexes.end()) return out;
    for (const auto* p : ctx.partitions_of(m, i->second.table))
        for (auto it = m.constraints.lower_bound({p->name, ""}); it != m.constraints.end() && it->first.table == p->name; ++it)
            if (it->second.attached_to == name) out.push_back(&it->second);
    return out;
}

// The key of `to` for the partition's key `k` of `from` when it is the
// same but for its attachment and comments, or null.
const model::Constraint* kept_key(const PlanContext& ctx, const model::Constraint& k) {
    const auto it = ctx.to.constraints.find(k.key());
    return it != ctx.to.constraints.end() && same_but_attachment(k, it->second) ? &it->second : nullptr;
}

// ADD CONSTRAINT of a partition's key on its own (CASCADE took it; a
// parent's index built afterwards attaches it again).
std::vector<std::string> add_apart(const model::Constraint& key) {
    model::Constraint apart = key;
    apart.attached_to = {};
    std::vector<std::string> out{ddl::add_constraint(apart)};
    for (auto& c : ddl::constraint_comments(apart)) out.push_back(std::move(c));
    return out;
}

// DROP INDEX of a partitioned index: CASCADE when partitions' keys are
// attached to it (PostgreSQL refuses to drop either alone); they go with
// it, and the plan adds them again where they stay.
std::string drop_parent_index(const model::QualifiedName& name, const std::vector<const model::Constraint*>& keys) {
    return "DROP INDEX " + quote_name(name) + (keys.empty() ? "" : " CASCADE");
}

// A partitioned index with the partitions' indexes attached to it, as `m`
// has them: those first (a plain CREATE INDEX on the parent attaches them
// rather than build new ones), then the parent, then the attachments (for
// ON ONLY; no-ops otherwise). Partitions without an index of their own get
// PostgreSQL's.
// `skip_standing`: leave out the ones that stand already (`m` is ctx.to).
std::vector<std::string> create_with_attached(PlanContext& ctx, const model::SchemaModel& m, const model::Index& i,
                                              bool skip_standing = false) {
    std::vector<std::string> out;
    const auto children = ctx.attached_indexes(m, i.name);
    for (const auto* c : children) {
        if (skip_standing && stands(ctx, *c)) continue;
        out.push_back(ddl::create_index(*c));
        if (c->comment) out.push_back(ddl::comment_on(target(*c), c->comment));
    }
    // A partition's matching index or key that stays apart: the parent's is
    // built ON ONLY, and the other partitions get PostgreSQL's copies by hand.
    const bool by_hand = !i.only && takes_unattached(ctx, m, i);
    model::Index parent = i;
    if (by_hand) parent.only = true;
    out.push_back(ddl::create_index(parent));
    if (i.comment) out.push_back(ddl::comment_on(target(i), i.comment));
    if (by_hand)
        for (const auto* p : ctx.partitions_of(m, i.table))
            for (const auto& copy : model::partition_copies(m, p->name).indexes)
                if (copy.attached_to == i.name) {
                    out.push_back(ddl::create_index(copy));
                    out.push_back(ddl::attach_index(i.name, copy.name));
                }
    for (const auto* c : children) out.push_back(ddl::attach_index(i.name, c->name));
    // Partitions' keys (a plain CREATE INDEX took them already; ON ONLY did not).
    for (const auto* k : attached_keys(ctx, m, i.name)) out.push_back(ddl::attach_index(i.name, {k->table.schema, k->name}));
    return out;
}

// No DETACH for indexes: undoing an attachment drops the parent's index
// (the partitions' attached indexes go with it) and builds it again as
// `from` has it, with the index `child` that stays behind on its own.
std::vector<std::string> rebuild_parent(PlanContext& ctx, const model::QualifiedName& parent, const model::Index* child) {
    std::vector<std::string> out = {drop_parent_index(parent, attached_keys(ctx, ctx.to, parent))};
    if (child) out.push_back(ddl::create_index(*child));
    const auto p = ctx.from.indexes.find(parent);
    if (p != ctx.from.indexes.end())
        for (auto& s : create_with_attached(ctx, ctx.from, p->second)) out.push_back(std::move(s));
    return out;
}

// An ON ONLY index that now covers every partition: the partitions that
// have no index attached to it (in files, the ones a plain CREATE INDEX
// would make under PostgreSQL's names) get theirs, attached. Undone by
// building the parent's index again as `from` has it.
void cover_partitions(PlanContext& ctx, const model::Index& b) {
    std::vector<std::string> up;
    for (const auto* p : ctx.partitions_of(ctx.to, b.table)) {
        // A partition created or attached here gets PostgreSQL's own.
        const auto was = ctx.from.tables.find(p->name);
        if (was == ctx.from.tables.end() || !(was->second.partition_of == p->partition_of)) continue;
        for (const auto& c : model::partition_copies(ctx.to, p->name).indexes)
            if (c.attached_to == b.name) {
                up.push_back(ddl::create_index(c));
                up.push_back(ddl::attach_index(b.name, c.name));
            }
    }
    if (up.empty()) return;
    auto& step = ctx.add(Phase::create_index, key_of(b), ChangeSymbol::alter,
                         "index " + quote_name(b.name) + ": cover every partition");
    step.up = std::move(up);
    step.down = rebuild_parent(ctx, b.name, nullptr);
    step.hazards.push_back({HazardKind::blocking_lock, "building the partitions' indexes blocks writes to them"});
    step.down_hazards.push_back({HazardKind::blocking_lock, "re-creating index " + quote_name(b.name) +
                                                                 " (an index cannot be detached) blocks writes to its partitions"});
}

void create_step(PlanContext& ctx, const model::Index& i) {
    // Attached to a partitioned index created here: created in its step.
    if (!i.attached_to.name.empty() && parent_created(ctx, i.attached_to)) return;
    if (index_built_with_its_partition(ctx, i)) return;
    if (ctx.kept_indexes.count(i.name)) {  // a detached partition kept it
        plan_comment(ctx, key_of(i), target(i), std::nullopt, i.comment);
        return;
    }
    auto& step = ctx.add(Phase::create_index, key_of(i), ChangeSymbol::create,
                         "index " + quote_name(i.name) + " on " + quote_name(i.table));
    if (i.attached_to.name.empty()) {
        step.up = create_with_attached(ctx, ctx.to, i, true);
    } else {
        // Attached to the parent's index that stays: undone by building that again.
        step.summary += ", attached to " + quote_name(i.attached_to);
        step.up = {ddl::create_index(i)};
        if (i.comment) step.up.push_back(ddl::comment_on(target(i), i.comment));
        step.up.push_back(ddl::attach_index(i.attached_to, i.name));
        step.down = rebuild_parent(ctx, i.attached_to, nullptr);
        step.down_hazards.push_back({HazardKind::blocking_lock, "re-creating index " + quote_name(i.attached_to) +
                                                                     " (an index cannot be detached) blocks writes to its partitions"});
        if (!ctx.table_created(i.table))
            step.hazards.push_back({HazardKind::blocking_lock, "CREATE INDEX " + quote_name(i.name) + " blocks writes to " +
                                                                   quote_name(i.table) + " while it builds"});
        return;
    }
    const auto keys = attached_keys(ctx, ctx.to, i.name);
    step.down = {drop_parent_index(i.name, keys)};
    // The keys that stood before, which CASCADE took: back on their own
    // (attached again if `from` builds an index they were attached to).
    for (const auto* k : keys)
        if (const auto was = ctx.from.constraints.find(k->key()); was != ctx.from.constraints.end()) {
            for (auto& stmt : add_apart(was->second)) step.down.push_back(std::move(stmt));
            step.down_hazards.push_back({HazardKind::blocking_lock, "DROP INDEX ... CASCADE takes " + quote_name(k->table) +
                                                                         "'s key " + model::quote_ident(k->name) +
                                                                         ", added again: building its index blocks writes"});
        }
    if (!ctx.table_created(i.table))
        step.hazards.push_back({HazardKind::blocking_lock,
                                "CREATE INDEX " + quote_name(i.name) + " blocks writes to " + quote_name(i.table) +
                                    " while it builds"});
}

void drop_step(PlanContext& ctx, const model::Index& i) {
    // Goes with the table and comes back in its down step, unless a new
    // relation takes its name before the table goes.
    if (ctx.table_dropped(i.table) && !ctx.index_dropped_before_its_table(i)) return;
    if (ctx.adopted_indexes.count(i.name)) return;  // becomes a constraint's index (plan_constraint.cpp)
    // Attached to a partitioned index that goes: goes with it, comes back with it.
    if (!i.attached_to.name.empty() && parent_replaced(ctx, i.attached_to)) return;
    auto& step = ctx.add(Phase::drop_index, key_of(i), ChangeSymbol::drop,
                         "index " + quote_name(i.name) + " on " + quote_name(i.table));
    if (!i.attached_to.name.empty()) {
        // PostgreSQL keeps an attached index while its parent's stands: the
        // parent's goes too, and comes back without it.
        step.summary += " (and " + quote_name(i.attached_to) + ", built again without it)";
        step.up = {"DROP INDEX " + quote_name(i.attached_to)};
        if (const auto p = ctx.to.indexes.find(i.attached_to); p != ctx.to.indexes.end())
            for (auto& s : create_with_attached(ctx, ctx.to, p->second)) step.up.push_back(std::move(s));
        step.down = rebuild_parent(ctx, i.attached_to, nullptr);
        step.hazards.push_back({HazardKind::blocking_lock, "re-creating index " + quote_name(i.attached_to) +
                                                                " blocks writes to its partitions"});
        step.down_hazards = step.hazards;
        return;
    }
    const auto keys = attached_keys(ctx, ctx.from, i.name);
    step.up = {drop_parent_index(i.name, keys)};
    // The keys CASCADE took that `to` keeps as they are: added back at once
    // (an index built again takes them in its own step).
    for (const auto* k : keys)
        if (const auto* kept = kept_key(ctx, *k))
            for (auto& stmt : add_apart(*kept)) step.up.push_back(std::move(stmt));
    if (!keys.empty())
        step.hazards.push_back({HazardKind::blocking_lock, "DROP INDEX ... CASCADE takes the partitions' keys attached to " +
                                                                quote_name(i.name) + "; those that stay are added again"});
    if (ctx.kept_indexes_down.count(i.name)) {
        // Kept by the partition the way back detaches: there already.
        step.down_summary = "index " + quote_name(i.name) + " on " + quote_name(i.table) + ": kept by the partition's detach";
        return;
    }
    // Going down: the keys CASCADE took that no other step brings back, then the index.
    for (const auto* k : keys)
        if (!ctx.to.constraints.count(k->key()))
            for (auto& stmt : add_apart(*k)) step.down.push_back(std::move(stmt));
    const bool with_attached = !ctx.attached_indexes(ctx.from, i.name).empty() || !keys.empty();
    for (auto& stmt : with_attached ? create_with_attached(ctx, ctx.from, i) : std::vector<std::string>{ddl::create_index(i)})
        step.down.push_back(std::move(stmt));
    if (i.comment && !with_attached) step.down.push_back(ddl::comment_on(target(i), i.comment));
    step.down_hazards.push_back({HazardKind::blocking_lock, "re-creating index " + quote_name(i.name) +
                                                                 " blocks writes to " + quote_name(i.table)});
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Index>& change) {
    // On a materialized view created, dropped or re-created: part of its steps.
    if ((change.from && ctx.rebuilt_relations.count(change.from->table)) ||
        (change.to && ctx.rebuilt_relations.count(change.to->table)))
        return;
    if (change.op == ChangeOp::create) return create_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    model::Index a = *change.from, b = *change.to;
    a.comment.reset();
    b.comment.reset();
    // ON ONLY turns into a plain index once every partition's index is
    // attached, and back: the attachments' steps do that, and the indexes
    // of the partitions that the model leaves to the parent are made here.
    if (a.only && !b.only && definition(a) == definition(b)) cover_partitions(ctx, b);
    a.only = b.only;
    if (a.attached_to.name.empty() && !b.attached_to.name.empty() && !parent_replaced(ctx, b.attached_to)) {
        model::Index attached = a;
        attached.attached_to = b.attached_to;
        if (attached == b) {
            // A partition's index that exists already: attached, no build.
            auto& step = ctx.add(Phase::create_index, key_of(b), ChangeSymbol::alter,
                                 "index " + quote_name(b.name) + ": attach to " + quote_name(b.attached_to));
            step.up = {ddl::attach_index(b.attached_to, b.name)};
            step.down = rebuild_parent(ctx, b.attached_to, &*change.from);
            step.down_hazards.push_back({HazardKind::blocking_lock, "re-creating index " + quote_name(b.attached_to) +
                                                                         " (an index cannot be detached) blocks writes to its partitions"});
            plan_comment(ctx, key_of(*change.to), target(*change.to), change.from->comment, change.to->comment);
            return;
        }
    }
    if (!b.attached_to.name.empty() && parent_created(ctx, b.attached_to)) {
        // Created (or kept and attached) in its parent's step.
        if (!stands(ctx, *change.to)) drop_step(ctx, *change.from);
        return;
    }
    model::Index same_options = a;
    same_options.options = b.options;
    if (same_options == b) {
        if (a.options != b.options) {
            // Only storage parameters: changed in place; they apply to pages written later.
            auto& step = ctx.add(Phase::create_index, key_of(b), ChangeSymbol::alter,
                                 "index " + quote_name(b.name) + ": storage parameters");
            step.up = ddl::alter_options(target(b), a.options, b.options);
            step.down = ddl::alter_options(target(b), b.options, a.options);
        }
        plan_comment(ctx, key_of(*change.to), target(*change.to), change.from->comment, change.to->comment);
        return;
    }
    drop_step(ctx, *change.from);
    create_step(ctx, *change.to);
}

bool index_built_here(const PlanContext& ctx, const model::QualifiedName& name) { return parent_created(ctx, name); }

bool index_dropped_here(const PlanContext& ctx, const model::QualifiedName& name) {
    return ctx.from.indexes.count(name) && parent_replaced(ctx, name);
}

} // namespace pgshape::plan
