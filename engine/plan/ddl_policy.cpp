#include "engine/plan/ddl_policy.hpp"

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"

namespace pgshape::plan::ddl {

using model::quote_ident;
using model::quote_name;

std::string policy_target(const model::Policy& p) { return "POLICY " + quote_ident(p.name) + " ON " + quote_name(p.table); }

std::string policy_roles(const model::Policy& p) {
    if (p.roles.empty()) return "PUBLIC";
    std::string out;
    for (const auto& r : p.roles) out += (out.empty() ? "" : ", ") + quote_ident(r);
    return out;
}

// Only what differs from the defaults (PERMISSIVE, FOR ALL, TO PUBLIC).
std::string create_policy(const model::Policy& p) {
    std::string out = "CREATE " + policy_target(p);
    if (!p.permissive) out += " AS RESTRICTIVE";
    if (p.command != model::PolicyCommand::all) out += std::string(" FOR ") + model::policy_command_sql(p.command);
    if (!p.roles.empty()) out += " TO " + policy_roles(p);
    if (p.using_expr) out += " USING (" + p.using_expr->sql() + ")";
    if (p.with_check) out += " WITH CHECK (" + p.with_check->sql() + ")";
    return out;
}

std::string drop_policy(const model::Policy& p) { return "DROP " + policy_target(p); }

std::vector<std::string> create_policy_statements(const model::Policy& p) {
    std::vector<std::string> out{create_policy(p)};
    if (p.comment) out.push_back(comment_on(policy_target(p), p.comment));
    return out;
}

std::string row_security(const model::Table& t) {
    return "ALTER TABLE " + quote_name(t.name) + (t.row_security ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY";
}

std::string force_row_security(const model::Table& t) {
    return "ALTER TABLE " + quote_name(t.name) + (t.force_row_security ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY";
}

std::string replica_identity(const model::Table& t) {
    std::string out = "ALTER TABLE " + quote_name(t.name) + " REPLICA IDENTITY ";
    switch (t.replica_identity) {
    case model::ReplicaIdentity::full: return out + "FULL";
    case model::ReplicaIdentity::nothing: return out + "NOTHING";
    case model::ReplicaIdentity::index: return out + "USING INDEX " + quote_ident(t.replica_index);
    case model::ReplicaIdentity::default_: break;
    }
    return out + "DEFAULT";
}

std::string cluster_on(const model::Table& t) {
    return "ALTER TABLE " + quote_name(t.name) +
           (t.cluster_index.empty() ? std::string(" SET WITHOUT CLUSTER") : " CLUSTER ON " + quote_ident(t.cluster_index));
}

std::string column_statistics(const model::QualifiedName& table, const model::Column& c) {
    return "ALTER TABLE " + quote_name(table) + " ALTER COLUMN " + quote_ident(c.name) + " SET STATISTICS " +
           std::to_string(c.statistics);
}

std::vector<std::string> row_security_statements(const model::Table& t) {
    std::vector<std::string> out;
    if (!t.partition_of)
        for (const auto& c : t.columns)
            if (c.statistics != -1) out.push_back(column_statistics(t.name, c));
    if (t.row_security) out.push_back(row_security(t));
    if (t.force_row_security) out.push_back(force_row_security(t));
    return out;
}

} // namespace pgshape::plan::ddl
