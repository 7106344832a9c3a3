#include "engine/model/check_copies.hpp"

namespace pgshape::model {

std::vector<QualifiedName> parent_tables(const Table& t) {
    auto out = t.inherits;
    if (t.partition_of) out.push_back(t.partition_of->parent);
    return out;
}

ChildTables child_tables(const SchemaModel& m) {
    ChildTables out;
    for (const auto& [name, table] : m.tables)
        for (const auto& parent : parent_tables(table)) out[parent].push_back(name);
    return out;
}

std::set<QualifiedName> check_copy_tables(const SchemaModel& m, const ChildTables& children, const QualifiedName& table,
                                          const std::string& name) {
    std::set<QualifiedName> out;
    std::vector<QualifiedName> todo{table};
    while (!todo.empty()) {
        const auto next = std::move(todo.back());
        todo.pop_back();
        const auto it = children.find(next);
        if (it == children.end()) continue;
        for (const auto& child : it->second)
            if (!m.constraints.count({child, name}) && out.insert(child).second) todo.push_back(child);
    }
    out.erase(table);  // a cycle of parents is an error elsewhere
    return out;
}

} // namespace pgshape::model
