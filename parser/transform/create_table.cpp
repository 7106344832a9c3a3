#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void transform_create_table(StatementContext& ctx, PgQuery__CreateStmt* stmt) {
    if (stmt->n_inh_relations || stmt->partbound || stmt->partspec || stmt->of_typename)
        ctx.fail(-1, "inheritance, partitioning and typed tables are not supported yet");
    if (stmt->relation->relpersistence && std::string_view(stmt->relation->relpersistence) != "p")
        ctx.fail(stmt->relation->location, "UNLOGGED and TEMPORARY tables are not supported yet");
    if (stmt->n_options) ctx.fail(-1, "table storage parameters (WITH ...) are not supported yet");
    model::Table table;
    table.name = ctx.builder.name_of(stmt->relation);
    ctx.builder.claim_relation_name(table.name.schema, table.name.name, ctx.at(stmt->relation->location));
    ctx.builder.require_schema(table.name.schema, ctx.at(stmt->relation->location));
    auto& stored = ctx.builder.model.tables.emplace(table.name, table).first->second;
    // Columns first, so that defaults and checks see every column's type.
    for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
        Node* elt = stmt->table_elts[i];
        if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) add_column(ctx, stored, elt->column_def);
        else if (elt->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            ctx.fail(-1, "LIKE and other table elements are not supported");
    }
    for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
        Node* elt = stmt->table_elts[i];
        if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) apply_column_constraints(ctx, stored, elt->column_def);
    }
    for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
        Node* elt = stmt->table_elts[i];
        if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_table_constraint(ctx, stored, elt->constraint, "");
    }
}

} // namespace pgshape::parser
