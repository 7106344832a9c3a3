// ALTER ... OWNER TO (--privileges): the owner of a schema, table, view,
// materialized view, sequence, function, procedure or type. An object no
// file names an owner for keeps whatever owner it has.
#include <fmt/format.h>

#include "parser/transform/acl_edit.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

void set_owner(StatementContext& ctx, const model::AclTarget& target, const PgQuery__RoleSpec* role) {
    ctx.builder.model.owners[target] = role_name(ctx, role, "OWNER TO");
    if (ctx.builder.model.owners[target] == "PUBLIC") ctx.fail(role->location, "PUBLIC cannot own an object");
}

} // namespace

void transform_alter_owner(StatementContext& ctx, const PgQuery__AlterOwnerStmt* stmt) {
    const auto& m = ctx.builder.model;
    switch (stmt->object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const std::string schema(str_value(stmt->object));
        if (schema == "public")
            ctx.fail(-1, "the owner of schema public is not managed",
                     "PostgreSQL gives it to pg_database_owner; leave out ALTER SCHEMA public OWNER TO");
        if (!m.schemas.count(schema)) ctx.fail(-1, fmt::format("schema {} is not defined", schema));
        return set_owner(ctx, {model::AclKind::schema, schema, "", ""}, stmt->newowner);
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
        std::optional<model::RoutineKind> kind;
        if (stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION) kind = model::RoutineKind::function;
        if (stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE) kind = model::RoutineKind::procedure;
        const auto& fn = find_routine(ctx, stmt->object->object_with_args, kind, "ALTER ... OWNER TO");
        const auto acl_kind = fn.kind == model::RoutineKind::procedure ? model::AclKind::procedure : model::AclKind::function;
        return set_owner(ctx, {acl_kind, fn.name.schema, model::signature(fn.key()), ""}, stmt->newowner);
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
        const auto names = name_list(stmt->object->list->items, stmt->object->list->n_items);
        const model::QualifiedName name{names.size() >= 2 ? names[names.size() - 2] : "public", names.back()};
        if (!m.enums.count(name)) ctx.fail(-1, fmt::format("type {} is not defined", model::display(name)));
        return set_owner(ctx, {model::AclKind::type, name.schema, name.name, ""}, stmt->newowner);
    }
    default:
        ctx.fail(-1, "ALTER ... OWNER TO is supported for schemas, tables, views, sequences, functions, procedures and types",
                 "the owners of databases, languages, tablespaces and the like are not part of a schema");
    }
}

// ALTER TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE name OWNER TO role.
void transform_alter_table_owner(StatementContext& ctx, const PgQuery__AlterTableStmt* stmt) {
    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
        const auto* cmd = stmt->cmds[i]->alter_table_cmd;
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner) continue;
        const auto name = ctx.builder.name_of(stmt->relation);
        const auto& m = ctx.builder.model;
        model::AclTarget target{model::AclKind::table, name.schema, name.name, ""};
        if (auto seq = m.sequences.find(name); seq != m.sequences.end()) {
            // A sequence owned by a column belongs to its table's owner
            // (PostgreSQL refuses to change it apart): pg_dump's ALTER TABLE
            // seq OWNER TO says nothing more.
            if (seq->second.owned_by) continue;
            target.kind = model::AclKind::sequence;
        }
        else if (!m.tables.count(name) && !m.views.count(name))
            ctx.fail(stmt->relation->location, fmt::format("relation {} is not defined", model::display(name)));
        set_owner(ctx, target, cmd->newowner);
    }
}

} // namespace pgshape::parser
