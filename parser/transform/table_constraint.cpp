#include <set>

#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// A table's constraints are adjacent in the map (keys sort by table first):
// look only at them, never at every constraint of the schema.
const model::Constraint* primary_key_of(const model::SchemaModel& m, const model::QualifiedName& table) {
    for (auto it = m.constraints.lower_bound({table, ""}); it != m.constraints.end() && it->first.table == table; ++it)
        if (it->second.type == model::ConstraintType::primary_key) return &it->second;
    return nullptr;
}

model::FkAction fk_action(const char* code) {
    switch (code && *code ? *code : 'a') {
    case 'r': return model::FkAction::restrict;
    case 'c': return model::FkAction::cascade;
    case 'n': return model::FkAction::set_null;
    case 'd': return model::FkAction::set_default;
    default: return model::FkAction::no_action;
    }
}

model::FkMatch fk_match(const char* code) {
    switch (code && *code ? *code : 's') {
    case 'f': return model::FkMatch::full;
    case 'p': return model::FkMatch::partial;
    default: return model::FkMatch::simple;
    }
}

// Distinct column names an expression mentions, in order of appearance.
std::vector<std::string> referenced_columns(Node* expr) {
    std::vector<std::string> out;
    for_each_node(&expr->base, [&](Node* node) {
        if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
        const auto* ref = node->column_ref;
        const std::string name(str_value(ref->fields[ref->n_fields - 1]));
        if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    });
    return out;
}

void require_columns(StatementContext& ctx, const model::Table& table, const std::vector<std::string>& columns,
                     int location) {
    for (const auto& c : columns)
        if (!table.find_column(c))
            ctx.fail(location, fmt::format("column {} of table {} is not defined", c, model::display(table.name)));
}

// FK targets are checked once all files are loaded; a missing column list
// means the referenced table's primary key.
void defer_foreign_key_check(StatementContext& ctx, model::ConstraintKey key, int location) {
    auto& builder = ctx.builder;
    const Location where = ctx.at(location);
    builder.defer(where, [&builder, key, where] {
        auto& con = builder.model.constraints.at(key);
        const auto& target = builder.table(con.ref_table, where);
        if (con.ref_columns.empty()) {
            if (const auto* pk = primary_key_of(builder.model, con.ref_table)) con.ref_columns = pk->columns;
            if (con.ref_columns.empty())
                builder.fail(where, fmt::format("table {} has no primary key to reference", model::display(con.ref_table)),
                             "name the referenced columns: REFERENCES table (column, ...)");
        }
        for (const auto& c : con.ref_columns)
            if (!target.find_column(c))
                builder.fail(where, fmt::format("column {} of table {} is not defined", c, model::display(con.ref_table)));
        if (con.ref_columns.size() != con.columns.size())
            builder.fail(where, "foreign key has a different number of referencing and referenced columns");
    });
}

// PostgreSQL names a key's index after its key and INCLUDE columns.
std::vector<std::string> index_name_columns(const model::Constraint& c) {
    auto out = c.columns;
    out.insert(out.end(), c.include.begin(), c.include.end());
    return out;
}

} // namespace

void add_table_constraint(StatementContext& ctx, model::Table& table, PgQuery__Constraint* con,
                          const std::string& column_if_inline, ConstraintSource source) {
    model::Constraint out;
    out.table = table.name;
    out.name = con->conname ? con->conname : "";
    out.deferrable = con->deferrable;
    out.initially_deferred = con->initdeferred;
    out.valid = source == ConstraintSource::create_table || !con->skip_validation;
    auto& builder = ctx.builder;
    switch (con->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
        const bool primary = con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
        out.type = primary ? model::ConstraintType::primary_key : model::ConstraintType::unique;
        out.columns = con->n_keys ? name_list(con->keys, con->n_keys) : std::vector<std::string>{column_if_inline};
        out.include = name_list(con->including, con->n_including);
        out.nulls_not_distinct = con->nulls_not_distinct;
        if (con->indexname && *con->indexname) return add_key_using_index_later(ctx, table.name, con, std::move(out));
        require_columns(ctx, table, out.columns, con->location);
        require_columns(ctx, table, out.include, con->location);
        const bool named = !out.name.empty();
        const KeyFold fold = fold_redundant_key(ctx, table, out);
        if (fold == KeyFold::folded) return;
        if (primary)
            for (auto& c : table.columns)
                if (std::find(out.columns.begin(), out.columns.end(), c.name) != out.columns.end()) c.not_null = true;
        if (out.name.empty())
            out.name = primary ? builder.choose_relation_name(table.name.schema, table.name.name, "", "pkey", ctx.at(con->location))
                               : builder.choose_relation_name(table.name.schema, table.name.name,
                                                              join_names(index_name_columns(out), '_'), "key", ctx.at(con->location));
        else if (fold != KeyFold::took_name)
            builder.claim_relation_name(table.name.schema, out.name, ctx.at(con->location));
        // The name is claimed above; add_constraint must not claim it again.
        const auto key = out.key();
        if (builder.model.constraints.count(key))
            ctx.fail(con->location, fmt::format("constraint \"{}\" is defined twice on table {}", out.name,
                                                model::display(table.name)));
        if (primary && primary_key_of(builder.model, table.name))
            ctx.fail(con->location, fmt::format("table {} has more than one primary key", model::display(table.name)));
        builder.model.constraints.emplace(key, std::move(out));
        record_key_statement(ctx, key, named || fold == KeyFold::took_name);
        return;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
        out.type = model::ConstraintType::foreign_key;
        out.columns = con->n_fk_attrs ? name_list(con->fk_attrs, con->n_fk_attrs)
                                      : std::vector<std::string>{column_if_inline};
        require_columns(ctx, table, out.columns, con->location);
        out.ref_table = builder.name_of(con->pktable);
        out.ref_columns = name_list(con->pk_attrs, con->n_pk_attrs);
        out.match = fk_match(con->fk_matchtype);
        out.on_delete = fk_action(con->fk_del_action);
        out.on_update = fk_action(con->fk_upd_action);
        if (con->n_fk_del_set_cols) ctx.fail(con->location, "ON DELETE SET NULL (columns) is not supported");
        if (out.name.empty()) out.name = builder.choose_constraint_name(table.name, join_names(out.columns, '_'), "fkey");
        const auto key = out.key();
        builder.add_constraint(std::move(out), ctx.at(con->location));
        defer_foreign_key_check(ctx, key, con->pktable->location);
        return;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
        out.type = model::ConstraintType::check;
        out.no_inherit = con->is_no_inherit;
        const auto columns = referenced_columns(con->raw_expr);
        require_columns(ctx, table, columns, con->location);
        if (out.name.empty())
            out.name = builder.choose_constraint_name(table.name, columns.size() == 1 ? columns[0] : "", "check");
        out.check = make_expr(ctx.tree, con->raw_expr, ctx.expr_context(&table.columns));
        if (!out.valid) builder.not_valid_checks_added[out.key()] = ctx.here();
        builder.add_constraint(std::move(out), ctx.at(con->location));
        return;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        return add_exclusion_constraint(ctx, table, con, std::move(out));
    default:
        ctx.fail(con->location, "this table constraint is not supported");
    }
}

} // namespace pgshape::parser
