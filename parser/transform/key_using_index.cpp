// ALTER TABLE t ADD [CONSTRAINT c] PRIMARY KEY|UNIQUE USING INDEX i (pg_dump
// and hand-written migrations): PostgreSQL turns the unique index into the
// constraint's own index, renamed to the constraint's name. The model keeps
// the constraint only, as the catalog shows it.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "engine/model/partition_copies.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// The conditions PostgreSQL puts on the index (index_check_primary_key and
// transformIndexConstraint), said before apply time.
void check_index(const StatementContext& ctx, int location, const model::Index& index, const model::QualifiedName& table) {
    const std::string name = model::display(index.name);
    auto refuse = [&](const std::string& why) {
        ctx.fail(location, fmt::format("index {} cannot become a constraint: {}", name, why),
                 "USING INDEX takes a unique btree index on plain columns of the table, in default order, without WHERE");
    };
    if (index.table != table) refuse(fmt::format("it is on {}, not {}", model::display(index.table), model::display(table)));
    if (!index.unique) refuse("it is not unique");
    if (index.method != "btree") refuse("it is not a btree index");
    if (index.where) refuse("it is a partial index");
    for (const auto& e : index.elems) {
        if (e.expr) refuse("it has an expression column");
        if (e.order != model::SortOrder::asc || e.nulls_first) refuse("it has non-default sort order");
        if (!e.collation.empty() || !e.opclass.empty()) refuse("it names a collation or operator class");
    }
}

// The index PostgreSQL made on partition `table` for an index of its
// parent, if it is named `name` (the model leaves such copies out).
std::optional<model::Index> copy_named(const model::SchemaModel& m, const model::QualifiedName& table,
                                       const model::QualifiedName& name) {
    const auto t = m.tables.find(table);
    if (t == m.tables.end() || !t->second.partition_of) return std::nullopt;
    for (auto& copy : model::partition_copies(m, table).indexes)
        if (copy.name == name) return copy;
    return std::nullopt;
}

} // namespace

void add_key_using_index_later(StatementContext& ctx, const model::QualifiedName& table, PgQuery__Constraint* con,
                               model::Constraint key) {
    // Every CREATE INDEX is read by the end of the keys pass, whatever the file order.
    ctx.builder.defer(ctx.at(con->location), [ctx, table, con, key]() mutable {
        auto& builder = ctx.builder;
        const model::QualifiedName index_name{table.schema, con->indexname};
        auto it = builder.model.indexes.find(index_name);
        model::Index index;
        if (it != builder.model.indexes.end()) {
            index = it->second;
            builder.model.indexes.erase(it);
        } else if (const auto copy = copy_named(builder.model, table, index_name)) {
            // The partition's copy of its parent's index, which PostgreSQL
            // made and named: the key takes it over, attached as it was.
            index = *copy;
            key.attached_to = copy->attached_to;
        } else {
            ctx.fail(con->location, fmt::format("index {} is not defined", model::display(index_name)),
                     "define it with CREATE UNIQUE INDEX in one of the schema files");
        }
        check_index(ctx, con->location, index, table);
        const bool primary = key.type == model::ConstraintType::primary_key;
        key.columns.clear();
        for (const auto& e : index.elems) key.columns.push_back(e.column);
        key.include = index.include;
        key.nulls_not_distinct = index.nulls_not_distinct;
        builder.indexes_taken_by_keys[index_name] = {table, key.name.empty() ? index_name.name : key.name};
        // The index takes the constraint's name: its own name is free again.
        if (key.name.empty()) {
            key.name = index_name.name;
        } else if (key.name != index_name.name) {
            builder.release_relation_name(table.schema, index_name.name);
            builder.claim_relation_name(table.schema, key.name, ctx.at(con->location));
        }
        auto& t = builder.model.tables.at(table);
        if (primary)
            for (auto c = builder.model.constraints.lower_bound({table, ""});
                 c != builder.model.constraints.end() && c->first.table == table; ++c)
                if (c->second.type == model::ConstraintType::primary_key)
                    ctx.fail(con->location, fmt::format("table {} has more than one primary key", model::display(table)));
        if (builder.model.constraints.count(key.key()))
            ctx.fail(con->location, fmt::format("constraint \"{}\" is defined twice on table {}", key.name,
                                                model::display(table)));
        if (primary)
            for (auto& c : t.columns)
                if (std::find(key.columns.begin(), key.columns.end(), c.name) != key.columns.end()) c.not_null = true;
        builder.model.constraints.emplace(key.key(), std::move(key));
    });
}

} // namespace pgshape::parser
