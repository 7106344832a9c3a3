// Properties of tables present on both sides that ALTER TABLE sets in place:
// row-level security flags and the replica identity. A new table gets its
// RLS flags with CREATE TABLE (plan_table.cpp) and its replica identity here,
// once the index it may name exists.
#include <set>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl_policy.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using model::quote_name;

std::string identity_text(const model::Table& t) {
    switch (t.replica_identity) {
    case model::ReplicaIdentity::full: return "FULL";
    case model::ReplicaIdentity::nothing: return "NOTHING";
    case model::ReplicaIdentity::index: return "USING INDEX " + model::quote_ident(t.replica_index);
    case model::ReplicaIdentity::default_: break;
    }
    return "DEFAULT";
}

model::Table with_default_identity(const model::Table& t) {
    model::Table out;
    out.name = t.name;
    return out;
}

// Indexes (and key constraints, whose index has their name) that the plan
// drops, whether for good or to create them again: an identity on one of
// them must let go first.
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

void identity_step(PlanContext& ctx, Phase phase, const model::Table& a, const model::Table& b) {
    auto& step = ctx.add(phase, key_of(b), ChangeSymbol::alter,
                         "table " + quote_name(b.name) + ": replica identity " + identity_text(a) + " → " + identity_text(b));
    step.down_summary = "table " + quote_name(b.name) + ": replica identity " + identity_text(b) + " → " + identity_text(a);
    step.up = {ddl::replica_identity(b)};
    step.down = {ddl::replica_identity(a)};
}

bool same_identity(const model::Table& a, const model::Table& b) {
    return a.replica_identity == b.replica_identity && a.replica_index == b.replica_index;
}

} // namespace

void plan_table_properties(PlanContext& ctx) {
    const auto dropped = dropped_indexes(ctx);
    for (const auto& [name, b] : ctx.to.tables) {
        const auto it = ctx.from.tables.find(name);
        // New, or re-created for a new PARTITION BY: CREATE TABLE gave it
        // its RLS flags and the default identity.
        if (it == ctx.from.tables.end() || !(it->second.partition_by == b.partition_by)) {
            const auto bare = with_default_identity(b);
            if (!same_identity(bare, b)) identity_step(ctx, Phase::set_table_properties, bare, b);
            continue;
        }
        const auto& a = it->second;
        if (a.row_security != b.row_security) flag_step(ctx, a, b, false);
        if (a.force_row_security != b.force_row_security) flag_step(ctx, a, b, true);
        const bool released =
            a.replica_identity == model::ReplicaIdentity::index && dropped.count({name.schema, a.replica_index});
        if (same_identity(a, b) && !released) continue;
        if (!released) {
            identity_step(ctx, Phase::set_table_properties, a, b);
            continue;
        }
        // Off the old index before it goes, onto the new identity once the
        // indexes are back.
        const auto bare = with_default_identity(b);
        identity_step(ctx, Phase::release_replica_identity, a, bare);
        if (!same_identity(bare, b)) identity_step(ctx, Phase::set_table_properties, bare, b);
    }
}

} // namespace pgshape::plan
