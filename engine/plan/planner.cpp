#include "engine/plan/planner.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "engine/diff/changes.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/type_rebuild.hpp"

namespace pgshape::plan {

model::ObjectKey key_of(const model::Table& t) { return {model::Kind::table, t.name.schema, t.name.name, ""}; }
model::ObjectKey key_of(const model::Constraint& c) {
    return {model::Kind::constraint, c.table.schema, c.name, c.table.name};
}
model::ObjectKey key_of(const model::Index& i) { return {model::Kind::index, i.name.schema, i.name.name, i.table.name}; }

bool same_but_attachment(model::Index a, model::Index b) {
    a.attached_to = b.attached_to = {};
    a.comment = b.comment;
    return a == b;
}

bool same_but_attachment(model::Constraint a, model::Constraint b) {
    a.attached_to = b.attached_to = {};
    a.only = b.only;
    a.comment = b.comment;
    a.index_comment = b.index_comment;
    return a == b;
}

void plan_comment(PlanContext& ctx, model::ObjectKey key, const std::string& target, const model::Comment& from,
                  const model::Comment& to) {
    if (from == to) return;
    std::string what = target;  // "TABLE public.t" → "table public.t"
    for (char& c : what) {
        if (c == ' ') break;
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto& step = ctx.add(Phase::comment, std::move(key), ChangeSymbol::alter, "comment on " + what);
    step.up.push_back(ddl::comment_on(target, to));
    step.down.push_back(ddl::comment_on(target, from));
}

Plan build_plan(const model::SchemaModel& from, const model::SchemaModel& to) {
    PlanContext ctx(from, to);
    const auto changes = diff::diff_models(from, to);
    ctx.rebuilt_types = find_rebuilt_types(from, to);
    plan_views(ctx);
    plan_standard_bodies(ctx);
    for (const auto& change : changes) std::visit([&](const auto& c) { plan_change(ctx, c); }, change);
    plan_type_rebuild(ctx);
    plan_functions_on_rebuilt_types(ctx);
    plan_rebuilt_foreign_keys(ctx);
    plan_unchanged_check_copies(ctx);
    plan_rebuilt_triggers(ctx);
    plan_rebuilt_policies(ctx);
    plan_table_properties(ctx);
    plan_privileges(ctx);
    // Phases are the layers of the dependency graph; inside a phase steps
    // are independent, ordered by key for stable output.
    // are independent, ordered by schema, table and name for stable,
    // readable output (a table's columns together).
    auto order = [](const Step& s) {
        const std::string& owner = s.key.table.empty() ? s.key.name : s.key.table;
        return std::tie(s.phase, s.rank, s.key.schema, owner, s.key.kind, s.key.name);
    };
    std::stable_sort(ctx.steps.begin(), ctx.steps.end(),
                     [&](const Step& a, const Step& b) { return order(a) < order(b); });
    return Plan{std::move(ctx.steps)};
}

} // namespace pgshape::plan
