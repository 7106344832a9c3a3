// GRANT and REVOKE on schemas, tables, views, their columns, sequences,
// functions, procedures and types (--privileges). Each object's privileges
// start from PostgreSQL's defaults and the statements apply in file order,
// as psql would run them; ALL ... IN SCHEMA means every such object the
// files define in that schema.
#include <fmt/format.h>

#include "parser/transform/acl_edit.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

using model::AclKind;
using model::AclTarget;

model::QualifiedName qualified(const std::vector<std::string>& names) {
    return {names.size() >= 2 ? names[names.size() - 2] : "public", names.back()};
}

// A table, view, materialized view or sequence named after TABLE or SEQUENCE.
AclTarget relation_target(StatementContext& ctx, const PgQuery__RangeVar* rv, PgQuery__ObjectType objtype) {
    const auto name = ctx.builder.name_of(rv);
    const auto& m = ctx.builder.model;
    if (m.sequences.count(name)) return {AclKind::sequence, name.schema, name.name, ""};
    if (objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE)
        ctx.fail(rv->location, fmt::format("sequence {} is not defined", model::display(name)));
    if (!m.tables.count(name) && !m.views.count(name))
        ctx.fail(rv->location, fmt::format("table or view {} is not defined", model::display(name)),
                 "define it in one of the schema files");
    return {AclKind::table, name.schema, name.name, ""};
}

AclTarget routine_target(StatementContext& ctx, const PgQuery__ObjectWithArgs* object, PgQuery__ObjectType objtype) {
    std::optional<model::RoutineKind> kind;
    if (objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION) kind = model::RoutineKind::function;
    if (objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE) kind = model::RoutineKind::procedure;
    const auto& fn = find_routine(ctx, object, kind, "GRANT ON");
    return {fn.kind == model::RoutineKind::procedure ? AclKind::procedure : AclKind::function, fn.name.schema,
            model::signature(fn.key()), ""};
}

bool schema_defined(const model::SchemaModel& m, const std::string& schema) {
    return schema == "public" || m.schemas.count(schema) > 0;
}

std::vector<AclTarget> object_targets(StatementContext& ctx, const PgQuery__GrantStmt* stmt) {
    std::vector<AclTarget> out;
    const auto& m = ctx.builder.model;
    for (std::size_t i = 0; i < stmt->n_objects; ++i) {
        Node* object = stmt->objects[i];
        switch (stmt->objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            out.push_back(relation_target(ctx, object->range_var, stmt->objtype));
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
            out.push_back(routine_target(ctx, object->object_with_args, stmt->objtype));
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
            const std::string schema(str_value(object));
            if (!schema_defined(m, schema)) ctx.fail(-1, fmt::format("schema {} is not defined", schema));
            out.push_back({AclKind::schema, schema, "", ""});
            break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            const auto name = qualified(name_list(object->list->items, object->list->n_items));
            if (!m.enums.count(name)) ctx.fail(-1, fmt::format("type {} is not defined", model::display(name)));
            out.push_back({AclKind::type, name.schema, name.name, ""});
            break;
        }
        default:
            ctx.fail(-1, "GRANT and REVOKE are supported on schemas, tables, views, sequences, functions, "
                         "procedures and types",
                     "privileges on databases, languages, tablespaces and the like are not part of a schema");
        }
    }
    return out;
}

// GRANT ... ON ALL TABLES | SEQUENCES | FUNCTIONS | PROCEDURES | ROUTINES IN SCHEMA s.
std::vector<AclTarget> all_in_schema(StatementContext& ctx, const PgQuery__GrantStmt* stmt) {
    std::vector<AclTarget> out;
    const auto& m = ctx.builder.model;
    for (std::size_t i = 0; i < stmt->n_objects; ++i) {
        const std::string schema(str_value(stmt->objects[i]));
        if (!schema_defined(m, schema)) ctx.fail(-1, fmt::format("schema {} is not defined", schema));
        switch (stmt->objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            for (const auto& [name, t] : m.tables)
                if (name.schema == schema) out.push_back({AclKind::table, schema, name.name, ""});
            for (const auto& [name, v] : m.views)
                if (name.schema == schema) out.push_back({AclKind::table, schema, name.name, ""});
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            for (const auto& [name, s] : m.sequences)
                if (name.schema == schema) out.push_back({AclKind::sequence, schema, name.name, ""});
            break;
        default:
            for (const auto& [key, fn] : m.functions) {
                if (key.name.schema != schema) continue;
                const bool procedure = fn.kind == model::RoutineKind::procedure;
                if ((stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION && procedure) ||
                    (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE && !procedure))
                    continue;
                out.push_back({procedure ? AclKind::procedure : AclKind::function, schema, model::signature(key), ""});
            }
        }
    }
    return out;
}

bool has_column(const model::SchemaModel& m, const AclTarget& t, const std::string& column) {
    const model::QualifiedName name{t.schema, t.name};
    if (auto it = m.tables.find(name); it != m.tables.end()) return it->second.find_column(column) != nullptr;
    if (auto it = m.views.find(name); it != m.views.end())
        for (const auto& c : it->second.columns)
            if (c.name == column) return true;
    return false;
}

} // namespace

void transform_grant(StatementContext& ctx, const PgQuery__GrantStmt* stmt) {
    auto& m = ctx.builder.model;
    const auto targets = stmt->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA
                             ? all_in_schema(ctx, stmt)
                             : object_targets(ctx, stmt);
    const auto edit = acl_edit_of(ctx, stmt);
    auto edit_acl = [&](const AclTarget& target, const std::set<std::string>& privileges) {
        auto it = m.privileges.find(target);
        if (it == m.privileges.end()) it = m.privileges.emplace(target, model::default_acl(target)).first;
        apply_edit(it->second, edit, privileges);
    };
    for (const auto& target : targets) {
        const char* word = model::acl_kind_word(target.kind);
        if (stmt->n_privileges == 0) edit_acl(target, model::all_privileges(target.kind, false));
        for (std::size_t i = 0; i < stmt->n_privileges; ++i) {
            const auto* priv = stmt->privileges[i]->access_priv;
            if (priv->n_cols == 0) {
                edit_acl(target, named_privileges(ctx, priv, model::all_privileges(target.kind, false), word));
                continue;
            }
            if (target.kind != AclKind::table) ctx.fail(-1, "column privileges are only for tables and views");
            const auto privileges = named_privileges(ctx, priv, model::all_privileges(target.kind, true), "a column");
            for (const auto& column : name_list(priv->cols, priv->n_cols)) {
                if (!has_column(m, target, column))
                    ctx.fail(-1, fmt::format("column {} of {} is not defined", column,
                                             model::display(model::QualifiedName{target.schema, target.name})));
                edit_acl({target.kind, target.schema, target.name, column}, privileges);
            }
        }
    }
}

void transform_privilege_statement(StatementContext& ctx, Node* stmt) {
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_GRANT_STMT: return transform_grant(ctx, stmt->grant_stmt);
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: return transform_alter_owner(ctx, stmt->alter_owner_stmt);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: return transform_alter_table_owner(ctx, stmt->alter_table_stmt);
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
        return transform_default_privileges(ctx, stmt->alter_default_privileges_stmt);
    default: return;
    }
}

void drop_default_privileges(model::SchemaModel& m) {
    for (auto it = m.privileges.begin(); it != m.privileges.end();)
        it = it->second == model::default_acl(it->first) ? m.privileges.erase(it) : std::next(it);
    for (auto it = m.default_privileges.begin(); it != m.default_privileges.end();)
        it = it->second == model::default_acl(it->first) ? m.default_privileges.erase(it) : std::next(it);
}

} // namespace pgshape::parser
