// Indexes: created after the columns they cover, dropped before them.
#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

std::string target(const model::Index& i) { return "INDEX " + quote_name(i.name); }

void create_step(PlanContext& ctx, const model::Index& i) {
    auto& step = ctx.add(Phase::create_index, key_of(i), ChangeSymbol::create,
                         "index " + quote_name(i.name) + " on " + quote_name(i.table));
    step.up = {ddl::create_index(i)};
    if (i.comment) step.up.push_back(ddl::comment_on(target(i), i.comment));
    step.down = {"DROP INDEX " + quote_name(i.name)};
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
    auto& step = ctx.add(Phase::drop_index, key_of(i), ChangeSymbol::drop,
                         "index " + quote_name(i.name) + " on " + quote_name(i.table));
    step.up = {"DROP INDEX " + quote_name(i.name)};
    step.down = {ddl::create_index(i)};
    if (i.comment) step.down.push_back(ddl::comment_on(target(i), i.comment));
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

} // namespace pgshape::plan
