// Composite types: created before what uses them, dropped after; attributes
// dropped, appended and retyped in place by ALTER TYPE where PostgreSQL
// allows it; rebuilt with their columns otherwise (type_rebuild.cpp).
#include <algorithm>

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_type.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/type_rebuild.hpp"
#include "engine/plan/type_steps.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_ident;
using model::quote_name;

model::TypeRef ref(const model::CompositeType& t) { return {t.name.schema, t.name.name, "", false}; }

std::string label(const model::CompositeType& t) { return "type " + quote_name(t.name); }

bool retyped(const model::CompositeAttribute& x, const model::CompositeAttribute& y) {
    return x.type != y.type || x.collation != y.collation;
}

// Whether a column of a table of `m` holds values of `t`: directly, in an
// array, through a domain or inside another composite type.
bool held_by_columns(const model::SchemaModel& m, const model::QualifiedName& t) {
    const auto holders = with_types_built_on(m, {t});
    for (const auto& [name, table] : m.tables)
        for (const auto& c : table.columns)
            if (uses_type(c.type, holders)) return true;
    return false;
}

// ALTER TYPE statements turning `a` into `b`, which composite_alterable allows.
std::vector<std::string> alter_statements(const model::CompositeType& a, const model::CompositeType& b) {
    const std::string alter = "ALTER TYPE " + quote_name(b.name);
    std::vector<std::string> out;
    for (const auto& x : a.attributes)
        if (!b.find_attribute(x.name)) out.push_back(alter + " DROP ATTRIBUTE " + quote_ident(x.name));
    for (const auto& y : b.attributes) {
        const auto* x = a.find_attribute(y.name);
        if (!x || !retyped(*x, y)) continue;
        std::string stmt = alter + " ALTER ATTRIBUTE " + quote_ident(y.name) + " TYPE " + model::render_type(y.type);
        if (!y.collation.empty() || !x->collation.empty())
            stmt += " COLLATE " + (y.collation.empty() ? std::string("\"default\"") : quote_ident(y.collation));
        out.push_back(stmt);
    }
    for (const auto& y : b.attributes) {
        if (a.find_attribute(y.name)) continue;
        out.push_back(alter + " ADD ATTRIBUTE " + ddl::attribute_definition(y));
        if (y.comment)
            out.push_back(ddl::comment_on("COLUMN " + quote_name(b.name) + "." + quote_ident(y.name), y.comment));
    }
    return out;
}

std::string describe(const model::CompositeType& a, const model::CompositeType& b) {
    std::vector<std::string> parts;
    for (const auto& x : a.attributes)
        if (!b.find_attribute(x.name)) parts.push_back("drop " + x.name);
    for (const auto& y : b.attributes) {
        const auto* x = a.find_attribute(y.name);
        if (!x) parts.push_back("add " + ddl::attribute_definition(y));
        else if (retyped(*x, y)) parts.push_back(ddl::attribute_definition(*x) + " → " + ddl::attribute_definition(y));
    }
    std::string out = label(b) + ":";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : " ") + parts[i];
    return out;
}

std::vector<Hazard> dropped_values(const model::SchemaModel& m, const model::CompositeType& a, const model::CompositeType& b) {
    std::vector<Hazard> out;
    if (!held_by_columns(m, a.name)) return out;
    for (const auto& x : a.attributes)
        if (!b.find_attribute(x.name))
            out.push_back({HazardKind::data_loss, fmt::format("{}: the values of attribute {} in columns of the type are lost",
                                                              label(a), quote_ident(x.name))});
    return out;
}

} // namespace

bool composite_alterable(const model::SchemaModel& m, const model::CompositeType& a, const model::CompositeType& b) {
    // Kept attributes keep their order; new ones can only be appended.
    std::vector<std::string> kept_a, kept_b;
    for (const auto& x : a.attributes)
        if (b.find_attribute(x.name)) kept_a.push_back(x.name);
    bool added = false;
    for (const auto& y : b.attributes) {
        if (!a.find_attribute(y.name)) {
            added = true;
            continue;
        }
        if (added) return false;
        kept_b.push_back(y.name);
    }
    if (kept_a != kept_b) return false;
    // ALTER ATTRIBUTE ... TYPE is refused while a column holds the type.
    const bool any_retyped = std::any_of(b.attributes.begin(), b.attributes.end(), [&](const auto& y) {
        const auto* x = a.find_attribute(y.name);
        return x && retyped(*x, y);
    });
    return !any_retyped || !held_by_columns(m, a.name);
}

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::CompositeType>& change) {
    const auto& t = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::composite_type, t.name.schema, t.name.name, ""};
    if (change.op != ChangeOp::alter)
        return add_type_step(ctx, change.op, key, label(t), ddl::create_composite_statements(t), "DROP TYPE " + quote_name(t.name));
    if (ctx.rebuilt_types.count(t.name)) return;  // made anew, as `to` has it, by the rebuild
    const auto& a = *change.from;
    const auto& b = *change.to;
    if (!model::same_attributes(a, b)) {
        auto& step = ctx.add(Phase::create_type_after_functions, key, ChangeSymbol::alter, describe(a, b));
        step.down_summary = describe(b, a);
        step.rank = model::type_depth(ctx.to, ref(b));
        step.up = alter_statements(a, b);
        step.hazards = dropped_values(ctx.from, a, b);
        if (composite_alterable(ctx.from, b, a)) {
            step.down = alter_statements(b, a);
            step.down_hazards = dropped_values(ctx.from, b, a);
        } else {
            // Attributes dropped from the middle cannot come back in place:
            // the way back rebuilds the type, with what is built on it.
            step.down_summary += " (rebuilt)";
            step.down = rebuild_statements(with_types_built_on(ctx.from, {t.name}), ctx.to, ctx.from, ctx.from, nullptr);
            if (held_by_columns(ctx.from, t.name))
                step.down_hazards.push_back({HazardKind::table_rewrite, "columns of type " + quote_name(t.name) + " are rewritten"});
        }
    }
    plan_comment(ctx, key, "TYPE " + quote_name(t.name), a.comment, b.comment);
    for (const auto& y : b.attributes) {
        const auto* x = a.find_attribute(y.name);
        if (x) plan_comment(ctx, key, "COLUMN " + quote_name(t.name) + "." + quote_ident(y.name), x->comment, y.comment);
    }
}

} // namespace pgshape::plan
