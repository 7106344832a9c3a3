#pragma once
// What GRANT, REVOKE and ALTER DEFAULT PRIVILEGES share: grantees, the
// privileges a statement names, and their effect on an ACL.
#include <set>
#include <string>
#include <vector>

#include "engine/model/privilege.hpp"
#include "parser/builder.hpp"

namespace pgshape::parser {

// A role named in a statement: its name, or PUBLIC. CURRENT_USER and the
// like are a located error: which role they mean depends on who applies.
std::string role_name(StatementContext& ctx, const PgQuery__RoleSpec* role, const char* where);
std::vector<std::string> grantees_of(StatementContext& ctx, Node* const* grantees, std::size_t n);

// One GRANT or REVOKE: who, and whether it is about the grant option
// (GRANT ... WITH GRANT OPTION, REVOKE GRANT OPTION FOR ...).
struct AclEdit {
    bool grant = true;
    bool grant_option = false;
    std::vector<std::string> grantees;
};
AclEdit acl_edit_of(StatementContext& ctx, const PgQuery__GrantStmt* stmt);

// "SELECT" for the AccessPriv `select`; the privileges ALL stands for when
// `priv` is null. A privilege the kind has not is a located error.
std::set<std::string> named_privileges(StatementContext& ctx, const PgQuery__AccessPriv* priv,
                                       const std::set<std::string>& valid, const char* kind_word);

// Applies the edit for `privileges` to `acl`.
void apply_edit(model::Acl& acl, const AclEdit& edit, const std::set<std::string>& privileges);

} // namespace pgshape::parser
