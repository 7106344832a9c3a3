#include "engine/model/privilege.hpp"

namespace pgshape::model {

const char* acl_kind_word(AclKind kind) {
    switch (kind) {
    case AclKind::schema: return "SCHEMA";
    case AclKind::table: return "TABLE";
    case AclKind::sequence: return "SEQUENCE";
    case AclKind::function: return "FUNCTION";
    case AclKind::procedure: return "PROCEDURE";
    case AclKind::type: return "TYPE";
    }
    return "?";
}

const char* default_objects_word(DefaultAclObjects objects) {
    switch (objects) {
    case DefaultAclObjects::tables: return "TABLES";
    case DefaultAclObjects::sequences: return "SEQUENCES";
    case DefaultAclObjects::functions: return "FUNCTIONS";
    case DefaultAclObjects::types: return "TYPES";
    case DefaultAclObjects::schemas: return "SCHEMAS";
    }
    return "?";
}

std::set<std::string> all_privileges(AclKind kind, bool column) {
    if (column) return {"INSERT", "REFERENCES", "SELECT", "UPDATE"};
    switch (kind) {
    case AclKind::schema: return {"CREATE", "USAGE"};
    case AclKind::table: return {"DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"};
    case AclKind::sequence: return {"SELECT", "UPDATE", "USAGE"};
    case AclKind::function:
    case AclKind::procedure: return {"EXECUTE"};
    case AclKind::type: return {"USAGE"};
    }
    return {};
}

std::set<std::string> all_privileges(DefaultAclObjects objects) {
    switch (objects) {
    case DefaultAclObjects::tables: return all_privileges(AclKind::table, false);
    case DefaultAclObjects::sequences: return all_privileges(AclKind::sequence, false);
    case DefaultAclObjects::functions: return all_privileges(AclKind::function, false);
    case DefaultAclObjects::types: return all_privileges(AclKind::type, false);
    case DefaultAclObjects::schemas: return all_privileges(AclKind::schema, false);
    }
    return {};
}

Acl default_acl(const AclTarget& target) {
    if (!target.column.empty()) return {};
    if (target.kind == AclKind::schema && target.schema == "public") return {{"PUBLIC", "USAGE", false}};
    switch (target.kind) {
    case AclKind::function:
    case AclKind::procedure: return {{"PUBLIC", "EXECUTE", false}};
    case AclKind::type: return {{"PUBLIC", "USAGE", false}};
    default: return {};
    }
}

Acl default_acl(const DefaultAclKey& key) {
    if (!key.schema.empty()) return {};
    switch (key.objects) {
    case DefaultAclObjects::functions: return {{"PUBLIC", "EXECUTE", false}};
    case DefaultAclObjects::types: return {{"PUBLIC", "USAGE", false}};
    default: return {};
    }
}

} // namespace pgshape::model
