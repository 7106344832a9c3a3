// ALTER TABLE subcommands that set a property of the table itself: row-level
// security flags, the replica identity, CLUSTER ON, and a column's
// statistics target.
#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

constexpr const char* k_help = "name a unique, non-partial index, primary key or unique constraint of the table";

// The index `index` names: an index of `table`, or the index of one of its
// primary keys or unique constraints (`key`, set then).
struct NamedIndex {
    const model::Index* index = nullptr;
    const model::Constraint* key = nullptr;
};

NamedIndex find_index(const Builder& builder, const model::QualifiedName& table, const std::string& index, Location where,
                      const char* help) {
    auto con = builder.model.constraints.find({table, index});
    if (con != builder.model.constraints.end() && con->second.is_key())
        return {nullptr, &con->second};
    auto it = builder.model.indexes.find({table.schema, index});
    if (it == builder.model.indexes.end() || it->second.table != table)
        builder.fail(where, fmt::format("index {} of table {} is not defined", index, model::display(table)), help);
    return {&it->second, nullptr};
}

// CLUSTER ON names an index of the table; checked once every file is read.
void check_cluster_index_later(StatementContext& ctx, const model::QualifiedName& table) {
    auto& builder = ctx.builder;
    const Location where = ctx.here();
    builder.defer(where, [&builder, table, where] {
        const std::string& index = builder.model.tables.at(table).cluster_index;
        if (index.empty()) return;  // SET WITHOUT CLUSTER came after
        const auto named = find_index(builder, table, index, where,
                                      "name an index, primary key or unique constraint of the table");
        if (named.index && named.index->where)
            builder.fail(where, fmt::format("cannot cluster on partial index {}", named.index->name.name));
    });
}

// ALTER COLUMN c SET STATISTICS n: -1 (the default) to 10000.
void set_statistics(StatementContext& ctx, model::Table& table, PgQuery__AlterTableCmd* cmd) {
    if (table.partition_of)
        ctx.fail(-1, "SET STATISTICS on a partition is not supported yet", "set it on the partitioned table");
    if (!cmd->name || !cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_INTEGER)
        ctx.fail(-1, "SET STATISTICS needs a column name and an integer");
    const int target = cmd->def->integer->ival;
    if (target < -1 || target > 10000)
        ctx.fail(-1, fmt::format("statistics target {} is out of range (-1 to 10000)", target),
                 "use 0 to 10000, or -1 for the server default (default_statistics_target)");
    for (auto& c : table.columns)
        if (c.name == cmd->name) {
            c.statistics = target;
            return;
        }
    ctx.fail(-1, fmt::format("column {} of table {} is not defined", cmd->name, model::display(table.name)));
}

// USING INDEX names an index of the table, or the index of one of its
// primary keys or unique constraints, which PostgreSQL can use as a replica
// identity: unique, not partial, not deferrable. Checked once every file is
// read (the index may come later).
void check_replica_index_later(StatementContext& ctx, const model::QualifiedName& table) {
    auto& builder = ctx.builder;
    const Location where = ctx.here();
    builder.defer(where, [&builder, table, where] {
        const std::string& index = builder.model.tables.at(table).replica_index;
        const auto named = find_index(builder, table, index, where, k_help);
        if (named.key && named.key->deferrable)
            builder.fail(where, fmt::format("cannot use deferrable constraint {} as replica identity", index), k_help);
        if (named.index && !named.index->unique)
            builder.fail(where, fmt::format("cannot use non-unique index {} as replica identity", index), k_help);
        if (named.index && named.index->where)
            builder.fail(where, fmt::format("cannot use partial index {} as replica identity", index), k_help);
    });
}

} // namespace

bool apply_table_property(StatementContext& ctx, model::Table& table, PgQuery__AlterTableCmd* cmd) {
    switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity: table.row_security = true; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity: table.row_security = false; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity: table.force_row_security = true; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity: table.force_row_security = false; return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics: set_statistics(ctx, table, cmd); return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        table.cluster_index = cmd->name;
        check_cluster_index_later(ctx, table.name);
        return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster: table.cluster_index.clear(); return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity: {
        const auto* stmt = cmd->def->replica_identity_stmt;
        table.replica_index.clear();
        switch (stmt->identity_type[0]) {
        case 'f': table.replica_identity = model::ReplicaIdentity::full; break;
        case 'n': table.replica_identity = model::ReplicaIdentity::nothing; break;
        case 'i':
            table.replica_identity = model::ReplicaIdentity::index;
            table.replica_index = stmt->name;
            check_replica_index_later(ctx, table.name);
            break;
        default: table.replica_identity = model::ReplicaIdentity::default_; break;
        }
        return true;
    }
    default:
        return false;
    }
}

} // namespace pgshape::parser
