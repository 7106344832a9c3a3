#include "engine/plan/type_rebuild.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_type.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using model::QualifiedName;
using model::SchemaModel;
using model::quote_ident;
using model::quote_name;

bool has_type(const SchemaModel& m, const QualifiedName& t) {
    return m.enums.count(t) || m.domains.count(t) || m.composite_types.count(t);
}

std::string keyword(const SchemaModel& a, const SchemaModel& b, const QualifiedName& t) {
    return a.domains.count(t) || b.domains.count(t) ? "DOMAIN" : "TYPE";
}

std::string old_name(const QualifiedName& t) { return t.name.substr(0, 50) + "__pgshape_old"; }

int depth_in(const SchemaModel& m, const SchemaModel& other, const QualifiedName& t) {
    const model::TypeRef ref{t.schema, t.name, "", false};
    return has_type(m, t) ? model::type_depth(m, ref) : model::type_depth(other, ref);
}

// Checks and indexes whose expressions may name a column of a rebuilt type
// (a literal cast to the old type would hold on to it): dropped before the
// rebuild, re-created after it.
struct Dependents {
    std::vector<const model::Constraint*> checks;
    std::vector<const model::Index*> indexes;
};

Dependents dependents_of(const std::set<QualifiedName>& types, const SchemaModel& m, const SchemaModel* keep_if_in) {
    auto mentions_column = [&](const QualifiedName& table_name, const std::string& sql) {
        auto table = m.tables.find(table_name);
        if (table == m.tables.end()) return false;
        for (const auto& c : table->second.columns)
            if (uses_type(c.type, types) && sql.find(c.name) != std::string::npos) return true;
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

std::vector<std::string> attribute_names(const SchemaModel& m, const QualifiedName& t) {
    std::vector<std::string> out;
    if (auto c = m.composite_types.find(t); c != m.composite_types.end())
        for (const auto& a : c->second.attributes) out.push_back(a.name);
    return out;
}

// How a column's values reach the new type. A domain over a built-in type
// casts straight to the new domain; enums and composite types have no
// cast from their old version, so values go through their text form, which
// for a composite type is positional: where its attributes are renamed,
// dropped, added or reordered, the row is built anew by attribute name.
std::string conversion(const SchemaModel& old_side, const SchemaModel& new_side, const model::Column& c) {
    model::TypeRef element = c.type;
    element.is_array = false;
    const QualifiedName t{element.schema, element.name};
    const std::string column = quote_ident(c.name);
    const std::string target = model::render_type(c.type);
    const bool direct = model::underlying_type(old_side.domains, element).schema.empty() &&
                        model::underlying_type(new_side.domains, element).schema.empty();
    if (direct) return column + "::" + target;
    const auto before = attribute_names(old_side, t), after = attribute_names(new_side, t);
    if (c.type.is_array || before == after || after.empty()) return column + (c.type.is_array ? "::text[]::" : "::text::") + target;
    std::string fields;
    for (const auto& a : after) {
        const bool kept = std::find(before.begin(), before.end(), a) != before.end();
        fields += (fields.empty() ? "" : ", ") + (kept ? "(" + column + ")." + quote_ident(a) : std::string("NULL"));
    }
    return "CASE WHEN " + column + "::text IS NULL THEN NULL ELSE ROW(" + fields + ")::text END::" + target;
}

std::vector<std::string> move_columns(const std::set<QualifiedName>& types, const SchemaModel& old_side,
                                      const SchemaModel& new_side, const SchemaModel& columns_of) {
    std::vector<std::string> out;
    for (const auto& [name, table] : columns_of.tables) {
        if (table.partition_of) continue;  // its parent's ALTER reaches it
        for (const auto& c : table.columns) {
            if (!uses_type(c.type, types)) continue;
            const std::string alter = "ALTER TABLE " + quote_name(table.name) + " ALTER COLUMN " + quote_ident(c.name);
            if (c.default_value) out.push_back(alter + " DROP DEFAULT");
            out.push_back(alter + " TYPE " + model::render_type(c.type) + " USING " + conversion(old_side, new_side, c));
            if (c.default_value) out.push_back(alter + " SET DEFAULT " + c.default_value->sql());
        }
    }
    return out;
}

bool has_columns_of(const SchemaModel& m, const std::set<QualifiedName>& types) {
    for (const auto& [name, table] : m.tables)
        for (const auto& c : table.columns)
            if (uses_type(c.type, types)) return true;
    return false;
}

std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : ", ") + l;
    return out;
}

std::string attribute_list(const model::CompositeType& t) {
    std::string out;
    for (const auto& a : t.attributes) out += (out.empty() ? "" : ", ") + ddl::attribute_definition(a);
    return out;
}

std::string base_text(const model::Domain& d) {
    return model::render_type(d.base) + (d.collation.empty() ? "" : " COLLATE " + quote_ident(d.collation));
}

// What changes in a rebuilt type, one way, or "" for a type rebuilt only
// because it is built on another.
std::string describe(const SchemaModel& a, const SchemaModel& b, const QualifiedName& t) {
    const std::string name = quote_name(t);
    if (a.enums.count(t) && b.enums.count(t) && a.enums.at(t).labels != b.enums.at(t).labels)
        return fmt::format("type {}: ({}) → ({})", name, label_list(a.enums.at(t).labels), label_list(b.enums.at(t).labels));
    if (a.domains.count(t) && b.domains.count(t) && base_text(a.domains.at(t)) != base_text(b.domains.at(t)))
        return fmt::format("domain {}: {} → {}", name, base_text(a.domains.at(t)), base_text(b.domains.at(t)));
    if (a.composite_types.count(t) && b.composite_types.count(t) &&
        !model::same_attributes(a.composite_types.at(t), b.composite_types.at(t)))
        return fmt::format("type {}: ({}) → ({})", name, attribute_list(a.composite_types.at(t)),
                           attribute_list(b.composite_types.at(t)));
    return "";
}

std::string summary(const SchemaModel& a, const SchemaModel& b, const std::set<QualifiedName>& types) {
    std::string roots, built_on;
    for (const auto& t : types) {
        const auto part = describe(a, b, t);
        if (!part.empty()) roots += (roots.empty() ? "" : "; ") + part;
        else built_on += (built_on.empty() ? "" : ", ") + quote_name(t);
    }
    return roots + (built_on.empty() ? "" : "; re-created on it: " + built_on);
}

std::vector<Hazard> rebuild_hazards(const SchemaModel& a, const SchemaModel& b, const std::set<QualifiedName>& types,
                                    const SchemaModel& columns_of) {
    std::vector<Hazard> out;
    for (const auto& t : types) {
        if (describe(a, b, t).empty()) continue;
        if (a.enums.count(t)) {
            const auto& before = a.enums.at(t).labels;
            const auto& after = b.enums.at(t).labels;
            if (std::any_of(before.begin(), before.end(),
                            [&](const auto& l) { return std::find(after.begin(), after.end(), l) == after.end(); }))
                out.push_back({HazardKind::data_loss, "rows holding a removed enum value make the rebuild fail"});
        }
        else if (a.domains.count(t))
            out.push_back({HazardKind::data_loss, "values of domain " + quote_name(t) +
                                                      " that do not convert to its new base type or fail its checks make the rebuild fail"});
        else {
            std::string gone;
            for (const auto& name : attribute_names(a, t)) {
                const auto after = attribute_names(b, t);
                if (std::find(after.begin(), after.end(), name) == after.end()) gone += (gone.empty() ? "" : ", ") + quote_ident(name);
            }
            if (!gone.empty())
                out.push_back({HazardKind::data_loss, "type " + quote_name(t) + ": the values of attribute " + gone + " are lost"});
            out.push_back({HazardKind::data_loss, "values of type " + quote_name(t) +
                                                      " that do not convert to the new attribute types make the rebuild fail"});
        }
    }
    for (const auto& [name, table] : columns_of.tables)
        for (const auto& c : table.columns) {
            if (!c.type.is_array || !uses_type(c.type, types)) continue;
            model::TypeRef element = c.type;
            element.is_array = false;
            const QualifiedName t{element.schema, element.name};
            if (attribute_names(a, t) != attribute_names(b, t) && !attribute_names(b, t).empty())
                out.push_back({HazardKind::data_loss, fmt::format("{}.{}: arrays of {} are converted attribute by position, "
                                                                  "not by name", quote_name(name), quote_ident(c.name), quote_name(t))});
        }
    std::string rewritten;
    for (const auto& t : types)
        if (has_columns_of(columns_of, {t})) rewritten += (rewritten.empty() ? "" : ", ") + quote_name(t);
    if (!rewritten.empty()) out.push_back({HazardKind::table_rewrite, "columns of type " + rewritten + " are rewritten"});
    return out;
}

} // namespace

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
        std::string stmt = "ALTER TYPE " + quote_name(to.name) + " ADD VALUE " + model::quote_literal(label);
        if (i > 0) stmt += " AFTER " + model::quote_literal(to.labels[i - 1]);
        else if (to.labels.size() > 1) stmt += " BEFORE " + model::quote_literal(to.labels[1]);
        out.push_back(stmt);
    }
    return out;
}

bool uses_type(const model::TypeRef& type, const std::set<QualifiedName>& types) {
    return !type.schema.empty() && types.count({type.schema, type.name}) > 0;
}

std::set<QualifiedName> with_types_built_on(const SchemaModel& m, std::set<QualifiedName> types) {
    // Bases come first by depth, so one pass in depth order closes the set.
    std::vector<std::pair<int, QualifiedName>> candidates;
    for (const auto& [name, d] : m.domains) candidates.emplace_back(model::type_depth(m, {name.schema, name.name, "", false}), name);
    for (const auto& [name, c] : m.composite_types)
        candidates.emplace_back(model::type_depth(m, {name.schema, name.name, "", false}), name);
    std::sort(candidates.begin(), candidates.end());
    for (const auto& [depth, name] : candidates) {
        if (types.count(name)) continue;
        bool built_on = false;
        if (auto d = m.domains.find(name); d != m.domains.end()) built_on = uses_type(d->second.base, types);
        if (auto c = m.composite_types.find(name); c != m.composite_types.end())
            for (const auto& a : c->second.attributes) built_on = built_on || uses_type(a.type, types);
        if (built_on) types.insert(name);
    }
    return types;
}

std::set<QualifiedName> find_rebuilt_types(const SchemaModel& from, const SchemaModel& to) {
    std::set<QualifiedName> roots;
    for (const auto& [name, a] : from.enums)
        if (auto b = to.enums.find(name); b != to.enums.end() && !only_additions(a.labels, b->second.labels)) roots.insert(name);
    for (const auto& [name, a] : from.domains)
        if (auto b = to.domains.find(name); b != to.domains.end() && base_text(a) != base_text(b->second)) roots.insert(name);
    for (const auto& [name, a] : from.composite_types)
        if (auto b = to.composite_types.find(name); b != to.composite_types.end() && !composite_alterable(from, a, b->second))
            roots.insert(name);
    return roots.empty() ? roots : with_types_built_on(from, roots);
}

std::vector<std::string> rebuild_statements(const std::set<QualifiedName>& types, const SchemaModel& old_side,
                                            const SchemaModel& new_side, const SchemaModel& columns_of,
                                            const SchemaModel* keep_if_in) {
    std::vector<QualifiedName> by_old(types.begin(), types.end()), by_new = by_old;
    std::stable_sort(by_old.begin(), by_old.end(), [&](const auto& x, const auto& y) {
        return depth_in(old_side, new_side, x) < depth_in(old_side, new_side, y);
    });
    std::stable_sort(by_new.begin(), by_new.end(), [&](const auto& x, const auto& y) {
        return depth_in(new_side, old_side, x) < depth_in(new_side, old_side, y);
    });
    const auto dependents = dependents_of(types, columns_of, keep_if_in);
    std::vector<std::string> out;
    for (const auto* c : dependents.checks) out.push_back(ddl::drop_constraint(*c));
    for (const auto* i : dependents.indexes) out.push_back("DROP INDEX " + quote_name(i->name));
    for (const auto& t : by_old)
        out.push_back("ALTER " + keyword(old_side, new_side, t) + " " + quote_name(t) + " RENAME TO " + quote_ident(old_name(t)));
    for (const auto& t : by_new) {
        auto create = ddl::create_type_statements(new_side, t);
        if (create.empty()) create = ddl::create_type_statements(old_side, t);
        for (auto& s : create) out.push_back(std::move(s));
    }
    for (auto& s : move_columns(types, old_side, new_side, columns_of)) out.push_back(std::move(s));
    for (auto it = by_old.rbegin(); it != by_old.rend(); ++it)
        out.push_back("DROP " + keyword(old_side, new_side, *it) + " " + quote_name({it->schema, old_name(*it)}));
    for (const auto* c : dependents.checks) out.push_back(ddl::add_constraint(*c));
    for (const auto* i : dependents.indexes) out.push_back(ddl::create_index(*i));
    return out;
}

void plan_type_rebuild(PlanContext& ctx) {
    const auto& types = ctx.rebuilt_types;
    if (types.empty()) return;
    QualifiedName first = *types.begin();
    for (const auto& t : types)
        if (!describe(ctx.from, ctx.to, t).empty()) { first = t; break; }
    const model::Kind kind = ctx.from.domains.count(first) ? model::Kind::domain
                             : ctx.from.enums.count(first) ? model::Kind::enum_type
                                                            : model::Kind::composite_type;
    auto& step = ctx.add(Phase::rebuild_type, {kind, first.schema, first.name, ""}, ChangeSymbol::alter,
                         summary(ctx.from, ctx.to, types));
    step.down_summary = summary(ctx.to, ctx.from, types);
    step.up = rebuild_statements(types, ctx.from, ctx.to, ctx.from, &ctx.to);
    step.hazards = rebuild_hazards(ctx.from, ctx.to, types, ctx.from);
    // An enum that only lost values gets them back in place.
    const auto e = ctx.to.enums.find(first);
    if (types.size() == 1 && e != ctx.to.enums.end() && only_additions(e->second.labels, ctx.from.enums.at(first).labels)) {
        step.down = add_values(e->second, ctx.from.enums.at(first));
        step.down_outside_transaction = true;
    } else {
        step.down = rebuild_statements(types, ctx.to, ctx.from, ctx.from, &ctx.to);
        for (auto& h : rebuild_hazards(ctx.to, ctx.from, types, ctx.from))
            if (h.kind == HazardKind::data_loss) step.down_hazards.push_back(std::move(h));
    }
}

} // namespace pgshape::plan
