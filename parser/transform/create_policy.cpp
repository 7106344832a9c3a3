// CREATE POLICY and COMMENT ON POLICY into the model.
#include <algorithm>

#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

model::PolicyCommand command_of(StatementContext& ctx, const std::string& cmd) {
    if (cmd == "all") return model::PolicyCommand::all;
    if (cmd == "select") return model::PolicyCommand::select;
    if (cmd == "insert") return model::PolicyCommand::insert;
    if (cmd == "update") return model::PolicyCommand::update;
    if (cmd == "delete") return model::PolicyCommand::delete_;
    ctx.fail(-1, fmt::format("policy command {} is not known", cmd));
}

// TO roles: sorted names, empty for PUBLIC. PostgreSQL stores PUBLIC alone
// when it is listed with other roles, and the role that CURRENT_USER and
// friends stand for when the policy is created: that depends on who applies
// the plan, so a file has to name the role.
std::vector<std::string> roles_of(StatementContext& ctx, PgQuery__CreatePolicyStmt* stmt) {
    std::vector<std::string> roles;
    for (std::size_t i = 0; i < stmt->n_roles; ++i) {
        const auto* spec = stmt->roles[i]->role_spec;
        switch (spec->roletype) {
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
            return {};
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
            roles.emplace_back(spec->rolename);
            break;
        default:
            ctx.fail(spec->location, "CURRENT_USER, CURRENT_ROLE and SESSION_USER are not supported in a policy's TO list",
                     "name the role: PostgreSQL stores the role they stand for, which depends on who applies the plan");
        }
    }
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

// The table's columns an expression names and the functions it calls, for
// the planner's ordering (read before the canonical rewrites).
void collect_references(Node* expr, const model::Table& table, model::Policy& policy) {
    if (!expr) return;
    for_each_node(&expr->base, [&](Node* node) {
        if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
            const auto* ref = node->column_ref;
            if (ref->n_fields == 0 || ref->fields[ref->n_fields - 1]->node_case != PG_QUERY__NODE__NODE_STRING) return;
            const std::string name(str_value(ref->fields[ref->n_fields - 1]));
            if (table.find_column(name)) policy.columns.push_back(name);
        } else if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
            const auto names = name_list(node->func_call->funcname, node->func_call->n_funcname);
            policy.calls.push_back({names.size() >= 2 ? names[names.size() - 2] : "public", names.back()});
        }
    });
}

template <class T> void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

void transform_create_policy(StatementContext& ctx, PgQuery__CreatePolicyStmt* stmt) {
    auto& builder = ctx.builder;
    const auto name = builder.name_of(stmt->table);
    if (!builder.model.tables.count(name)) {
        if (builder.model.views.count(name))
            ctx.fail(stmt->table->location, fmt::format("{} is a view: policies apply to tables only", model::display(name)));
        ctx.fail(stmt->table->location, fmt::format("table {} is not defined", model::display(name)),
                 "define it with CREATE TABLE in one of the schema files");
    }
    const auto& table = builder.model.tables.at(name);
    model::Policy p;
    p.table = name;
    p.name = stmt->policy_name;
    p.permissive = stmt->permissive;
    p.command = command_of(ctx, stmt->cmd_name);
    if (p.command == model::PolicyCommand::insert && stmt->qual)
        ctx.fail(-1, "a policy FOR INSERT takes WITH CHECK only, not USING",
                 "write the condition on new rows as WITH CHECK (...)");
    if ((p.command == model::PolicyCommand::select || p.command == model::PolicyCommand::delete_) && stmt->with_check)
        ctx.fail(-1, fmt::format("a policy FOR {} takes USING only, not WITH CHECK", model::policy_command_sql(p.command)),
                 "write the condition on existing rows as USING (...)");
    p.roles = roles_of(ctx, stmt);
    collect_references(stmt->qual, table, p);
    collect_references(stmt->with_check, table, p);
    sort_unique(p.columns);
    sort_unique(p.calls);
    const ExprContext context = ctx.expr_context(&table.columns);
    if (stmt->qual) p.using_expr = make_expr(ctx.tree, stmt->qual, context);
    if (stmt->with_check) p.with_check = make_expr(ctx.tree, stmt->with_check, context);
    const auto key = p.key();
    if (!builder.model.policies.emplace(key, std::move(p)).second)
        ctx.fail(-1, fmt::format("policy {} is defined twice on table {}", key.name, model::display(key.table)));
}

void comment_on_policy(StatementContext& ctx, const std::vector<std::string>& names, const model::Comment& text) {
    const std::size_t n = names.size();
    if (n < 2) ctx.fail(-1, "COMMENT ON POLICY needs: policy ON table");
    const model::PolicyKey key{{n >= 3 ? names[n - 3] : "public", names[n - 2]}, names[n - 1]};
    auto it = ctx.builder.model.policies.find(key);
    if (it == ctx.builder.model.policies.end())
        ctx.fail(-1, fmt::format("COMMENT ON policy {} on table {}: it is not defined", key.name, model::display(key.table)));
    it->second.comment = text;
}

} // namespace pgshape::parser
