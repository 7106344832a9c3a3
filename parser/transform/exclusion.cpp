// EXCLUDE USING method (elem WITH op, ...) [INCLUDE (...)] [WHERE (pred)]:
// no two rows may compare true on every operator. Its index belongs to the
// constraint, as for primary keys.
#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void add_exclusion_constraint(StatementContext& ctx, model::Table& table, PgQuery__Constraint* con, model::Constraint out) {
    out.type = model::ConstraintType::exclude;
    out.method = con->access_method && *con->access_method ? con->access_method : "btree";
    if (con->n_options)
        ctx.fail(con->location, "storage parameters (WITH ...) of an EXCLUDE constraint are not supported yet",
                 "leave out WITH (...): the constraint's index then has the default parameters");
    if (con->indexspace && *con->indexspace) ctx.fail(con->location, "tablespaces are not managed by pgshape: leave out USING INDEX TABLESPACE");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < con->n_exclusions; ++i) {
        const auto* pair = con->exclusions[i]->list;
        model::ExclusionElem elem;
        elem.elem = index_elem(ctx, table, pair->items[0]->index_elem, names.emplace_back());
        // The catalog prints operators unqualified when search_path finds them.
        const auto op = name_list(pair->items[1]->list->items, pair->items[1]->list->n_items);
        elem.op = op.back();
        out.exclusions.push_back(std::move(elem));
    }
    out.include = name_list(con->including, con->n_including);
    for (const auto& c : out.include)
        if (!table.find_column(c))
            ctx.fail(con->location, fmt::format("column {} of table {} is not defined", c, model::display(table.name)));
    names.insert(names.end(), out.include.begin(), out.include.end());  // INCLUDE columns name the index too
    if (con->where_clause) out.where = make_expr(ctx.tree, con->where_clause, ctx.expr_context(&table.columns));
    auto& builder = ctx.builder;
    // Named like its index (ChooseIndexName): table_col1_col2_excl.
    if (out.name.empty())
        out.name = builder.choose_relation_name(table.name.schema, table.name.name, join_names(names, '_'), "excl",
                                                 ctx.at(con->location));
    else
        builder.claim_relation_name(table.name.schema, out.name, ctx.at(con->location));
    const auto key = out.key();
    if (builder.model.constraints.count(key))
        ctx.fail(con->location, fmt::format("constraint \"{}\" is defined twice on table {}", out.name,
                                            model::display(table.name)));
    builder.model.constraints.emplace(key, std::move(out));
}

} // namespace pgshape::parser
