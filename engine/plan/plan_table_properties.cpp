// Properties of tables that ALTER TABLE sets in place: row-level security
// flags, the replica identity and CLUSTER ON. A new table gets its RLS flags
// with CREATE TABLE (plan_table.cpp); its replica identity and CLUSTER ON
// come here, once the index they may name exists.
#include <set>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl_policy.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using model::quote_name;

// A property that may name one of the table's indexes: how it reads, the
// statement that sets it, the index it names (empty: none), and equality.
struct IndexProperty {
    const char* label;
    std::string (*text)(const model::Table&);
    std::string (*statement)(const model::Table&);
    const std::string& (*index)(const model::Table&);
    bool (*same)(const model::Table&, const model::Table&);
};

std::string identity_text(const model::Table& t) {
    switch (t.replica_identity) {
    case model::ReplicaIdentity::full: return "FULL";
    case model::ReplicaIdentity::nothing: return "NOTHING";
    case model::ReplicaIdentity::index: return "USING INDEX " + model::quote_ident(t.replica_index);
    case model::ReplicaIdentity::default_: break;
    }
    return "DEFAULT";
}

std::string cluster_text(const model::Table& t) {
    return t.cluster_index.empty() ? "none" : model::quote_ident(t.cluster_index);
}

const IndexProperty k_replica_identity{
    "replica identity", identity_text, ddl::replica_identity,
    [](const model::Table& t) -> const std::string& { return t.replica_index; },
    [](const model::Table& a, const model::Table& b) {
        return a.replica_identity == b.replica_identity && a.replica_index == b.replica_index;
    }};

const IndexProperty k_cluster{
    "cluster on", cluster_text, ddl::cluster_on, [](const model::Table& t) -> const std::string& { return t.cluster_index; },
    [](const model::Table& a, const model::Table& b) { return a.cluster_index == b.cluster_index; }};

// The table as CREATE TABLE leaves it: no replica identity, not clustered.
model::Table bare(const model::Table& t) {
    model::Table out;
    out.name = t.name;
    return out;
}

// Indexes (and key constraints, whose index has their name) that the plan
// drops, whether for good or to create them again: a property on one of
// them must let go first, and be set again after.
std::set<model::QualifiedName> dropped_indexes(const PlanContext& ctx) {
    std::set<model::QualifiedName> out;
    for (const auto& step : ctx.steps)
        if ((step.phase == Phase::drop_index && step.key.kind == model::Kind::index) ||
            (step.phase == Phase::drop_constraint && step.key.kind == model::Kind::constraint))
            out.insert({step.key.schema, step.key.name});
    return out;
}

void flag_step(PlanContext& ctx, const model::Table& a, const model::Table& b, bool force) {
    const bool on = force ? b.force_row_security : b.row_security;
    const std::string what = force ? "force row level security" : "row level security";
    auto& step = ctx.add(Phase::set_table_properties, key_of(b), ChangeSymbol::alter,
                         "table " + quote_name(b.name) + ": " + what + (on ? " on" : " off"));
    step.down_summary = "table " + quote_name(b.name) + ": " + what + (on ? " off" : " on");
    step.up = {force ? ddl::force_row_security(b) : ddl::row_security(b)};
    step.down = {force ? ddl::force_row_security(a) : ddl::row_security(a)};
}

void property_step(PlanContext& ctx, const IndexProperty& p, Phase phase, const model::Table& a, const model::Table& b) {
    auto& step = ctx.add(phase, key_of(b), ChangeSymbol::alter,
                         "table " + quote_name(b.name) + ": " + p.label + " " + p.text(a) + " → " + p.text(b));
    step.down_summary = "table " + quote_name(b.name) + ": " + p.label + " " + p.text(b) + " → " + p.text(a);
    step.up = {p.statement(b)};
    step.down = {p.statement(a)};
}

// From `a` to `b`, for a table on both sides. When the index `a` names is
// dropped by the plan, the property lets go of it before (back to what
// CREATE TABLE gives) and is set again once the indexes are back.
void plan_property(PlanContext& ctx, const IndexProperty& p, const std::set<model::QualifiedName>& dropped,
                   const model::Table& a, const model::Table& b) {
    const bool released = !p.index(a).empty() && dropped.count({a.name.schema, p.index(a)});
    if (!released) {
        if (!p.same(a, b)) property_step(ctx, p, Phase::set_table_properties, a, b);
        return;
    }
    const auto none = bare(b);
    property_step(ctx, p, Phase::release_index_properties, a, none);
    if (!p.same(none, b)) property_step(ctx, p, Phase::set_table_properties, none, b);
}

} // namespace

void plan_table_properties(PlanContext& ctx) {
    const auto dropped = dropped_indexes(ctx);
    for (const auto& [name, b] : ctx.to.tables) {
        const auto it = ctx.from.tables.find(name);
        // New, or re-created for a new PARTITION BY: CREATE TABLE gave it
        // its RLS flags, and no replica identity or clustering yet.
        const bool created = it == ctx.from.tables.end() || !(it->second.partition_by == b.partition_by);
        if (created) {
            const auto none = bare(b);
            plan_property(ctx, k_replica_identity, dropped, none, b);
            plan_property(ctx, k_cluster, dropped, none, b);
            continue;
        }
        const auto& a = it->second;
        if (a.row_security != b.row_security) flag_step(ctx, a, b, false);
        if (a.force_row_security != b.force_row_security) flag_step(ctx, a, b, true);
        plan_property(ctx, k_replica_identity, dropped, a, b);
        plan_property(ctx, k_cluster, dropped, a, b);
    }
}

} // namespace pgshape::plan
