#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "parser/canonical_expr.hpp"
#include "parser/canonical_type.hpp"
#include "parser/transform/sequence_options.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// serial → integer NOT NULL DEFAULT nextval('schema.table_col_seq'::regclass)
// plus the sequence, owned by the column: what PostgreSQL itself creates.
void expand_serial(StatementContext& ctx, model::Table& table, model::Column& column) {
    model::Sequence seq;
    seq.name = {table.name.schema,
                ctx.builder.choose_relation_name(table.name.schema, table.name.name, column.name, "seq")};
    seq.options = model::default_sequence_options(column.type);
    seq.owned_by = model::ColumnRef{table.name, column.name};
    column.not_null = true;
    ParseTree tree("SELECT nextval(" + model::quote_literal(model::quote_name(seq.name)) + "::regclass)");
    Node* expr = tree.stmt(0).stmt->select_stmt->target_list[0]->res_target->val;
    column.default_value = make_expr(tree, expr, {});
    ctx.builder.model.sequences.emplace(seq.name, std::move(seq));
}

} // namespace

void add_column(StatementContext& ctx, model::Table& table, PgQuery__ColumnDef* def) {
    model::Column column;
    column.name = def->colname;
    if (table.find_column(column.name))
        ctx.fail(def->location, fmt::format("column {} is defined twice in table {}", column.name,
                                            model::display(table.name)));
    const ResolvedType resolved = canonical_type(def->type_name);
    column.type = resolved.type;
    if (def->coll_clause) {
        const auto names = name_list(def->coll_clause->collname, def->coll_clause->n_collname);
        column.collation = names.back();
        if (column.collation == model::domain_collation(ctx.builder.model.domains, column.type)) column.collation.clear();
    }
    if (def->is_not_null) column.not_null = true;
    table.columns.push_back(std::move(column));
    if (resolved.serial == Serial::serial) expand_serial(ctx, table, table.columns.back());
}

void set_identity(StatementContext& ctx, model::Column& column, const PgQuery__Constraint* con) {
    column.identity = std::string_view(con->generated_when) == "a" ? model::Identity::always : model::Identity::by_default;
    column.not_null = true;
    column.identity_options = options_for_create(parse_sequence_options(ctx, con->options, con->n_options), column.type);
}

void apply_column_constraints(StatementContext& ctx, model::Table& table, PgQuery__ColumnDef* def) {
    PgQuery__Constraint* last_key = nullptr;
    std::vector<PgQuery__Constraint*> keys;
    for (std::size_t i = 0; i < def->n_constraints; ++i) {
        auto* con = def->constraints[i]->constraint;
        // Columns are re-found each time: adding a serial may grow the vector.
        auto* column = const_cast<model::Column*>(table.find_column(def->colname));
        switch (con->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: column->not_null = true; break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: column->not_null = false; break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            if (is_null_constant(con->raw_expr)) column->default_value.reset();  // PostgreSQL stores nothing
            else column->default_value = make_expr(ctx.tree, con->raw_expr, ctx.expr_context(&table.columns, &column->type));
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: set_identity(ctx, *column, con); break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            column->generated = make_expr(ctx.tree, con->raw_expr, ctx.expr_context(&table.columns));
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
            if (!last_key) ctx.fail(con->location, "constraint attribute without a constraint before it");
            if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE) last_key->deferrable = true;
            if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE) last_key->deferrable = false;
            if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED) last_key->initdeferred = true;
            if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE) last_key->initdeferred = false;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            last_key = con;
            keys.push_back(con);
            break;
        default:
            ctx.fail(con->location, "this column constraint is not supported");
        }
    }
    for (auto* con : keys) add_table_constraint(ctx, table, con, def->colname);
}

} // namespace pgshape::parser
