#pragma once
// SQL for privileges, owners and default privileges (--privileges).
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan::ddl {

// "TABLE public.t", "FUNCTION public.f(integer)", "SCHEMA app".
std::string acl_object(const model::AclTarget& target);

// The REVOKE and GRANT statements that turn the privileges `from` of
// `target` into `to` (revokes first).
std::vector<std::string> acl_statements(const model::AclTarget& target, const model::Acl& from, const model::Acl& to);

// ALTER TABLE | VIEW | ... name OWNER TO role (the relation's kind from `m`).
std::string owner_statement(const model::SchemaModel& m, const model::AclTarget& target, const std::string& role);

// ALTER DEFAULT PRIVILEGES ... statements turning `from` into `to`.
std::vector<std::string> default_acl_statements(const model::DefaultAclKey& key, const model::Acl& from,
                                                const model::Acl& to);

// The privilege targets of `m` that belong to the object a plan step is
// about (a table's or view's columns included), and its owner's target.
std::vector<model::AclTarget> acl_targets_of(const model::SchemaModel& m, const model::ObjectKey& key);

// What `m` says about an object just created: its owner, then its
// privileges from PostgreSQL's defaults to the model's.
std::vector<std::string> created_object_privileges(const model::SchemaModel& m, const model::ObjectKey& key);

// Everything privileges in `m`, for `inspect`: owners, privileges, default
// privileges.
std::vector<std::string> model_privileges(const model::SchemaModel& m);

} // namespace pgshape::plan::ddl
