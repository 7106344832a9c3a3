#include "parser/transform/acl_edit.hpp"

#include <cctype>

#include <fmt/format.h>

namespace pgshape::parser {

std::string role_name(StatementContext& ctx, const PgQuery__RoleSpec* role, const char* where) {
    switch (role->roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING: return role->rolename;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC: return "PUBLIC";
    default:
        ctx.fail(role->location, fmt::format("CURRENT_USER, CURRENT_ROLE and SESSION_USER are not supported in {}", where),
                 "name the role: which one these mean depends on who applies the plan");
    }
}

std::vector<std::string> grantees_of(StatementContext& ctx, Node* const* grantees, std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(role_name(ctx, grantees[i]->role_spec, "GRANT and REVOKE"));
    return out;
}

AclEdit acl_edit_of(StatementContext& ctx, const PgQuery__GrantStmt* stmt) {
    AclEdit edit;
    edit.grant = stmt->is_grant;
    edit.grant_option = stmt->grant_option;
    edit.grantees = grantees_of(ctx, stmt->grantees, stmt->n_grantees);
    return edit;
}

std::set<std::string> named_privileges(StatementContext& ctx, const PgQuery__AccessPriv* priv,
                                       const std::set<std::string>& valid, const char* kind_word) {
    if (!priv || !priv->priv_name) return valid;  // ALL [PRIVILEGES]
    std::string name = priv->priv_name;
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!valid.count(name)) {
        std::string list;
        for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
        ctx.fail(-1, fmt::format("privilege {} is not valid for {}", name, kind_word), "valid: " + list);
    }
    return {name};
}

void apply_edit(model::Acl& acl, const AclEdit& edit, const std::set<std::string>& privileges) {
    for (const auto& grantee : edit.grantees) {
        for (const auto& privilege : privileges) {
            const model::AclEntry plain{grantee, privilege, false}, with_option{grantee, privilege, true};
            const bool had_option = acl.count(with_option) > 0;
            const bool had = had_option || acl.count(plain) > 0;
            acl.erase(plain);
            acl.erase(with_option);
            if (edit.grant) acl.insert(edit.grant_option || had_option ? with_option : plain);
            else if (edit.grant_option && had) acl.insert(plain);  // REVOKE GRANT OPTION FOR keeps the privilege
        }
    }
}

} // namespace pgshape::parser
