// Which copies of a NOT VALID check are validated.
//
// A check on a table with partitions or inheritance children is copied to
// each of them, and each copy has a validity of its own. ALTER TABLE ...
// ADD ... NOT VALID gives every existing child a copy that is not valid; a
// child created afterwards (CREATE TABLE ... PARTITION OF, INHERITS) gets
// a validated one, since it has no rows; ALTER TABLE child VALIDATE
// CONSTRAINT validates that child's copy and those under it. So here the
// order of statements decides the model, as it decides what PostgreSQL
// makes of them; the catalog's text states every validated copy with
// VALIDATE CONSTRAINT.
#include <fmt/format.h>

#include "engine/model/check_copies.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// The nearest table above `table` with a check named `name`, if any.
model::Constraint* inherited_check(model::SchemaModel& m, const model::QualifiedName& table, const std::string& name) {
    std::vector<model::QualifiedName> todo{table};
    std::set<model::QualifiedName> seen;
    while (!todo.empty()) {
        const auto next = std::move(todo.front());
        todo.erase(todo.begin());
        if (!seen.insert(next).second) continue;
        const auto t = m.tables.find(next);
        if (t == m.tables.end()) continue;
        for (const auto& parent : model::parent_tables(t->second)) {
            const auto c = m.constraints.find({parent, name});
            if (c != m.constraints.end() && c->second.type == model::ConstraintType::check && !c->second.no_inherit)
                return &c->second;
            todo.push_back(parent);
        }
    }
    return nullptr;
}

} // namespace

void apply_validations(Builder& builder) {
    auto& m = builder.model;
    for (const auto& [key, where] : builder.validations) {
        if (const auto own = m.constraints.find(key); own != m.constraints.end()) {
            if (own->second.type != model::ConstraintType::check && own->second.type != model::ConstraintType::foreign_key)
                builder.fail(where, fmt::format("constraint {} of table {} is not a foreign key or check constraint",
                                                key.name, model::display(key.table)),
                             "only checks and foreign keys can be NOT VALID, and so validated");
            own->second.valid = true;
            continue;
        }
        auto* theirs = inherited_check(m, key.table, key.name);
        if (!theirs)
            builder.fail(where, fmt::format("constraint {} of table {} is not defined", key.name, model::display(key.table)),
                         "name a check or foreign key of the table, or a check it takes from a parent");
        if (!theirs->valid) theirs->valid_copies.insert(key.table);
    }
}

void settle_check_copies(Builder& builder) {
    auto& m = builder.model;
    std::optional<model::ChildTables> children;
    for (auto& [key, c] : m.constraints) {
        if (c.type != model::ConstraintType::check || c.valid || c.no_inherit) {
            c.valid_copies.clear();
            continue;
        }
        if (!children) children = model::child_tables(m);
        const auto under = model::check_copy_tables(m, *children, key.table, key.name);
        // Created under its parent after the check was added NOT VALID.
        if (const auto added = builder.not_valid_checks_added.find(key); added != builder.not_valid_checks_added.end())
            for (const auto& t : under)
                if (const auto created = builder.created_under_parent.find(t);
                    created != builder.created_under_parent.end() && builder.earlier(added->second, created->second))
                    c.valid_copies.insert(t);
        // Only tables under it, and every table under a validated copy.
        std::set<model::QualifiedName> valid;
        for (const auto& t : c.valid_copies) {
            if (!under.count(t)) continue;
            valid.insert(t);
            valid.merge(model::check_copy_tables(m, *children, t, key.name));
        }
        c.valid_copies = std::move(valid);
    }
}

} // namespace pgshape::parser
