#include "engine/model/schema_model.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>

namespace pgshape::model {

SequenceOptions default_sequence_options(const TypeRef& type, std::int64_t increment) {
    SequenceOptions o;
    o.data_type = type;
    o.increment = increment;
    std::int64_t lo = INT64_MIN, hi = INT64_MAX;
    if (type.name == "smallint") lo = INT16_MIN, hi = INT16_MAX;
    if (type.name == "integer") lo = INT32_MIN, hi = INT32_MAX;
    o.min_value = increment > 0 ? 1 : lo;
    o.max_value = increment > 0 ? hi : -1;
    o.start = increment > 0 ? o.min_value : o.max_value;
    return o;
}

const Column* Table::find_column(const std::string& column) const {
    for (const auto& c : columns)
        if (c.name == column) return &c;
    return nullptr;
}

int partition_depth(const SchemaModel& m, const Table& t) {
    int depth = 0;
    for (const auto* p = &t; p->partition_of && depth <= static_cast<int>(m.tables.size()); ++depth) {
        auto it = m.tables.find(p->partition_of->parent);
        if (it == m.tables.end()) break;
        p = &it->second;
    }
    return depth;
}

namespace {

int inheritance_depth(const SchemaModel& m, const Table& t, std::size_t budget) {
    if (budget == 0) return 0;
    int depth = 0;
    auto visit = [&](const QualifiedName& parent) {
        auto it = m.tables.find(parent);
        if (it != m.tables.end()) depth = std::max(depth, inheritance_depth(m, it->second, budget - 1) + 1);
    };
    if (t.partition_of) visit(t.partition_of->parent);
    for (const auto& p : t.inherits) visit(p);
    return depth;
}

} // namespace

int inheritance_depth(const SchemaModel& m, const Table& t) { return inheritance_depth(m, t, m.tables.size() + 1); }

namespace {

// `budget` bounds the walk: bad input may hold a cycle of types.
int type_depth(const SchemaModel& m, const TypeRef& type, std::size_t budget) {
    if (type.schema.empty() || budget == 0) return 0;
    const QualifiedName name{type.schema, type.name};
    if (auto d = m.domains.find(name); d != m.domains.end()) return 1 + type_depth(m, d->second.base, budget - 1);
    auto c = m.composite_types.find(name);
    if (c == m.composite_types.end()) return 0;
    int deepest = 0;
    for (const auto& a : c->second.attributes) deepest = std::max(deepest, type_depth(m, a.type, budget - 1));
    return 1 + deepest;
}

} // namespace

int type_depth(const SchemaModel& m, const TypeRef& type) {
    return type_depth(m, type, m.domains.size() + m.composite_types.size() + 1);
}

} // namespace pgshape::model
