// Tables: created with their columns and non-FK constraints inline; dropped
// whole, with everything needed to re-create them in the down step.
#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
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

// CREATE TABLE with inline keys and checks, plus comments on all of it.
std::vector<std::string> create_statements(const model::SchemaModel& m, const model::Table& table) {
    const auto constraints = inline_constraints(m, table.name);
    std::vector<std::string> out{ddl::create_table(table, constraints)};
    for (auto& c : ddl::table_comments(table)) out.push_back(std::move(c));
    for (const auto* c : constraints)
        if (c->comment) out.push_back(ddl::comment_on(ddl::constraint_target(*c), c->comment));
    return out;
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Table>& change) {
    const auto& t = change.to ? *change.to : *change.from;
    const auto key = key_of(t);
    const std::string drop = "DROP TABLE " + quote_name(t.name);
    if (change.op == ChangeOp::create) {
        auto& step = ctx.add(Phase::create_table, key, ChangeSymbol::create, "table " + quote_name(t.name));
        step.up = create_statements(ctx.to, t);
        step.down.push_back(drop);
        step.down_hazards.push_back({HazardKind::data_loss, "dropping table " + quote_name(t.name) + " discards its rows"});
    } else if (change.op == ChangeOp::drop) {
        auto& step = ctx.add(Phase::drop_table, key, ChangeSymbol::drop, "table " + quote_name(t.name));
        step.up.push_back(drop);
        step.hazards.push_back({HazardKind::data_loss, "dropping table " + quote_name(t.name) + " discards its rows"});
        step.down = create_statements(ctx.from, t);
        // Its indexes went with it; they come back with it.
        for (const auto& [name, index] : ctx.from.indexes) {
            if (index.table != t.name) continue;
            step.down.push_back(ddl::create_index(index));
            if (index.comment) step.down.push_back(ddl::comment_on("INDEX " + quote_name(index.name), index.comment));
        }
        step.down_hazards.push_back({HazardKind::data_loss, "table " + quote_name(t.name) + " is re-created empty"});
    } else {
        plan_comment(ctx, key, "TABLE " + quote_name(t.name), change.from->comment, change.to->comment);
    }
}

} // namespace pgshape::plan
