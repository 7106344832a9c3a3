#pragma once
// Row-level security: a table's RLS flags and replica identity live on the
// table (schema_model.hpp); policies are objects of their own, keyed by
// (table, name) like triggers.
#include <optional>
#include <string>
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/names.hpp"

namespace pgshape::model {

// The command a policy applies to (pg_policy.polcmd).
enum class PolicyCommand { all, select, insert, update, delete_ };

struct PolicyKey {
    QualifiedName table;
    std::string name;
    auto operator<=>(const PolicyKey&) const = default;
};

struct Policy {
    QualifiedName table;
    std::string name;
    bool permissive = true;  // AS PERMISSIVE (the default) or AS RESTRICTIVE
    PolicyCommand command = PolicyCommand::all;
    // Role names, sorted and unique; empty means PUBLIC (as pg_policy's {0}).
    std::vector<std::string> roles;
    std::optional<Expr> using_expr;
    std::optional<Expr> with_check;
    Comment comment;
    // Read from the two expressions, for ordering: the names of the table's
    // columns they mention and the functions they call (qualified as
    // written, `public` when bare). Derived, so never a difference alone.
    std::vector<std::string> columns;
    std::vector<QualifiedName> calls;

    PolicyKey key() const { return {table, name}; }
    bool operator==(const Policy& o) const {
        return table == o.table && name == o.name && permissive == o.permissive && command == o.command &&
               roles == o.roles && using_expr == o.using_expr && with_check == o.with_check && comment == o.comment;
    }
};

const char* policy_command_sql(PolicyCommand command);  // "ALL", "SELECT", ...

// ALTER TABLE ... REPLICA IDENTITY (pg_class.relreplident).
enum class ReplicaIdentity { default_, full, nothing, index };

} // namespace pgshape::model
