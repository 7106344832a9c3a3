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

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

using Children = std::map<model::QualifiedName, std::vector<model::QualifiedName>>;

Children children_of(const model::SchemaModel& m) {
    Children out;
    for (const auto& [name, table] : m.tables) {
        if (table.partition_of) out[table.partition_of->parent].push_back(name);
        for (const auto& parent : table.inherits) out[parent].push_back(name);
    }
    return out;
}

// `table` and every table under it (each once, whatever the shape), but
// for those `stop` says no to (nor the tables under them).
template <typename Stop>
void add_with_descendants(const Children& children, const model::QualifiedName& table,
                          std::set<model::QualifiedName>& out, const Stop& stop) {
    std::vector<model::QualifiedName> todo{table};
    while (!todo.empty()) {
        auto next = std::move(todo.back());
        todo.pop_back();
        if (out.count(next) || (next != table && stop(next))) continue;
        out.insert(next);
        if (const auto it = children.find(next); it != children.end())
            todo.insert(todo.end(), it->second.begin(), it->second.end());
    }
}

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
        std::vector<model::QualifiedName> parents = t->second.inherits;
        if (t->second.partition_of) parents.push_back(t->second.partition_of->parent);
        for (const auto& parent : parents) {
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
    std::optional<Children> children;
    for (auto& [key, c] : m.constraints) {
        if (c.type != model::ConstraintType::check || c.valid || c.no_inherit) {
            c.valid_copies.clear();
            continue;
        }
        if (!children) children = children_of(m);
        // A child with a check of that name of its own (an inheritance
        // child's, merged with the copy) has that one's validity, and so
        // have the tables under it.
        const auto own_check = [&](const model::QualifiedName& t) { return m.constraints.count({t, key.name}) > 0; };
        std::set<model::QualifiedName> under;
        add_with_descendants(*children, key.table, under, own_check);
        under.erase(key.table);
        if (under.empty()) {
            c.valid_copies.clear();
            continue;
        }
        // Created under its parent after the check was added NOT VALID.
        if (const auto added = builder.not_valid_checks_added.find(key); added != builder.not_valid_checks_added.end())
            for (const auto& t : under)
                if (const auto created = builder.created_under_parent.find(t);
                    created != builder.created_under_parent.end() && builder.earlier(added->second, created->second))
                    c.valid_copies.insert(t);
        // Only tables under it, and every table under a validated copy.
        std::set<model::QualifiedName> valid;
        for (const auto& t : c.valid_copies)
            if (under.count(t)) add_with_descendants(*children, t, valid, own_check);
        c.valid_copies = std::move(valid);
    }
}

} // namespace pgshape::parser
