// ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] GRANT | REVOKE ... ON
// TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS (--privileges).
// They say what objects created later get; pgshape keeps them as values of
// their own and does not apply them to the objects of the files (whose
// privileges are their own GRANT statements), as pg_dump does.
#include <fmt/format.h>

#include "parser/transform/acl_edit.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

model::DefaultAclObjects objects_of(StatementContext& ctx, PgQuery__ObjectType type) {
    switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return model::DefaultAclObjects::tables;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return model::DefaultAclObjects::sequences;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:  // PostgreSQL keeps both as functions
        return model::DefaultAclObjects::functions;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return model::DefaultAclObjects::types;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return model::DefaultAclObjects::schemas;
    default: ctx.fail(-1, "ALTER DEFAULT PRIVILEGES ... ON this kind of object is not supported");
    }
}

} // namespace

void transform_default_privileges(StatementContext& ctx, const PgQuery__AlterDefaultPrivilegesStmt* stmt) {
    std::vector<std::string> roles, schemas;
    for (std::size_t i = 0; i < stmt->n_options; ++i) {
        const auto* def = stmt->options[i]->def_elem;
        const auto* list = def->arg->list;
        for (std::size_t k = 0; k < list->n_items; ++k) {
            if (std::string_view(def->defname) == "roles")
                roles.push_back(role_name(ctx, list->items[k]->role_spec, "ALTER DEFAULT PRIVILEGES"));
            else
                schemas.emplace_back(str_value(list->items[k]));
        }
    }
    if (roles.empty())
        ctx.fail(-1, "ALTER DEFAULT PRIVILEGES needs FOR ROLE with --privileges",
                 "without it the defaults are those of the role that applies the file, which pgshape cannot know: "
                 "name the role (FOR ROLE name)");
    if (schemas.empty()) schemas.emplace_back();
    const auto* action = stmt->action;
    const auto objects = objects_of(ctx, action->objtype);
    if (objects == model::DefaultAclObjects::schemas && !schemas.front().empty())
        ctx.fail(-1, "ALTER DEFAULT PRIVILEGES IN SCHEMA cannot be about schemas");
    for (const auto& schema : schemas)
        if (!schema.empty()) ctx.builder.require_schema(schema, ctx.here());
    const auto edit = acl_edit_of(ctx, action);
    const auto valid = model::all_privileges(objects);
    std::set<std::string> privileges;
    if (action->n_privileges == 0) privileges = valid;
    for (std::size_t i = 0; i < action->n_privileges; ++i) {
        const auto named = named_privileges(ctx, action->privileges[i]->access_priv, valid,
                                            model::default_objects_word(objects));
        privileges.insert(named.begin(), named.end());
    }
    auto& m = ctx.builder.model;
    for (const auto& role : roles) {
        for (const auto& schema : schemas) {
            const model::DefaultAclKey key{role, schema, objects};
            auto it = m.default_privileges.find(key);
            if (it == m.default_privileges.end()) it = m.default_privileges.emplace(key, model::default_acl(key)).first;
            apply_edit(it->second, edit, privileges);
        }
    }
}

} // namespace pgshape::parser
