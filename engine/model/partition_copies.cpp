#include "engine/model/partition_copies.hpp"

namespace pgshape::model {

// PostgreSQL's makeObjectName: name1_name2_label, shortening the longer of
// name1/name2 until the whole fits in 63 bytes.
std::string make_object_name(const std::string& name1, const std::string& name2, const std::string& label) {
    std::size_t overhead = (name2.empty() ? 0 : 1) + (label.empty() ? 0 : label.size() + 1);
    constexpr std::size_t max_identifier = 63;  // NAMEDATALEN - 1
    const std::size_t avail = max_identifier > overhead ? max_identifier - overhead : 0;
    std::size_t n1 = name1.size(), n2 = name2.size();
    while (n1 + n2 > avail) {
        if (n1 > n2) --n1;
        else --n2;
    }
    std::string out = name1.substr(0, n1);
    if (!name2.empty()) out += "_" + name2.substr(0, n2);
    if (!label.empty()) out += "_" + label;
    return out;
}

std::string index_name_columns(const std::vector<IndexElem>& elems) {
    std::string out;
    for (const auto& e : elems) out += (out.empty() ? "" : "_") + (e.expr ? std::string("expr") : e.column);
    return out;
}

// Sort order and NULLS FIRST/LAST are not compared: PostgreSQL attaches
// an index on (at DESC) to one on (at).
IndexShape shape_of(const Index& i) {
    IndexShape s{i.unique, i.nulls_not_distinct, i.method, i.elems, i.include, i.where};
    for (auto& e : s.elems) e.order = SortOrder::asc, e.nulls_first = false;
    return s;
}

IndexShape shape_of(const Constraint& key) {
    IndexShape s{true, key.nulls_not_distinct, "btree", {}, key.include, std::nullopt};
    for (const auto& c : key.columns) s.elems.push_back(IndexElem{c, std::nullopt, "", "", SortOrder::asc, false});
    return s;
}

PartitionCopies partition_copies(const SchemaModel& m, const QualifiedName& partition) {
    PartitionCopies out;
    const auto t = m.tables.find(partition);
    if (t == m.tables.end() || !t->second.partition_of) return out;
    const auto& parent = t->second.partition_of->parent;
    const auto attached = [&](const QualifiedName& parent_index) {
        for (const auto& [name, i] : m.indexes)
            if (i.table == partition && i.attached_to == parent_index) return true;
        for (auto it = m.constraints.lower_bound({partition, ""}); it != m.constraints.end() && it->first.table == partition; ++it)
            if (it->second.attached_to == parent_index) return true;
        return false;
    };
    for (const auto& [name, i] : m.indexes) {
        if (i.table != parent || attached(name)) continue;
        Index copy = i;
        copy.name = {partition.schema, make_object_name(partition.name, index_name_columns(i.elems), "idx")};
        copy.table = partition;
        copy.only = false;
        copy.attached_to = name;
        copy.comment.reset();
        out.indexes.push_back(std::move(copy));
    }
    for (auto it = m.constraints.lower_bound({parent, ""}); it != m.constraints.end() && it->first.table == parent; ++it) {
        const auto& c = it->second;
        if (!c.is_key() || attached({parent.schema, c.name}))
            continue;
        Constraint copy = c;
        std::string columns;
        for (const auto& col : c.columns) columns += (columns.empty() ? "" : "_") + col;
        copy.name = c.type == ConstraintType::primary_key ? make_object_name(partition.name, "", "pkey")
                                                          : make_object_name(partition.name, columns, "key");
        copy.table = partition;
        copy.only = false;
        copy.attached_to = {parent.schema, c.name};
        copy.comment.reset();
        copy.index_comment.reset();
        out.keys.push_back(std::move(copy));
    }
    for (auto it = m.constraints.lower_bound({parent, ""}); it != m.constraints.end() && it->first.table == parent; ++it) {
        if (it->second.type != ConstraintType::check) continue;
        Constraint copy = it->second;
        copy.table = partition;
        copy.comment.reset();
        out.checks.push_back(std::move(copy));
    }
    return out;
}

} // namespace pgshape::model
