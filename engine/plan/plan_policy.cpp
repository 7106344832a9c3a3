// Policies: dropped before anything they use changes (drop_policy), created
// after their table, the columns they name and the functions they call
// (create_policy). Roles, USING and WITH CHECK change in place with ALTER
// POLICY; the command and AS PERMISSIVE/RESTRICTIVE cannot, and neither can
// an expression be removed: those are a drop and a create.
#include <set>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_policy.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;

model::ObjectKey key_of(const model::Policy& p) { return {model::Kind::policy, p.table.schema, p.name, p.table.name}; }

std::string label(const model::Policy& p) {
    return "policy " + model::quote_ident(p.name) + " on " + model::quote_name(p.table);
}

void create_step(PlanContext& ctx, const model::Policy& p, const std::string& why = "") {
    auto& step = ctx.add(Phase::create_policy, key_of(p), ChangeSymbol::create, label(p) + why);
    step.up = ddl::create_policy_statements(p);
    step.down = {ddl::drop_policy(p)};
}

// Explicit even when the table goes too: the table's own down step does not
// bring its policies back.
void drop_step(PlanContext& ctx, const model::Policy& p, const std::string& why = "") {
    auto& step = ctx.add(Phase::drop_policy, key_of(p), ChangeSymbol::drop, label(p) + why);
    step.up = {ddl::drop_policy(p)};
    step.down = ddl::create_policy_statements(p);
}

// A column the policy names that is dropped, added or changes type under it
// in this plan. PostgreSQL refuses to drop or retype a column a policy uses,
// so such a policy is dropped before the columns change and created after.
bool column_changes_under(const PlanContext& ctx, const model::Policy& p) {
    const auto a = ctx.from.tables.find(p.table);
    const auto b = ctx.to.tables.find(p.table);
    if (a == ctx.from.tables.end() || b == ctx.to.tables.end()) return false;
    for (const auto& name : p.columns) {
        const auto* before = a->second.find_column(name);
        const auto* after = b->second.find_column(name);
        if (!before || !after) return true;
        if (before->type != after->type || before->collation != after->collation || !(before->generated == after->generated))
            return true;
    }
    return false;
}

// The table is dropped and re-created (a new PARTITION BY): DROP TABLE takes
// its policies along.
bool table_recreated(const PlanContext& ctx, const model::QualifiedName& table) {
    const auto a = ctx.from.tables.find(table);
    const auto b = ctx.to.tables.find(table);
    return a != ctx.from.tables.end() && b != ctx.to.tables.end() && !(a->second.partition_by == b->second.partition_by);
}

std::string alter_policy(const model::Policy& a, const model::Policy& b) {
    std::string out = "ALTER " + ddl::policy_target(b);
    if (a.roles != b.roles) out += " TO " + ddl::policy_roles(b);
    if (!(a.using_expr == b.using_expr)) out += " USING (" + b.using_expr->sql() + ")";
    if (!(a.with_check == b.with_check)) out += " WITH CHECK (" + b.with_check->sql() + ")";
    return out;
}

std::string describe(const model::Policy& a, const model::Policy& b) {
    std::string out = label(b) + ":";
    std::string sep = " ";
    if (a.roles != b.roles) out += sep + "TO " + ddl::policy_roles(a) + " → " + ddl::policy_roles(b), sep = "; ";
    if (!(a.using_expr == b.using_expr)) out += sep + "USING (" + b.using_expr->sql() + ")", sep = "; ";
    if (!(a.with_check == b.with_check)) out += sep + "WITH CHECK (" + b.with_check->sql() + ")";
    return out;
}

// ALTER POLICY can set roles and expressions both ways between `a` and `b`:
// same command and kind, each expression present on both sides or neither.
bool alterable(const model::Policy& a, const model::Policy& b) {
    return a.command == b.command && a.permissive == b.permissive && a.using_expr.has_value() == b.using_expr.has_value() &&
           a.with_check.has_value() == b.with_check.has_value();
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Policy>& change) {
    if (change.op == ChangeOp::create) return create_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    const auto& a = *change.from;
    const auto& b = *change.to;
    model::Policy a_bare = a, b_bare = b;
    a_bare.comment.reset();
    b_bare.comment.reset();
    if (!(a_bare == b_bare)) {
        if (!alterable(a, b) || column_changes_under(ctx, a) || column_changes_under(ctx, b) ||
            table_recreated(ctx, a.table)) {
            drop_step(ctx, a);
            create_step(ctx, b);
            return;
        }
        auto& step = ctx.add(Phase::create_policy, key_of(b), ChangeSymbol::alter, describe(a, b));
        step.down_summary = describe(b, a);
        step.up = {alter_policy(a, b)};
        step.down = {alter_policy(b, a)};
    }
    plan_comment(ctx, key_of(b), ddl::policy_target(b), a.comment, b.comment);
}

void plan_rebuilt_policies(PlanContext& ctx) {
    for (const auto& [key, p] : ctx.from.policies) {
        auto it = ctx.to.policies.find(key);
        if (it == ctx.to.policies.end() || !(it->second == p)) continue;
        if (column_changes_under(ctx, p) || table_recreated(ctx, p.table)) ctx.rebuilt_policies.insert(key);
    }
    for (const auto& key : ctx.rebuilt_policies) {
        drop_step(ctx, ctx.from.policies.at(key), " (re-created)");
        create_step(ctx, ctx.to.policies.at(key), " (re-created)");
    }
}

} // namespace pgshape::plan
