// ALTER TABLE subcommands that set a property of the table itself: row-level
// security flags and the replica identity.
#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

constexpr const char* k_help = "name a unique, non-partial index, primary key or unique constraint of the table";

// USING INDEX names an index of the table, or the index of one of its
// primary keys or unique constraints, which PostgreSQL can use as a replica
// identity: unique, not partial, not deferrable. Checked once every file is
// read (the index may come later).
void check_replica_index_later(StatementContext& ctx, const model::QualifiedName& table) {
    auto& builder = ctx.builder;
    const Location where = ctx.here();
    builder.defer(where, [&builder, table, where] {
        const auto& t = builder.model.tables.at(table);
        const std::string& index = t.replica_index;
        auto con = builder.model.constraints.find({table, index});
        if (con != builder.model.constraints.end() &&
            (con->second.type == model::ConstraintType::primary_key || con->second.type == model::ConstraintType::unique)) {
            if (con->second.deferrable)
                builder.fail(where, fmt::format("cannot use deferrable constraint {} as replica identity", index), k_help);
            return;
        }
        auto it = builder.model.indexes.find({table.schema, index});
        if (it == builder.model.indexes.end() || it->second.table != table)
            builder.fail(where, fmt::format("index {} of table {} is not defined", index, model::display(table)),
                         k_help);
        if (!it->second.unique)
            builder.fail(where, fmt::format("cannot use non-unique index {} as replica identity", index), k_help);
        if (it->second.where)
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
