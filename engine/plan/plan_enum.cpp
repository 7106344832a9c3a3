// Enum types: create, drop, add values in place; removing or reordering
// values rebuilds the type (type_rebuild.cpp).
#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_type.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/type_rebuild.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : ", ") + l;
    return out;
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::EnumType>& change) {
    const auto& t = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::enum_type, t.name.schema, t.name.name, ""};
    const std::string target = "TYPE " + quote_name(t.name);
    const std::string drop = "DROP TYPE " + quote_name(t.name);
    if (change.op == ChangeOp::create) {
        auto& step = ctx.add(Phase::create_type, key, ChangeSymbol::create, "type " + quote_name(t.name));
        step.up = ddl::create_type_statements(ctx.to, t.name);
        step.down.push_back(drop);
        return;
    }
    if (change.op == ChangeOp::drop) {
        auto& step = ctx.add(Phase::drop_type, key, ChangeSymbol::drop, "type " + quote_name(t.name));
        step.up.push_back(drop);
        step.down = ddl::create_type_statements(ctx.from, t.name);
        return;
    }
    if (ctx.rebuilt_types.count(t.name)) return;  // values removed or reordered: rebuilt with what is built on it
    const auto& a = *change.from;
    const auto& b = *change.to;
    if (a.labels != b.labels) {
        // ADD VALUE first, outside the transaction, so later steps may use
        // the values. Going back runs last, when everything else is `from`
        // again: a rebuild over `from`'s columns and dependents, and of the
        // domains and composite types built on the enum.
        auto& step = ctx.add(Phase::create_type, key, ChangeSymbol::alter,
                             fmt::format("type {}: ({}) → ({})", quote_name(t.name), label_list(a.labels), label_list(b.labels)));
        step.down_summary =
            fmt::format("type {}: ({}) → ({})", quote_name(t.name), label_list(b.labels), label_list(a.labels));
        step.up = add_values(a, b);
        step.up_outside_transaction = true;
        step.down = rebuild_statements(with_types_built_on(ctx.from, {t.name}), ctx.to, ctx.from, ctx.from, nullptr);
        step.down_hazards.push_back({HazardKind::data_loss, "rows holding a removed enum value make the rebuild fail"});
    }
    plan_comment(ctx, key, target, a.comment, b.comment);
}

} // namespace pgshape::plan
