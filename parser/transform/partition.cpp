// PARTITION BY and PARTITION OF: the key of a partitioned table, the bound
// of a partition, and the partition's columns (its parent's).
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// '2024-01-01', '2024-01-01 00:00:00' and '2024-01-01 00:00:00+00' are the
// same bound on a date or timestamp key; the catalog prints the long forms.
void shorten_midnight(Node* datum) {
    if (datum->node_case != PG_QUERY__NODE__NODE_A_CONST || datum->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
        return;
    static const std::regex midnight(R"(^(\d{4}-\d{2}-\d{2})(?: 00:00:00)?(?:\+00(?::00)?)?$)");
    std::cmatch m;
    char* text = datum->a_const->sval->sval;
    if (std::regex_match(text, m, midnight)) text[m.length(1)] = '\0';
}

// PostgreSQL stores a bound value as a constant of the key column's type and
// prints it in that type's form: on a text key `IN (1)` comes back as
// `IN ('1')`, on an integer key `IN ('1')` as `IN (1)`. A literal is
// therefore compared by its text, whether written quoted or not.
std::string literal_text(const Node* datum) {
    if (datum->node_case != PG_QUERY__NODE__NODE_A_CONST) return "";
    const auto* c = datum->a_const;
    switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL: return "lit:" + std::to_string(c->ival->ival);
    case PG_QUERY__A__CONST__VAL_FVAL: return std::string("lit:") + c->fval->fval;
    case PG_QUERY__A__CONST__VAL_SVAL: return std::string("lit:") + c->sval->sval;
    default: return "";
    }
}

std::string datum_list(StatementContext& ctx, Node* const* datums, std::size_t n, std::string& canon) {
    std::vector<std::pair<std::string, std::string>> items;  // canon, sql
    for (std::size_t i = 0; i < n; ++i) {
        shorten_midnight(datums[i]);
        std::string literal = literal_text(datums[i]);
        auto expr = make_expr(ctx.tree, datums[i], {});
        items.emplace_back(literal.empty() ? expr.canon : literal, expr.sql());
    }
    std::string sql;
    for (const auto& [c, s] : items) {
        sql += (sql.empty() ? "" : ", ") + s;
        canon += c + ";";
    }
    return sql;
}

} // namespace

model::PartitionKey partition_key(StatementContext& ctx, const model::Table& table, PgQuery__PartitionSpec* spec) {
    model::PartitionKey key;
    key.strategy = spec->strategy;
    std::transform(key.strategy.begin(), key.strategy.end(), key.strategy.begin(), ::tolower);
    for (std::size_t i = 0; i < spec->n_part_params; ++i) {
        const auto* elem = spec->part_params[i]->partition_elem;
        model::IndexElem out;
        if (elem->name && *elem->name) {
            out.column = elem->name;
            if (!table.find_column(out.column))
                ctx.fail(elem->location, fmt::format("column {} of table {} is not defined", out.column,
                                                     model::display(table.name)));
        } else {
            out.expr = make_expr(ctx.tree, elem->expr, ctx.expr_context(&table.columns));
        }
        if (elem->n_collation) out.collation = name_list(elem->collation, elem->n_collation).back();
        if (elem->n_opclass) out.opclass = name_list(elem->opclass, elem->n_opclass).back();
        key.elems.push_back(std::move(out));
    }
    return key;
}

model::PartitionBound partition_bound(StatementContext& ctx, const model::QualifiedName& parent,
                                      PgQuery__PartitionBoundSpec* spec) {
    model::PartitionBound bound;
    bound.parent = parent;
    const char strategy = spec->strategy && *spec->strategy ? spec->strategy[0] : '?';
    if (spec->is_default) {
        bound.sql = "DEFAULT";
        bound.canon = "default";
    } else if (strategy == 'h') {
        bound.sql = fmt::format("FOR VALUES WITH (MODULUS {}, REMAINDER {})", spec->modulus, spec->remainder);
        bound.canon = fmt::format("hash {} {}", spec->modulus, spec->remainder);
    } else if (strategy == 'l') {
        bound.canon = "list ";
        // PostgreSQL keeps the values in the order written (and pg_dump shows it): order counts.
        bound.sql = "FOR VALUES IN (" + datum_list(ctx, spec->listdatums, spec->n_listdatums, bound.canon) + ")";
    } else {
        bound.canon = "range ";
        const std::string from = datum_list(ctx, spec->lowerdatums, spec->n_lowerdatums, bound.canon);
        bound.canon += " to ";
        const std::string to = datum_list(ctx, spec->upperdatums, spec->n_upperdatums, bound.canon);
        bound.sql = "FOR VALUES FROM (" + from + ") TO (" + to + ")";
    }
    return bound;
}

void resolve_partition_later(StatementContext& ctx, const model::QualifiedName& name) {
    auto& builder = ctx.builder;
    const Location where = ctx.here();
    builder.defer(where, [&builder, name, where] {
        // Parents first: a partition may itself be partitioned.
        std::vector<model::Table*> chain;
        for (auto* t = &builder.model.tables.at(name); t->partition_of && t->columns.empty();) {
            chain.push_back(t);
            auto parent = builder.model.tables.find(t->partition_of->parent);
            if (parent == builder.model.tables.end())
                builder.fail(where, fmt::format("table {} is not defined", model::display(t->partition_of->parent)),
                             "define the partitioned table with CREATE TABLE ... PARTITION BY");
            if (!parent->second.partition_by)
                builder.fail(where, fmt::format("table {} is not partitioned", model::display(parent->first)),
                             "PARTITION OF needs a parent declared with PARTITION BY RANGE|LIST|HASH (...)");
            t = &parent->second;
            if (chain.size() > builder.model.tables.size()) builder.fail(where, "partitions form a cycle");
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const auto& parent = builder.model.tables.at((*it)->partition_of->parent);
            for (auto column : parent.columns) {
                column.comment.reset();
                (*it)->columns.push_back(std::move(column));
            }
        }
    });
}

void attach_partition(StatementContext& ctx, model::Table& parent, PgQuery__PartitionCmd* cmd) {
    auto& builder = ctx.builder;
    const auto name = builder.name_of(cmd->name);
    auto& table = builder.table(name, ctx.at(cmd->name->location));
    if (!parent.partition_by)
        ctx.fail(-1, fmt::format("table {} is not partitioned", model::display(parent.name)),
                 "ATTACH PARTITION needs a parent declared with PARTITION BY RANGE|LIST|HASH (...)");
    if (parent.partition_of || table.partition_by)
        ctx.fail(cmd->name->location, "sub-partitioned partitions are not supported yet");
    if (table.partition_of)
        ctx.fail(cmd->name->location, fmt::format("table {} is a partition of {} already", model::display(name),
                                                  model::display(table.partition_of->parent)));
    if (!cmd->bound) ctx.fail(cmd->name->location, "ATTACH PARTITION needs FOR VALUES ... or DEFAULT");
    table.partition_of = partition_bound(ctx, parent.name, cmd->bound);
    builder.partition_since[name] = ctx.here();
    // The table keeps its own defaults and NOT NULL; its columns become the
    // parent's (sync_partition_columns), which PostgreSQL requires them to be.
    for (const auto& column : table.columns) {
        if (!parent.find_column(column.name))
            ctx.fail(cmd->name->location, fmt::format("table {} has column {}, which {} has not", model::display(name),
                                                      column.name, model::display(parent.name)),
                     "a partition has exactly its parent's columns");
        auto& own = builder.partition_column_options[{name, column.name}];
        own.default_value = column.default_value;
        own.not_null = column.not_null;
    }
}

} // namespace pgshape::parser
