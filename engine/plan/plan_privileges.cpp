// Privileges, owners and default privileges (--privileges; without it the
// models hold none and this plans nothing).
//   - Whenever a step creates an object (new, or dropped and created again:
//     a view re-created around a column change, a function rebuilt, a table
//     re-partitioned), the model's owner and privileges for it follow its
//     CREATE in the same step, in both directions: the up statements use
//     the `to` model, the down statements the `from` model. So a re-created
//     object never loses its grants, going up or down.
//   - An object on both sides whose privileges or owner change gets a step
//     of its own in Phase::privileges, once every object exists; a dropped
//     object's privileges go with it.
//   - Default privileges change in the same phase, after the objects the
//     plan creates, which therefore get the files' grants only (as pg_dump
//     restores them).
#include <cctype>
#include <set>
#include <string_view>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl_privilege.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using model::AclKind;
using model::AclTarget;

// Does one of `statements` create the object the step is about?
bool creates(const model::ObjectKey& key, const std::vector<std::string>& statements) {
    std::vector<std::string_view> prefixes;
    switch (key.kind) {
    case model::Kind::schema: prefixes = {"CREATE SCHEMA "}; break;
    case model::Kind::table: prefixes = {"CREATE TABLE ", "CREATE UNLOGGED TABLE "}; break;
    case model::Kind::view: prefixes = {"CREATE VIEW ", "CREATE RECURSIVE VIEW "}; break;
    case model::Kind::materialized_view: prefixes = {"CREATE MATERIALIZED VIEW "}; break;
    case model::Kind::sequence: prefixes = {"CREATE SEQUENCE "}; break;
    case model::Kind::function: prefixes = {"CREATE FUNCTION ", "CREATE PROCEDURE "}; break;
    case model::Kind::enum_type: prefixes = {"CREATE TYPE "}; break;
    default: return false;
    }
    for (const auto& s : statements)
        for (const auto& p : prefixes)
            if (std::string_view(s).substr(0, p.size()) == p) return true;
    return false;
}

// Which objects a model holds, by privilege target (routines by signature,
// looked up in a set built once per model).
class Objects {
public:
    explicit Objects(const model::SchemaModel& m) : m_model(m) {
        for (const auto& [key, fn] : m.functions) m_routines.insert({key.name.schema, model::signature(key)});
    }
    bool has(const AclTarget& t) const {
        const model::QualifiedName name{t.schema, t.name};
        switch (t.kind) {
        case AclKind::schema: return t.schema == "public" || m_model.schemas.count(t.schema) > 0;
        case AclKind::table: return m_model.tables.count(name) > 0 || m_model.views.count(name) > 0;
        case AclKind::sequence: return m_model.sequences.count(name) > 0;
        case AclKind::type: return m_model.enums.count(name) > 0;
        case AclKind::function:
        case AclKind::procedure: return m_routines.count({t.schema, t.name}) > 0;
        }
        return false;
    }

private:
    const model::SchemaModel& m_model;
    std::set<std::pair<std::string, std::string>> m_routines;
};

model::ObjectKey key_of(const model::SchemaModel& m, const AclTarget& t) {
    switch (t.kind) {
    case AclKind::schema: return {model::Kind::schema, t.schema, t.schema, ""};
    case AclKind::sequence: return {model::Kind::sequence, t.schema, t.name, ""};
    case AclKind::type: return {model::Kind::enum_type, t.schema, t.name, ""};
    case AclKind::function:
    case AclKind::procedure: return {model::Kind::function, t.schema, t.name, ""};
    case AclKind::table: break;
    }
    auto it = m.views.find({t.schema, t.name});
    const auto kind = it == m.views.end() ? model::Kind::table
                      : it->second.materialized ? model::Kind::materialized_view
                                                : model::Kind::view;
    return {kind, t.schema, t.name, ""};
}

std::string what(const AclTarget& t) {
    std::string out = ddl::acl_object(t);
    if (!t.column.empty()) out += " column " + model::quote_ident(t.column);
    for (std::size_t i = 0; i < out.size() && out[i] != ' '; ++i) out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    return out;
}

template <class Map>
std::set<typename Map::key_type> keys_of(const Map& a, const Map& b) {
    std::set<typename Map::key_type> out;
    for (const auto& [k, v] : a) out.insert(k);
    for (const auto& [k, v] : b) out.insert(k);
    return out;
}

template <class Map, class Key>
model::Acl acl_in(const Map& map, const Key& key) {
    auto it = map.find(key);
    return it == map.end() ? model::default_acl(key) : it->second;
}

void plan_owners(PlanContext& ctx, const Objects& in_from) {
    for (const auto& [target, role] : ctx.to.owners) {
        auto it = ctx.from.owners.find(target);
        // An owner the `from` side does not know (a file that names none) is
        // left as it is: there is no way back to name.
        if (it == ctx.from.owners.end() || it->second == role || !in_from.has(target)) continue;
        auto& step = ctx.add(Phase::privileges, key_of(ctx.to, target), ChangeSymbol::alter,
                             "owner of " + what(target) + ": " + it->second + " → " + role);
        step.up = {ddl::owner_statement(ctx.to, target, role)};
        step.down = {ddl::owner_statement(ctx.from, target, it->second)};
    }
}

void plan_object_privileges(PlanContext& ctx, const Objects& in_from, const Objects& in_to) {
    for (const auto& target : keys_of(ctx.from.privileges, ctx.to.privileges)) {
        if (!in_from.has(target) || !in_to.has(target)) continue;
        const auto a = acl_in(ctx.from.privileges, target), b = acl_in(ctx.to.privileges, target);
        if (a == b) continue;
        auto& step = ctx.add(Phase::privileges, key_of(ctx.to, target), ChangeSymbol::alter, "privileges on " + what(target));
        step.up = ddl::acl_statements(target, a, b);
        step.down = ddl::acl_statements(target, b, a);
    }
}

void plan_default_privileges(PlanContext& ctx) {
    for (const auto& key : keys_of(ctx.from.default_privileges, ctx.to.default_privileges)) {
        const auto a = acl_in(ctx.from.default_privileges, key), b = acl_in(ctx.to.default_privileges, key);
        if (a == b) continue;
        std::string summary = "default privileges of " + key.role + " on " + model::default_objects_word(key.objects);
        if (!key.schema.empty()) summary += " in schema " + key.schema;
        auto& step = ctx.add(Phase::privileges,
                             {model::Kind::default_privileges, key.schema, key.role, model::default_objects_word(key.objects)},
                             ChangeSymbol::alter, summary);
        step.up = ddl::default_acl_statements(key, a, b);
        step.down = ddl::default_acl_statements(key, b, a);
    }
}

} // namespace

void plan_privileges(PlanContext& ctx) {
    for (auto& step : ctx.steps) {
        if (creates(step.key, step.up))
            for (auto& s : ddl::created_object_privileges(ctx.to, step.key)) step.up.push_back(std::move(s));
        if (creates(step.key, step.down))
            for (auto& s : ddl::created_object_privileges(ctx.from, step.key)) step.down.push_back(std::move(s));
    }
    const Objects in_from(ctx.from), in_to(ctx.to);
    plan_owners(ctx, in_from);
    plan_object_privileges(ctx, in_from, in_to);
    plan_default_privileges(ctx);
}

} // namespace pgshape::plan
