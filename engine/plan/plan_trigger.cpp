// Triggers: dropped before anything they use changes, created after their
// table and function. A changed trigger is dropped and re-created (CREATE
// OR REPLACE TRIGGER does not cover constraint triggers); only its firing
// state and comment change in place.
#include <cctype>
#include <set>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_routine.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;

model::ObjectKey key_of(const model::Trigger& t) {
    return {model::Kind::trigger, t.table.schema, t.name, t.table.name};
}

std::string label(const model::Trigger& t) {
    return "trigger " + model::quote_ident(t.name) + " on " + model::quote_name(t.table);
}

// Triggers on views are created once the views exist, and dropped before
// any view goes.
bool on_view(const model::SchemaModel& m, const model::Trigger& t) { return m.views.count(t.table) > 0; }

void create_step(PlanContext& ctx, const model::Trigger& t) {
    auto& step = ctx.add(on_view(ctx.to, t) ? Phase::create_trigger_on_view : Phase::create_trigger, key_of(t),
                         ChangeSymbol::create, label(t));
    step.up = ddl::create_trigger_statements(t);
    step.down = {ddl::drop_trigger(t)};
}

// Explicit even when the table goes too: the table's own down step does not
// bring its triggers back.
void drop_step(PlanContext& ctx, const model::Trigger& t) {
    auto& step = ctx.add(on_view(ctx.from, t) ? Phase::drop_trigger_on_view : Phase::drop_trigger, key_of(t),
                         ChangeSymbol::drop, label(t));
    step.up = {ddl::drop_trigger(t)};
    step.down = ddl::create_trigger_statements(t);
}

const char* firing_text(model::TriggerFiring f) {
    switch (f) {
    case model::TriggerFiring::disabled: return "disabled";
    case model::TriggerFiring::replica: return "enabled for replica";
    case model::TriggerFiring::always: return "enabled always";
    default: return "enabled";
    }
}

// Does the trigger name `column` (UPDATE OF, or OLD.column / NEW.column in
// WHEN)? PostgreSQL then refuses to change the column's type under it.
bool names_column(const model::Trigger& t, const std::string& column) {
    for (const auto& c : t.update_columns)
        if (c == column) return true;
    if (!t.when) return false;
    const std::string quoted = model::quote_ident(column);
    for (const char* row : {"old.", "new."}) {
        const std::string ref = row + quoted;
        for (auto at = t.when->sql().find(ref); at != std::string::npos; at = t.when->sql().find(ref, at + 1)) {
            const std::size_t end = at + ref.size();
            const bool starts = at == 0 || !(std::isalnum(static_cast<unsigned char>(t.when->sql()[at - 1])) ||
                                             t.when->sql()[at - 1] == '_');
            const bool ends = end >= t.when->sql().size() ||
                              !(std::isalnum(static_cast<unsigned char>(t.when->sql()[end])) || t.when->sql()[end] == '_');
            if (starts && ends) return true;
        }
    }
    return false;
}

// Unchanged triggers on a column whose type changes.
void find_triggers_on_retyped_columns(PlanContext& ctx) {
    for (const auto& [key, t] : ctx.from.triggers) {
        auto it = ctx.to.triggers.find(key);
        if (it == ctx.to.triggers.end() || !(it->second == t)) continue;
        const auto a = ctx.from.tables.find(t.table);
        const auto b = ctx.to.tables.find(t.table);
        if (a == ctx.from.tables.end() || b == ctx.to.tables.end()) continue;
        for (const auto& column : a->second.columns) {
            const auto* after = b->second.find_column(column.name);
            if (after && (after->type != column.type || after->collation != column.collation) &&
                names_column(t, column.name))
                ctx.rebuilt_triggers.insert(key);
        }
    }
}

// Unchanged triggers on a view the view planner re-creates: DROP VIEW takes
// them along.
void find_triggers_on_recreated_views(PlanContext& ctx) {
    std::set<model::QualifiedName> recreated;
    for (const auto& step : ctx.steps)
        if (step.phase == Phase::drop_view) recreated.insert({step.key.schema, step.key.name});
    for (const auto& [key, t] : ctx.from.triggers) {
        auto it = ctx.to.triggers.find(key);
        if (recreated.count(t.table) && it != ctx.to.triggers.end() && it->second == t) ctx.rebuilt_triggers.insert(key);
    }
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Trigger>& change) {
    if (change.op == ChangeOp::create) return create_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    const auto& a = *change.from;
    const auto& b = *change.to;
    model::Trigger a_bare = a, b_bare = b;
    a_bare.comment.reset();
    b_bare.comment.reset();
    a_bare.firing = b_bare.firing = model::TriggerFiring::enabled;
    if (!(a_bare == b_bare)) {
        drop_step(ctx, a);
        create_step(ctx, b);
        return;
    }
    if (a.firing != b.firing) {
        auto& step = ctx.add(on_view(ctx.to, b) ? Phase::create_trigger_on_view : Phase::create_trigger, key_of(b),
                             ChangeSymbol::alter,
                             label(b) + ": " + firing_text(a.firing) + " → " + firing_text(b.firing));
        step.down_summary = label(b) + ": " + firing_text(b.firing) + " → " + firing_text(a.firing);
        step.up = {ddl::trigger_firing(b)};
        step.down = {ddl::trigger_firing(a)};
    }
    plan_comment(ctx, key_of(b), ddl::trigger_target(b), a.comment, b.comment);
}

void plan_rebuilt_triggers(PlanContext& ctx) {
    find_triggers_on_retyped_columns(ctx);
    find_triggers_on_recreated_views(ctx);
    for (const auto& key : ctx.rebuilt_triggers) {
        drop_step(ctx, ctx.from.triggers.at(key));
        create_step(ctx, ctx.to.triggers.at(key));
    }
}

} // namespace pgshape::plan
