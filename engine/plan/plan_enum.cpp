// Enum types: create, drop, add values in place, rebuild otherwise.
#include <algorithm>

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_ident;
using model::quote_literal;
using model::quote_name;

// `from` labels appear in `to` in the same relative order: ADD VALUE suffices.
bool only_additions(const std::vector<std::string>& from, const std::vector<std::string>& to) {
    std::size_t i = 0;
    for (const auto& label : to)
        if (i < from.size() && label == from[i]) ++i;
    return i == from.size();
}

std::vector<std::string> add_values(const model::EnumType& from, const model::EnumType& to) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < to.labels.size(); ++i) {
        const auto& label = to.labels[i];
        if (std::find(from.labels.begin(), from.labels.end(), label) != from.labels.end()) continue;
        std::string stmt = "ALTER TYPE " + quote_name(to.name) + " ADD VALUE " +
                           quote_literal(label);
        if (i > 0) stmt += " AFTER " + quote_literal(to.labels[i - 1]);
        else if (to.labels.size() > 1) stmt += " BEFORE " + quote_literal(to.labels[1]);
        out.push_back(stmt);
    }
    return out;
}

// Checks and indexes whose expressions may hold a literal cast to the type
// (the rebuild must drop and re-create them): those of `m` over a column of
// the type, and, with `keep_if_in`, only those unchanged in that model too.
struct Dependents {
    std::vector<const model::Constraint*> checks;
    std::vector<const model::Index*> indexes;
};

Dependents dependents_of(const model::EnumType& type, const model::SchemaModel& m, const model::SchemaModel* keep_if_in) {
    auto mentions_column = [&](const model::QualifiedName& table_name, const std::string& sql) {
        const auto& table = m.tables.at(table_name);
        for (const auto& c : table.columns)
            if (c.type.schema == type.name.schema && c.type.name == type.name.name && sql.find(c.name) != std::string::npos)
                return true;
        return false;
    };
    Dependents out;
    for (const auto& [key, c] : m.constraints) {
        if (!c.check || !mentions_column(c.table, c.check->sql())) continue;
        if (keep_if_in && !(keep_if_in->constraints.count(key) && keep_if_in->constraints.at(key) == c)) continue;
        out.checks.push_back(&c);
    }
    for (const auto& [key, i] : m.indexes) {
        std::string sql = i.where ? i.where->sql() : "";
        for (const auto& e : i.elems)
            if (e.expr) sql += " " + e.expr->sql();
        if (sql.empty() || !mentions_column(i.table, sql)) continue;
        if (keep_if_in && !(keep_if_in->indexes.count(key) && keep_if_in->indexes.at(key) == i)) continue;
        out.indexes.push_back(&i);
    }
    return out;
}

// Rename the old type away, create the new one, move every column of
// `columns_of` that uses it (defaults dropped and restored around the cast),
// drop the old type; dependents are dropped first and re-created last.
std::vector<std::string> rebuild(const model::EnumType& type, const std::vector<std::string>& labels,
                                 const model::SchemaModel& columns_of, const Dependents& dependents) {
    const std::string old_name = type.name.name.substr(0, 50) + "__pgshape_old";
    model::EnumType fresh = type;
    fresh.labels = labels;
    std::vector<std::string> out;
    for (const auto* c : dependents.checks) out.push_back(ddl::drop_constraint(*c));
    for (const auto* i : dependents.indexes) out.push_back("DROP INDEX " + quote_name(i->name));
    out.push_back("ALTER TYPE " + quote_name(type.name) + " RENAME TO " + quote_ident(old_name));
    out.push_back(ddl::create_enum(fresh));
    for (const auto& [name, table] : columns_of.tables) {
        for (const auto& c : table.columns) {
            if (c.type.schema != type.name.schema || c.type.name != type.name.name) continue;
            const std::string alter = "ALTER TABLE " + quote_name(table.name) + " ALTER COLUMN " + quote_ident(c.name);
            if (c.default_value) out.push_back(alter + " DROP DEFAULT");
            const std::string as_text = c.type.is_array ? "::text[]::" : "::text::";
            out.push_back(alter + " TYPE " + model::render_type(c.type) + " USING " + quote_ident(c.name) + as_text +
                          model::render_type(c.type));
            if (c.default_value) out.push_back(alter + " SET DEFAULT " + c.default_value->sql());
        }
    }
    out.push_back("DROP TYPE " + quote_name({type.name.schema, old_name}));
    for (const auto* c : dependents.checks) out.push_back(ddl::add_constraint(*c));
    for (const auto* i : dependents.indexes) out.push_back(ddl::create_index(*i));
    return out;
}

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
        step.up.push_back(ddl::create_enum(t));
        if (t.comment) step.up.push_back(ddl::comment_on(target, t.comment));
        step.down.push_back(drop);
        return;
    }
    if (change.op == ChangeOp::drop) {
        auto& step = ctx.add(Phase::drop_type, key, ChangeSymbol::drop, "type " + quote_name(t.name));
        step.up.push_back(drop);
        step.down.push_back(ddl::create_enum(t));
        if (t.comment) step.down.push_back(ddl::comment_on(target, t.comment));
        return;
    }
    const auto& a = *change.from;
    const auto& b = *change.to;
    if (a.labels != b.labels) {
        const Hazard lost{HazardKind::data_loss, "rows holding a removed enum value make the rebuild fail"};
        const std::string up_summary = fmt::format("type {}: ({}) → ({})", quote_name(t.name), label_list(a.labels),
                                                   label_list(b.labels));
        const std::string down_summary = fmt::format("type {}: ({}) → ({})", quote_name(t.name), label_list(b.labels),
                                                     label_list(a.labels));
        if (only_additions(a.labels, b.labels)) {
            // ADD VALUE first, outside the transaction, so later steps may use
            // the values. Going back runs last, when everything else is `from`
            // again: a rebuild over `from`'s columns and dependents.
            auto& step = ctx.add(Phase::create_type, key, ChangeSymbol::alter, up_summary);
            step.down_summary = down_summary;
            step.up = add_values(a, b);
            step.up_outside_transaction = true;
            step.down = rebuild(b, a.labels, ctx.from, dependents_of(a, ctx.from, nullptr));
            step.down_hazards.push_back(lost);
        } else {
            // A rebuild runs once changed dependents are gone and before any
            // column changes; both ways it sees `from`'s columns and the
            // dependents that do not change.
            auto& step = ctx.add(Phase::rebuild_type, key, ChangeSymbol::alter, up_summary);
            step.down_summary = down_summary;
            const auto unchanged = dependents_of(a, ctx.from, &ctx.to);
            step.up = rebuild(a, b.labels, ctx.from, unchanged);
            step.hazards = {lost, {HazardKind::table_rewrite, "columns of type " + quote_name(t.name) + " are rewritten"}};
            if (only_additions(b.labels, a.labels)) {
                step.down = add_values(b, a);
                step.down_outside_transaction = true;
            } else {
                step.down = rebuild(b, a.labels, ctx.from, unchanged);
                step.down_hazards.push_back(lost);
            }
        }
    }
    plan_comment(ctx, key, target, a.comment, b.comment);
}

} // namespace pgshape::plan
