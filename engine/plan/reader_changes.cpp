#include "engine/plan/reader_changes.hpp"

#include "engine/model/sql_text.hpp"

namespace pgshape::plan {

using model::quote_name;

ReaderChanges ReaderChanges::of(const PlanContext& ctx) {
    ReaderChanges out;
    for (const auto& [name, a] : ctx.from.enums) {
        auto it = ctx.to.enums.find(name);
        if (it == ctx.to.enums.end() || it->second.labels != a.labels) out.changed_types.insert(name);
    }
    // Rebuilt types; composite types whose attributes change at all (a
    // reader of an attribute holds on to it); dropped types.
    out.changed_types.insert(ctx.rebuilt_types.begin(), ctx.rebuilt_types.end());
    for (const auto& [name, a] : ctx.from.domains)
        if (!ctx.to.domains.count(name)) out.changed_types.insert(name);
    for (const auto& [name, a] : ctx.from.composite_types) {
        auto it = ctx.to.composite_types.find(name);
        if (it == ctx.to.composite_types.end() || !model::same_attributes(it->second, a)) out.changed_types.insert(name);
    }
    for (const auto& [name, a] : ctx.from.tables) {
        auto it = ctx.to.tables.find(name);
        if (it == ctx.to.tables.end()) {
            out.gone[name] = "table " + quote_name(name) + ", which is dropped";
            continue;
        }
        for (const auto& c : a.columns) {
            const auto* b = it->second.find_column(c.name);
            const bool type_changed = out.changed_types.count({c.type.schema, c.type.name}) > 0;
            if (!b) out.changed_columns[{name, c.name}] = "which is dropped";
            else if (blocks_readers(c, *b)) out.changed_columns[{name, c.name}] = "which changes";
            else if (type_changed) out.changed_columns[{name, c.name}] = "whose type " + model::render_type(c.type) + " changes";
        }
    }
    // A table re-partitioned is dropped and created again (plan_table.cpp),
    // and its partitions with it.
    for (const auto& [name, a] : ctx.from.tables) {
        auto it = ctx.to.tables.find(name);
        if (it != ctx.to.tables.end() && !(a.partition_by == it->second.partition_by))
            out.gone[name] = "table " + quote_name(name) + ", which is re-created";
    }
    for (const auto& [name, a] : ctx.from.tables)
        if (a.partition_of && out.gone.count(a.partition_of->parent) && !out.gone.count(name))
            out.gone[name] = "partition " + quote_name(name) + ", which goes with its parent";
    for (const auto& [name, s] : ctx.from.sequences)
        if (!ctx.to.sequences.count(name)) out.gone[name] = "sequence " + quote_name(name) + ", which is dropped";
    for (const auto& [name, a] : ctx.from.views)
        if (!ctx.to.views.count(name))
            out.gone[name] = (a.materialized ? "materialized view " : "view ") + quote_name(name) + ", which is dropped";
    return out;
}

std::string ReaderChanges::why(const std::vector<model::QualifiedName>& relations,
                               const std::vector<model::ViewRead>& reads,
                               const std::vector<model::TypeRef>& types) const {
    for (const auto& r : relations)
        if (auto it = gone.find(r); it != gone.end()) return "it reads " + it->second;
    for (const auto& r : reads) {
        auto it = changed_columns.lower_bound({r.relation, r.column == "*" ? "" : r.column});
        if (it != changed_columns.end() && it->first.relation == r.relation &&
            (r.column == "*" || it->first.column == r.column))
            return "it reads " + quote_name(it->first.relation) + "." + model::quote_ident(it->first.column) + ", " +
                   it->second;
    }
    for (const auto& t : types)
        if (changed_types.count({t.schema, t.name})) return "it uses type " + model::render_type(t) + ", which changes";
    return "";
}

} // namespace pgshape::plan
