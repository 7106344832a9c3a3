// INHERITS (...): a child's columns are its parents' merged by name, as
// PostgreSQL merges them (MergeAttributes), then its own columns; the
// child's own defaults and NOT NULL go over what it inherits.
#include <algorithm>

#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// What a child takes of a parent's column: not its identity (PostgreSQL
// does not pass it on), statistics target or comment.
model::Column inherited_copy(const model::Column& parent_column) {
    model::Column c = parent_column;
    c.local = false;
    c.identity = model::Identity::none;
    c.identity_options = {};
    c.statistics = -1;
    c.comment.reset();
    return c;
}

void merge_parent_column(Builder& builder, Location where, const model::Table& child, std::vector<model::Column>& merged,
                         const model::Column& pc) {
    for (auto& c : merged) {
        if (c.name != pc.name) continue;
        if (c.type != pc.type || c.collation != pc.collation)
            builder.fail(where, fmt::format("inherited column {} of table {} has a type or collation conflict",
                                            pc.name, model::display(child.name)));
        c.not_null = c.not_null || pc.not_null;
        if (!c.default_value) c.default_value = pc.default_value;
        return;
    }
    merged.push_back(inherited_copy(pc));
}

// Merges the parents' columns into `name`'s, parents first (a parent may
// be a child too). `budget` stops a cycle.
void resolve(Builder& builder, const model::QualifiedName& name, Location where, std::size_t budget) {
    if (builder.inheritance_resolved.count(name)) return;
    if (budget == 0) builder.fail(where, "tables inherit from each other in a cycle");
    auto& table = builder.model.tables.at(name);
    if (table.inherits.empty()) return;
    for (const auto& parent_name : table.inherits) {
        auto parent = builder.model.tables.find(parent_name);
        if (parent == builder.model.tables.end())
            builder.fail(where, fmt::format("table {} is not defined", model::display(parent_name)),
                         "define the parent table with CREATE TABLE");
        if (parent->second.partition_by)
            builder.fail(where, fmt::format("cannot inherit from partitioned table {}", model::display(parent_name)),
                         "use CREATE TABLE ... PARTITION OF to make a partition");
        if (parent->second.partition_of)
            builder.fail(where, fmt::format("cannot inherit from partition {}", model::display(parent_name)));
        resolve(builder, parent_name, where, budget - 1);
    }
    auto& child = builder.model.tables.at(name);
    std::vector<model::Column> merged;
    for (const auto& parent_name : child.inherits)
        for (const auto& pc : builder.model.tables.at(parent_name).columns)
            merge_parent_column(builder, where, child, merged, pc);
    for (const auto& own : child.columns) {
        auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& c) { return c.name == own.name; });
        if (it == merged.end()) {
            merged.push_back(own);
            continue;
        }
        // A redeclared column: local too, with the child's collation,
        // statistics, comment and (if it states one) default.
        if (it->type != own.type)
            builder.fail(where, fmt::format("column {} of table {} has a type conflict with the column it inherits",
                                            own.name, model::display(name)));
        it->local = true;
        it->not_null = it->not_null || own.not_null;
        it->collation = own.collation.empty() ? it->collation : own.collation;
        it->statistics = own.statistics;
        it->comment = own.comment;
    }
    for (auto& c : merged) {
        auto own = builder.inherited_column_options.find({name, c.name});
        if (own != builder.inherited_column_options.end() && own->second.default_value)
            c.default_value = *own->second.default_value;
    }
    child.columns = std::move(merged);
    builder.inheritance_resolved.insert(name);
}

} // namespace

void resolve_inheritance_later(StatementContext& ctx, const model::QualifiedName& name, PgQuery__CreateStmt* stmt) {
    const Location where = ctx.here();
    ctx.builder.defer(where, [ctx, name, stmt, where]() mutable {
        resolve(ctx.builder, name, where, ctx.builder.model.tables.size() + 1);
        auto& table = ctx.builder.model.tables.at(name);
        for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
            Node* elt = stmt->table_elts[i];
            if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_table_constraint(ctx, table, elt->constraint, "");
        }
    });
}

bool record_inherited_column_option(StatementContext& ctx, model::Table& table, const PgQuery__AlterTableCmd* cmd) {
    const auto type = cmd->subtype;
    if (type != PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && type != PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull &&
        type != PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull)
        return false;
    // Once the child has its inherited columns: the column's type is then
    // known, which the default's canonical form needs.
    const model::QualifiedName name = table.name;
    const Location where = ctx.here();
    ctx.builder.defer(where, [ctx, name, cmd, where]() mutable {
        resolve(ctx.builder, name, where, ctx.builder.model.tables.size() + 1);
        auto& t = ctx.builder.model.tables.at(name);
        auto& column = column_of(ctx, t, cmd->name);
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) column.not_null = true;
        else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull) column.not_null = false;
        else if (cmd->def && !is_null_constant(cmd->def))
            column.default_value = make_expr(ctx.tree, cmd->def, ctx.expr_context(&t.columns, &column.type));
        else column.default_value.reset();
    });
    return true;
}

} // namespace pgshape::parser
