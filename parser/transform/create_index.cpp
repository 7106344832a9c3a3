#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// The name PostgreSQL gives an expression column when it names an index.
std::string elem_name(const PgQuery__IndexElem* elem) {
    if (elem->name && *elem->name) return elem->name;
    if (elem->expr && elem->expr->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
        const auto* call = elem->expr->func_call;
        return std::string(str_value(call->funcname[call->n_funcname - 1]));
    }
    return "expr";
}

} // namespace

model::IndexElem index_elem(StatementContext& ctx, const model::Table& table, const PgQuery__IndexElem* elem,
                            std::string& name) {
    model::IndexElem out;
    if (elem->name && *elem->name) {
        out.column = elem->name;
        if (!table.find_column(out.column))
            ctx.fail(-1, fmt::format("column {} of table {} is not defined", out.column, model::display(table.name)));
    } else {
        out.expr = make_expr(ctx.tree, elem->expr, ctx.expr_context(&table.columns));
    }
    name = elem_name(elem);
    if (elem->n_collation) out.collation = name_list(elem->collation, elem->n_collation).back();
    if (elem->n_opclass) out.opclass = name_list(elem->opclass, elem->n_opclass).back();
    if (elem->n_opclassopts) ctx.fail(-1, "operator class options are not supported yet");
    out.order = elem->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC ? model::SortOrder::desc : model::SortOrder::asc;
    if (elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST) out.nulls_first = true;
    else if (elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) out.nulls_first = false;
    else out.nulls_first = out.order == model::SortOrder::desc;
    return out;
}

void transform_create_index(StatementContext& ctx, PgQuery__IndexStmt* stmt) {
    model::Table view_columns;  // a materialized view's, when the index is on one
    const auto& table = indexed_relation(ctx, stmt->relation, view_columns);
    model::Index index;
    index.table = table.name;
    index.unique = stmt->unique;
    index.nulls_not_distinct = stmt->nulls_not_distinct;
    // ON ONLY: the partitions get no index of their own (attach_index.cpp
    // decides whether the index ends up covering them all).
    index.only = !stmt->relation->inh && table.partition_by.has_value();
    index.method = stmt->access_method && *stmt->access_method ? stmt->access_method : "btree";
    index.options = read_storage_options(ctx, stmt->options, stmt->n_options, OptionNamespaces::refuse);
    std::vector<std::string> name_parts;
    for (std::size_t i = 0; i < stmt->n_index_params; ++i)
        index.elems.push_back(index_elem(ctx, table, stmt->index_params[i]->index_elem, name_parts.emplace_back()));
    for (std::size_t i = 0; i < stmt->n_index_including_params; ++i)
        index.include.emplace_back(stmt->index_including_params[i]->index_elem->name);
    if (stmt->where_clause) index.where = make_expr(ctx.tree, stmt->where_clause, ctx.expr_context(&table.columns));
    auto& builder = ctx.builder;
    if (stmt->idxname && *stmt->idxname) {
        index.name = {table.name.schema, stmt->idxname};
        builder.claim_relation_name(table.name.schema, index.name.name, ctx.here());
    } else {
        index.name = {table.name.schema,
                      builder.choose_relation_name(table.name.schema, table.name.name, join_names(name_parts, '_'), "idx",
                                                   ctx.here())};
    }
    builder.model.indexes.emplace(index.name, std::move(index));
}

} // namespace pgshape::parser
