// What a partition may say about itself inside PARTITION OF t (...): its
// own constraints, and per column a default and NOT NULL over its parent's
// (`c WITH OPTIONS DEFAULT 0 NOT NULL`). The catalog side writes a
// partition's differences from its parent the same way.
#include <algorithm>

#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

void check_column_options(const StatementContext& ctx, const model::Table& table, const PgQuery__ColumnDef* def) {
    const auto* column = table.find_column(def->colname);
    if (!column)
        ctx.fail(def->location, fmt::format("column {} of table {} is not defined", def->colname,
                                            model::display(table.partition_of->parent)),
                 "a partition's columns are its parent's");
    if (def->coll_clause)
        ctx.fail(def->coll_clause->location, "COLLATE on a partition's column is not supported: partitions take their parent's columns",
                 "leave out COLLATE: the parent's collation applies");
    for (std::size_t i = 0; i < def->n_constraints; ++i) {
        const auto* con = def->constraints[i]->constraint;
        switch (con->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
            if (column->not_null)
                ctx.fail(con->location, fmt::format("column {} is NOT NULL in {}: a partition cannot make it nullable",
                                                    def->colname, model::display(table.partition_of->parent)));
            break;
        default:
            ctx.fail(con->location, "this column option is not supported on a partition",
                     "a partition's column may set DEFAULT, NOT NULL and constraints; identity and generation are its parent's");
        }
    }
}

// Applies one `c WITH OPTIONS ...` and records what the partition set itself.
void apply_column_options(StatementContext& ctx, model::Table& table, PgQuery__ColumnDef* def) {
    check_column_options(ctx, table, def);
    apply_column_constraints(ctx, table, def);
    auto& own = ctx.builder.partition_column_options[{table.name, def->colname}];
    const auto* column = table.find_column(def->colname);
    for (std::size_t i = 0; i < def->n_constraints; ++i) {
        const auto type = def->constraints[i]->constraint->contype;
        if (type == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) own.default_value = column->default_value;
        if (type == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) own.not_null = true;
    }
}

} // namespace

void add_partition_elements_later(StatementContext& ctx, const model::QualifiedName& name, PgQuery__CreateStmt* stmt) {
    // Runs after resolve_partition_later (deferred checks run in order), so
    // the partition has its parent's columns by then.
    ctx.builder.defer(ctx.here(), [ctx, name, stmt]() mutable {
        auto& table = ctx.builder.model.tables.at(name);
        for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
            Node* elt = stmt->table_elts[i];
            if (elt->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) apply_column_options(ctx, table, elt->column_def);
            else if (elt->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
                ctx.fail(-1, "only constraints and column options may be written inside PARTITION OF (...)");
        }
        for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
            Node* elt = stmt->table_elts[i];
            if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) add_table_constraint(ctx, table, elt->constraint, "");
        }
    });
}

void sync_partition_columns(Builder& builder) {
    auto& m = builder.model;
    for (auto& [name, table] : m.tables) {
        if (!table.partition_of) continue;
        auto parent = m.tables.find(table.partition_of->parent);
        if (parent == m.tables.end() || parent->second.partition_of) continue;  // no sub-partitioning
        // The partition's own primary key makes its columns NOT NULL.
        std::vector<std::string> key;
        for (auto it = m.constraints.lower_bound({name, ""}); it != m.constraints.end() && it->first.table == name; ++it)
            if (it->second.type == model::ConstraintType::primary_key) key = it->second.columns;
        std::vector<model::Column> columns;
        for (auto column : parent->second.columns) {
            const auto* before = table.find_column(column.name);
            column.comment = before ? before->comment : std::nullopt;
            auto own = builder.partition_column_options.find({name, column.name});
            if (own != builder.partition_column_options.end() && own->second.default_value)
                column.default_value = *own->second.default_value;
            column.not_null = column.not_null || (own != builder.partition_column_options.end() && own->second.not_null) ||
                              std::find(key.begin(), key.end(), column.name) != key.end();
            columns.push_back(std::move(column));
        }
        table.columns = std::move(columns);
    }
}

void fold_partition_check_copies(Builder& builder) {
    auto& m = builder.model;
    for (const auto& [name, table] : m.tables) {
        if (!table.partition_of) continue;
        const auto& parent = table.partition_of->parent;
        for (auto it = m.constraints.lower_bound({name, ""}); it != m.constraints.end() && it->first.table == name;) {
            const auto& own = it->second;
            auto theirs = own.type == model::ConstraintType::check ? m.constraints.find({parent, own.name}) : m.constraints.end();
            if (theirs == m.constraints.end() || theirs->second.type != model::ConstraintType::check) {
                ++it;
                continue;
            }
            if (theirs->second.check != own.check) {
                const auto since = builder.partition_since.find(name);
                builder.fail(since == builder.partition_since.end() ? Location{} : since->second,
                             fmt::format("partition {} has check {} with another expression than its parent {}'s",
                                         model::display(name), own.name, model::display(parent)),
                             "PostgreSQL refuses such a partition: give the partition's check another name, or its parent's expression");
            }
            // A valid copy of a NOT VALID check (a partition's own CHECK in
            // its CREATE TABLE is always valid, as pg_dump writes it).
            if (!theirs->second.valid && own.valid) theirs->second.valid_copies.insert(name);
            it = m.constraints.erase(it);
        }
    }
}

} // namespace pgshape::parser
