#include "parser/builder.hpp"

#include <fmt/format.h>

#include "engine/model/error.hpp"
#include "engine/model/partition_copies.hpp"

namespace pgshape::parser {
void Builder::fail(Location where, const std::string& message, const std::string& help) const {
    if (!where.file) throw UserError("error: " + message + (help.empty() ? "" : "\n  help: " + help));
    throw UserError(format_diagnostic(*where.file, where.offset, message, help));
}

std::string Builder::schema_or_public(const char* schema) {
    return (schema && *schema) ? std::string(schema) : std::string("public");
}

model::QualifiedName Builder::name_of(const PgQuery__RangeVar* rv) const {
    return {schema_or_public(rv->schemaname), rv->relname};
}

model::Table& Builder::table(const model::QualifiedName& name, Location where) {
    auto it = model.tables.find(name);
    if (it == model.tables.end())
        fail(where, fmt::format("table {} is not defined", model::display(name)),
             "define it with CREATE TABLE in one of the schema files");
    return it->second;
}

std::string Builder::choose_relation_name(const std::string& schema, const std::string& name1,
                                          const std::string& name2, const std::string& label, Location where) {
    auto& taken = m_relation_names[schema];
    std::string candidate = model::make_object_name(name1, name2, label);
    for (int pass = 1; taken.count(candidate); ++pass)
        candidate = model::make_object_name(name1, name2, label + std::to_string(pass));
    taken.insert(candidate);
    if (where.file) defined_at["relation " + schema + "." + candidate] = where;
    return candidate;
}

std::string Builder::choose_constraint_name(const model::QualifiedName& table, const std::string& name2,
                                            const std::string& label) {
    auto taken = [&](const std::string& name) { return model.constraints.count({table, name}) > 0; };
    std::string candidate = model::make_object_name(table.name, name2, label);
    for (int pass = 1; taken(candidate); ++pass)
        candidate = model::make_object_name(table.name, name2, label + std::to_string(pass));
    return candidate;
}

std::string Builder::choose_domain_check_name(const model::QualifiedName& domain) const {
    auto taken = [&](const std::string& name) {
        for (auto it = model.domains.lower_bound({domain.schema, ""}); it != model.domains.end() && it->first.schema == domain.schema; ++it)
            if (it->second.find_check(name)) return true;
        return false;
    };
    std::string candidate = model::make_object_name(domain.name, "", "check");
    for (int pass = 1; taken(candidate); ++pass) candidate = model::make_object_name(domain.name, "", "check" + std::to_string(pass));
    return candidate;
}

void Builder::claim_relation_name(const std::string& schema, const std::string& name, Location where) {
    const std::string key = "relation " + schema + "." + name;
    if (!m_relation_names[schema].insert(name).second) {
        auto prior = defined_at.find(key);
        std::string help;
        if (prior != defined_at.end() && prior->second.file) {
            const auto pos = line_col(prior->second.file->text, prior->second.offset);
            help = fmt::format("first defined at {}:{}:{}", prior->second.file->path, pos.line, pos.col);
        }
        fail(where, fmt::format("relation {}.{} is defined twice", schema, name), help);
    }
    defined_at[key] = where;
}

bool Builder::earlier(Location a, Location b) const {
    if (!a.file || !b.file) return false;
    const auto fa = file_order.find(a.file), fb = file_order.find(b.file);
    if (fa == file_order.end() || fb == file_order.end()) return false;
    return fa->second != fb->second ? fa->second < fb->second : a.offset < b.offset;
}

void Builder::release_relation_name(const std::string& schema, const std::string& name) {
    m_relation_names[schema].erase(name);
    defined_at.erase("relation " + schema + "." + name);
}

void Builder::add_constraint(model::Constraint constraint, Location where) {
    const auto key = constraint.key();
    if (!model.constraints.emplace(key, std::move(constraint)).second)
        fail(where, fmt::format("constraint \"{}\" is defined twice on table {}", key.name, model::display(key.table)));
}

model::Constraint* Builder::constraint_with_index(const model::QualifiedName& index) {
    if (!m_constraint_indexes) {
        m_constraint_indexes.emplace();
        for (const auto& [key, c] : model.constraints)
            if (c.type == model::ConstraintType::primary_key || c.type == model::ConstraintType::unique ||
                c.type == model::ConstraintType::exclude)
                m_constraint_indexes->emplace(model::QualifiedName{key.table.schema, key.name}, key);
    }
    auto it = m_constraint_indexes->find(index);
    if (it == m_constraint_indexes->end()) return nullptr;
    auto c = model.constraints.find(it->second);
    return c == model.constraints.end() ? nullptr : &c->second;
}

void Builder::require_schema(const std::string& schema, Location where) {
    if (schema == "public") return;
    defer(where, [this, schema, where] {
        if (!model.schemas.count(schema))
            fail(where, fmt::format("schema {} is not defined", schema), "add CREATE SCHEMA " + schema + ";");
    });
}

void Builder::run_deferred_checks() {
    // A check may defer another (a partition's foreign key): index, not iterator.
    for (std::size_t i = 0; i < m_checks.size(); ++i) {
        auto check = m_checks[i].check;
        check();
    }
    m_checks.clear();
}

} // namespace pgshape::parser
