#pragma once
// Privileges, owners and default privileges: managed only when asked for
// (`--privileges`), since many teams manage them elsewhere.
//
// An object's privileges are held as the set of (grantee, privilege, grant
// option) entries it has beyond what PostgreSQL gives it by default, the
// way pg_dump compares an ACL with acldefault(): the owner's own privileges
// are left out (they are implied), and a function's EXECUTE and a type's
// USAGE for PUBLIC are in the set unless revoked. An object whose set is
// the default has no entry in `SchemaModel::privileges`, whether its
// catalog ACL is NULL or spelled out, so a file that says nothing about an
// object's privileges equals a database where nobody changed them.
#include <compare>
#include <set>
#include <string>

#include "engine/model/names.hpp"

namespace pgshape::model {

// Whether privileges, owners and default privileges are read into the
// model (--privileges) or set aside.
enum class Privileges { ignore, manage };

// What GRANT ... ON names: the keyword it takes, and which privileges ALL
// stands for.
enum class AclKind { schema, table, sequence, function, procedure, type };

// An object (or a column of a table or view) privileges are granted on.
// For routines `name` is "f(integer, text)", as in a plan step's key.
struct AclTarget {
    AclKind kind{};
    std::string schema;  // for schemas: the schema's name
    std::string name;    // empty for schemas
    std::string column;  // a column grant (tables, views)
    auto operator<=>(const AclTarget&) const = default;
};

struct AclEntry {
    std::string grantee;    // a role's name, or PUBLIC
    std::string privilege;  // SELECT, INSERT, ..., USAGE, CREATE, EXECUTE
    bool grant_option = false;
    auto operator<=>(const AclEntry&) const = default;
};

using Acl = std::set<AclEntry>;

// What ALTER DEFAULT PRIVILEGES FOR ROLE role [IN SCHEMA schema] ... ON
// objects sets: the privileges objects of that kind get when `role`
// creates them (in `schema`, or anywhere when schema is empty).
enum class DefaultAclObjects { tables, sequences, functions, types, schemas };

struct DefaultAclKey {
    std::string role;
    std::string schema;
    DefaultAclObjects objects{};
    auto operator<=>(const DefaultAclKey&) const = default;
};

// SQL words: "TABLE", "SEQUENCE", ...; "TABLES", "SEQUENCES", ...
const char* acl_kind_word(AclKind kind);
const char* default_objects_word(DefaultAclObjects objects);
// The privileges ALL stands for on a kind (on a column when `column`).
std::set<std::string> all_privileges(AclKind kind, bool column);
std::set<std::string> all_privileges(DefaultAclObjects objects);
// What PostgreSQL gives PUBLIC by default: EXECUTE on routines, USAGE on
// types and on schema public; nothing on the rest.
Acl default_acl(const AclTarget& target);
// The same for default privileges: the hard-wired defaults apply to
// FOR ROLE entries without IN SCHEMA; IN SCHEMA entries only add.
Acl default_acl(const DefaultAclKey& key);

} // namespace pgshape::model
