// Collations: created before the tables whose columns and indexes use them,
// dropped after. PostgreSQL cannot change a collation in place.
#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

model::ObjectKey key_of(const model::Collation& c) { return {model::Kind::collation, c.name.schema, c.name.name, ""}; }

std::string target(const model::Collation& c) { return "COLLATION " + quote_name(c.name); }

std::vector<std::string> create_statements(const model::Collation& c) {
    std::vector<std::string> out{ddl::create_collation(c)};
    if (c.comment) out.push_back(ddl::comment_on(target(c), c.comment));
    return out;
}

bool same_except_comment(model::Collation a, model::Collation b) {
    a.comment.reset();
    b.comment.reset();
    return a == b;
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Collation>& change) {
    if (change.op == ChangeOp::create) {
        const auto& c = *change.to;
        auto& step = ctx.add(Phase::create_type, key_of(c), ChangeSymbol::create, "collation " + quote_name(c.name));
        step.up = create_statements(c);
        step.down = {"DROP " + target(c)};
        return;
    }
    if (change.op == ChangeOp::drop) {
        const auto& c = *change.from;
        auto& step = ctx.add(Phase::drop_type, key_of(c), ChangeSymbol::drop, "collation " + quote_name(c.name));
        step.up = {"DROP " + target(c)};
        step.down = create_statements(c);
        return;
    }
    const auto& a = *change.from;
    const auto& b = *change.to;
    if (!same_except_comment(a, b)) {
        // Dropped and created again once the columns and indexes that change are
        // out of the way; PostgreSQL refuses while an unchanged one still uses it.
        auto& step = ctx.add(Phase::rebuild_type, key_of(b), ChangeSymbol::alter,
                             "collation " + quote_name(b.name) + ": re-created with new options");
        step.down_summary = "collation " + quote_name(b.name) + ": re-created as it was";
        step.up = {"DROP " + target(a)};
        for (auto& s : create_statements(b)) step.up.push_back(std::move(s));
        step.down = {"DROP " + target(b)};
        for (auto& s : create_statements(a)) step.down.push_back(std::move(s));
        return;
    }
    plan_comment(ctx, key_of(b), target(b), a.comment, b.comment);
}

} // namespace pgshape::plan
