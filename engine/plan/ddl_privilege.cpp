#include "engine/plan/ddl_privilege.hpp"

#include <map>

#include "engine/model/sql_text.hpp"

namespace pgshape::plan::ddl {
namespace {

using model::AclKind;
using model::quote_ident;

std::string grantee_sql(const std::string& grantee) { return grantee == "PUBLIC" ? grantee : quote_ident(grantee); }

std::string object_name(const model::AclTarget& t) {
    if (t.kind == AclKind::schema) return quote_ident(t.schema);
    if (t.kind == AclKind::function || t.kind == AclKind::procedure) {
        const auto open = t.name.find('(');
        return quote_ident(t.schema) + "." + quote_ident(t.name.substr(0, open)) + t.name.substr(open);
    }
    return quote_ident(t.schema) + "." + quote_ident(t.name);
}

// 0: none, 1: the privilege, 2: with grant option.
using States = std::map<std::pair<std::string, std::string>, int>;  // (grantee, privilege) → state

States states_of(const model::Acl& acl) {
    States out;
    for (const auto& e : acl) out[{e.grantee, e.privilege}] = e.grant_option ? 2 : 1;
    return out;
}

// One statement per grantee and kind of change, privileges listed in order.
std::vector<std::string> transitions(const model::Acl& from, const model::Acl& to, const std::string& target,
                                     const std::string& column) {
    const auto a = states_of(from), b = states_of(to);
    std::map<std::pair<int, std::string>, std::vector<std::string>> changes;  // (action, grantee) → privileges
    enum { revoke = 0, revoke_option = 1, grant = 2, grant_option = 3 };
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const auto& k : keys) {
        const int x = a.count(k) ? a.at(k) : 0, y = b.count(k) ? b.at(k) : 0;
        if (x == y) continue;
        const int action = y == 0 ? revoke : (x == 2 && y == 1) ? revoke_option : y == 2 ? grant_option : grant;
        changes[{action, k.first}].push_back(k.second);
    }
    std::vector<std::string> out;
    for (const auto& [what, privileges] : changes) {
        std::string list;
        for (const auto& p : privileges) list += (list.empty() ? "" : ", ") + p + (column.empty() ? "" : " (" + quote_ident(column) + ")");
        const auto& [action, grantee] = what;
        if (action == revoke) out.push_back("REVOKE " + list + " ON " + target + " FROM " + grantee_sql(grantee));
        else if (action == revoke_option)
            out.push_back("REVOKE GRANT OPTION FOR " + list + " ON " + target + " FROM " + grantee_sql(grantee));
        else out.push_back("GRANT " + list + " ON " + target + " TO " + grantee_sql(grantee) +
                           (action == grant_option ? " WITH GRANT OPTION" : ""));
    }
    return out;
}

const char* relation_word(const model::SchemaModel& m, const model::AclTarget& t) {
    if (t.kind != AclKind::table) return model::acl_kind_word(t.kind);
    auto it = m.views.find({t.schema, t.name});
    if (it == m.views.end()) return "TABLE";
    return it->second.materialized ? "MATERIALIZED VIEW" : "VIEW";
}

} // namespace

std::string acl_object(const model::AclTarget& target) {
    return std::string(model::acl_kind_word(target.kind)) + " " + object_name(target);
}

std::vector<std::string> acl_statements(const model::AclTarget& target, const model::Acl& from, const model::Acl& to) {
    return transitions(from, to, acl_object(target), target.column);
}

std::string owner_statement(const model::SchemaModel& m, const model::AclTarget& target, const std::string& role) {
    return std::string("ALTER ") + relation_word(m, target) + " " + object_name(target) + " OWNER TO " + quote_ident(role);
}

std::vector<std::string> default_acl_statements(const model::DefaultAclKey& key, const model::Acl& from,
                                                const model::Acl& to) {
    std::string prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + quote_ident(key.role);
    if (!key.schema.empty()) prefix += " IN SCHEMA " + quote_ident(key.schema);
    auto out = transitions(from, to, model::default_objects_word(key.objects), "");
    for (auto& s : out) s = prefix + " " + s;
    return out;
}

std::vector<model::AclTarget> acl_targets_of(const model::SchemaModel& m, const model::ObjectKey& key) {
    std::vector<model::AclTarget> kinds;
    switch (key.kind) {
    case model::Kind::schema: kinds.push_back({AclKind::schema, key.name, "", ""}); break;
    case model::Kind::table:
    case model::Kind::view:
    case model::Kind::materialized_view: kinds.push_back({AclKind::table, key.schema, key.name, ""}); break;
    case model::Kind::sequence: kinds.push_back({AclKind::sequence, key.schema, key.name, ""}); break;
    case model::Kind::function:
        kinds.push_back({AclKind::function, key.schema, key.name, ""});
        kinds.push_back({AclKind::procedure, key.schema, key.name, ""});
        break;
    case model::Kind::enum_type: kinds.push_back({AclKind::type, key.schema, key.name, ""}); break;
    default: break;
    }
    std::vector<model::AclTarget> out;
    for (const auto& whole : kinds) {
        out.push_back(whole);
        // Column targets sort right after their relation's.
        for (auto it = m.privileges.upper_bound(whole); it != m.privileges.end() && it->first.kind == whole.kind &&
                                                         it->first.schema == whole.schema && it->first.name == whole.name;
             ++it)
            out.push_back(it->first);
    }
    return out;
}

std::vector<std::string> created_object_privileges(const model::SchemaModel& m, const model::ObjectKey& key) {
    std::vector<std::string> out;
    const auto targets = acl_targets_of(m, key);
    for (const auto& t : targets)
        if (auto it = m.owners.find(t); it != m.owners.end()) out.push_back(owner_statement(m, t, it->second));
    // A sequence a column will own must have its table's owner before OWNED
    // BY links them (PostgreSQL refuses otherwise), and cannot change owner
    // apart after.
    if (auto seq = m.sequences.find({key.schema, key.name}); key.kind == model::Kind::sequence && seq != m.sequences.end() &&
                                                           seq->second.owned_by) {
        const model::AclTarget table{AclKind::table, seq->second.owned_by->table.schema, seq->second.owned_by->table.name, ""};
        if (auto it = m.owners.find(table); it != m.owners.end())
            out.push_back(owner_statement(m, {AclKind::sequence, key.schema, key.name, ""}, it->second));
    }
    for (const auto& t : targets)
        if (auto it = m.privileges.find(t); it != m.privileges.end())
            for (auto& s : acl_statements(t, model::default_acl(t), it->second)) out.push_back(std::move(s));
    return out;
}

std::vector<std::string> model_privileges(const model::SchemaModel& m) {
    std::vector<std::string> out;
    for (const auto& [t, role] : m.owners) out.push_back(owner_statement(m, t, role));
    for (const auto& [t, acl] : m.privileges)
        for (auto& s : acl_statements(t, model::default_acl(t), acl)) out.push_back(std::move(s));
    for (const auto& [key, acl] : m.default_privileges)
        for (auto& s : default_acl_statements(key, model::default_acl(key), acl)) out.push_back(std::move(s));
    return out;
}

} // namespace pgshape::plan::ddl
