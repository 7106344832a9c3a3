// Partitioned indexes built the way pg_dump builds them: CREATE INDEX ... ON
// ONLY parent, an index on each partition, ALTER INDEX parent ATTACH
// PARTITION child. Once every file is read, the attachments are resolved
// against the indexes and keys, as PostgreSQL checks them; an ON ONLY index
// (or ALTER TABLE ONLY key) that covers every partition is valid, the same
// as one written without ONLY; and a partition's index or key that a
// parent's would have made under PostgreSQL's own name is left out, as the
// parent's statement describes it. The catalog side writes every attached
// index out, so both sides meet in the same model.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "engine/model/partition_copies.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// An index, or the index of a primary key or unique constraint, by the index's name.
struct IndexRef {
    model::Index* index = nullptr;
    model::Constraint* key = nullptr;
    explicit operator bool() const { return index || key; }
    const model::QualifiedName& table() const { return index ? index->table : key->table; }
    model::QualifiedName& attached_to() { return index ? index->attached_to : key->attached_to; }
};

// The primary keys and unique constraints by the name of their index
// (schema, constraint name), built once: attachments are looked up by it.
using KeysByIndexName = std::map<model::QualifiedName, model::ConstraintKey>;

KeysByIndexName keys_by_index_name(const model::SchemaModel& m) {
    KeysByIndexName out;
    for (const auto& [key, c] : m.constraints)
        if (c.is_key()) out.emplace(model::QualifiedName{key.table.schema, key.name}, key);
    return out;
}

IndexRef find_index(model::SchemaModel& m, const KeysByIndexName& keys, const model::QualifiedName& name) {
    if (auto it = m.indexes.find(name); it != m.indexes.end()) return {&it->second, nullptr};
    if (auto k = keys.find(name); k != keys.end())
        if (auto c = m.constraints.find(k->second); c != m.constraints.end()) return {nullptr, &c->second};
    return {};
}

model::IndexShape shape_of(const IndexRef& r) { return r.index ? model::shape_of(*r.index) : model::shape_of(*r.key); }

// What a plain CREATE INDEX names an expression's column (FigureIndexColname):
// a function call after the function, anything else "expr".
std::string figured_name(const model::Expr& e) {
    const std::string& sql = e.sql();
    std::size_t at = 0;
    while (at < sql.size() && sql[at] == '(') ++at;
    std::size_t end = at;
    while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_' || sql[end] == '.'))
        ++end;
    if (end == at || end >= sql.size() || sql[end] != '(') return "expr";
    std::string name = sql.substr(at, end - at);
    if (const auto dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
    return name;
}

// The columns part of the name a plain CREATE INDEX on the parent gives a
// partition's index (ATTACH PARTITION calls every expression "expr").
std::string figured_column_names(const std::vector<model::IndexElem>& elems) {
    std::string out;
    for (const auto& e : elems) out += (out.empty() ? "" : "_") + (e.expr ? figured_name(*e.expr) : e.column);
    return out;
}

std::string column_names(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : "_") + c;
    return out;
}

// The name PostgreSQL gives the index or key it makes on a partition for its
// parent's (ChooseIndexName), numbered when the first choice was taken.
bool chosen_name(const std::string& name, const std::string& table, const std::string& columns, const std::string& label) {
    if (name == model::make_object_name(table, columns, label)) return true;
    for (int pass = 1; pass < 100; ++pass)
        if (name == model::make_object_name(table, columns, label + std::to_string(pass))) return true;
    return false;
}

// The partitions' indexes attached so far: (partition, parent index) → index.
using AttachedIndexes = std::map<std::pair<model::QualifiedName, model::QualifiedName>, model::QualifiedName>;

void resolve(Builder& builder, const KeysByIndexName& keys, AttachedIndexes& attached_indexes, const IndexAttachment& a) {
    auto& m = builder.model;
    const auto parent = find_index(m, keys, a.parent);
    if (!parent) builder.fail(a.where, fmt::format("index {} is not defined", model::display(a.parent)));
    auto child = find_index(m, keys, a.child);
    if (const auto taken = builder.indexes_taken_by_keys.find(a.child); !child && taken != builder.indexes_taken_by_keys.end())
        if (auto key = m.constraints.find(taken->second); key != m.constraints.end()) child = {nullptr, &key->second};
    if (!child) builder.fail(a.where, fmt::format("index {} is not defined", model::display(a.child)));
    const auto& table = m.tables.at(child.table());
    if (!table.partition_of || table.partition_of->parent != parent.table())
        builder.fail(a.where, fmt::format("index {} is on {}, which is not a partition of {}", model::display(a.child),
                                          model::display(child.table()), model::display(parent.table())),
                     "ATTACH PARTITION takes an index of a partition of the parent index's table");
    if (parent.key && !child.key)
        builder.fail(a.where, fmt::format("index {} belongs to a constraint in table {}, but no constraint exists for index {}",
                                          model::display(a.parent), model::display(parent.table()), model::display(a.child)),
                     "make the partition's index its key first: ALTER TABLE ... ADD PRIMARY KEY|UNIQUE USING INDEX");
    if (shape_of(parent) != shape_of(child))
        builder.fail(a.where, fmt::format("index {} cannot be attached to {}: their definitions differ", model::display(a.child),
                                          model::display(a.parent)));
    auto& attached = child.attached_to();
    if (!attached.name.empty() && attached != a.parent)
        builder.fail(a.where, fmt::format("index {} is attached to {} already", model::display(a.child), model::display(attached)));
    if (const auto other = attached_indexes.find({child.table(), a.parent});
        other != attached_indexes.end() && other->second != a.child)
        builder.fail(a.where, fmt::format("index {} of {} is attached to {} already", model::display(other->second),
                                          model::display(child.table()), model::display(a.parent)));
    attached = a.parent;
    if (child.index) attached_indexes.emplace(std::pair{child.table(), a.parent}, a.child);
}

// Whether every partition of the parent index's table has an index (or
// key) attached to it; `attached` holds (partition, parent index) pairs.
bool covers_partitions(const model::SchemaModel& m,
                       const std::set<std::pair<model::QualifiedName, model::QualifiedName>>& attached,
                       const model::QualifiedName& parent_index, const model::QualifiedName& table) {
    for (const auto& [name, t] : m.tables)
        if (t.partition_of && t.partition_of->parent == table && !attached.count({name, parent_index})) return false;
    return true;
}

Location defined_where(const Builder& builder, const model::QualifiedName& relation) {
    const auto it = builder.defined_at.find("relation " + relation.schema + "." + relation.name);
    return it == builder.defined_at.end() ? Location{} : it->second;
}

// What PostgreSQL does when it builds a partitioned table's index or key
// (DefineIndex) and when it attaches a partition (AttachPartitionEnsureIndexes):
// on each partition, an index that matches the parent's and is attached to
// no other is attached to it instead of a new one being built; a key's
// index takes only a partition's key. That depends on what the partition
// has by then: the indexes and keys of statements before the later of the
// parent's index and the partition's attachment, the first of them in
// statement order. A partition created after its parent's index gets a new
// index, and keeps its own keys (even those of its CREATE TABLE) apart.
void attach_matching_indexes(Builder& builder) {
    auto& m = builder.model;
    std::map<model::QualifiedName, std::vector<model::QualifiedName>> partitions;
    for (const auto& [name, t] : m.tables)
        if (t.partition_of) partitions[t.partition_of->parent].push_back(name);
    if (partitions.empty()) return;
    std::map<model::QualifiedName, std::vector<IndexRef>> candidates;  // partition → its indexes and keys
    for (auto& [name, i] : m.indexes)
        if (const auto t = m.tables.find(i.table); t != m.tables.end() && t->second.partition_of)
            candidates[i.table].push_back({&i, nullptr});
    for (auto& [key, c] : m.constraints)
        if (c.is_key() && m.tables.at(key.table).partition_of) candidates[key.table].push_back({nullptr, &c});
    auto name_of = [](const IndexRef& r) {
        return r.index ? r.index->name : model::QualifiedName{r.key->table.schema, r.key->name};
    };
    auto attach_to = [&](const IndexRef& parent, const model::QualifiedName& parent_name) {
        const auto it = partitions.find(parent.table());
        if (it == partitions.end()) return;
        const Location parent_at = defined_where(builder, parent_name);
        const model::IndexShape shape = shape_of(parent);
        for (const auto& partition : it->second) {
            auto& own = candidates[partition];
            if (std::any_of(own.begin(), own.end(), [&](IndexRef& r) { return r.attached_to() == parent_name; })) continue;
            const auto since = builder.partition_since.find(partition);
            Location cutoff = parent_at;
            if (since != builder.partition_since.end() && builder.earlier(cutoff, since->second)) cutoff = since->second;
            IndexRef* chosen = nullptr;
            Location chosen_at;
            for (auto& r : own) {
                if (!r.attached_to().name.empty() || (parent.key && !r.key)) continue;
                const Location at = defined_where(builder, name_of(r));
                if (!builder.earlier(at, cutoff) || (chosen && !builder.earlier(at, chosen_at))) continue;
                if (shape_of(r) != shape) continue;
                chosen = &r, chosen_at = at;
            }
            if (chosen) chosen->attached_to() = parent_name;
        }
    };
    for (auto& [name, i] : m.indexes)
        if (!i.only && partitions.count(i.table)) attach_to({&i, nullptr}, name);
    for (auto& [key, c] : m.constraints)
        if (c.is_key() && !c.only && partitions.count(key.table)) attach_to({nullptr, &c}, {key.table.schema, key.name});
}

} // namespace

void attach_partition_indexes(Builder& builder) {
    auto& m = builder.model;
    for (const auto& key : builder.only_keys)
        if (auto it = m.constraints.find(key); it != m.constraints.end()) it->second.only = true;
    const auto keys = keys_by_index_name(m);
    AttachedIndexes attached_indexes;
    for (const auto& [name, i] : m.indexes)
        if (!i.attached_to.name.empty()) attached_indexes.emplace(std::pair{i.table, i.attached_to}, name);
    for (const auto& a : builder.index_attachments) resolve(builder, keys, attached_indexes, a);
    if (builder.implicit_index_attach) attach_matching_indexes(builder);
    std::set<std::pair<model::QualifiedName, model::QualifiedName>> attached;
    for (const auto& [name, i] : m.indexes)
        if (!i.attached_to.name.empty()) attached.insert({i.table, i.attached_to});
    for (const auto& [key, c] : m.constraints)
        if (!c.attached_to.name.empty()) attached.insert({key.table, c.attached_to});
    for (auto& [name, i] : m.indexes)
        if (i.only) i.only = !covers_partitions(m, attached, name, i.table);
    for (auto& [key, c] : m.constraints)
        if (c.only) c.only = !covers_partitions(m, attached, {key.table.schema, key.name}, key.table);
    // What a valid parent's index or key made by itself, under its own name, is the parent's.
    std::erase_if(m.indexes, [&](const auto& entry) {
        const auto& i = entry.second;
        if (i.attached_to.name.empty() || i.comment) return false;
        const auto parent = m.indexes.find(i.attached_to);
        return parent != m.indexes.end() && !parent->second.only && parent->second.options == i.options &&
               (chosen_name(i.name.name, i.table.name, model::index_name_columns(i.elems), "idx") ||
                chosen_name(i.name.name, i.table.name, figured_column_names(i.elems), "idx"));
    });
    std::erase_if(m.constraints, [&](const auto& entry) {
        const auto& c = entry.second;
        if (c.attached_to.name.empty() || c.comment || c.index_comment) return false;
        const auto ref = keys.find(c.attached_to);
        if (ref == keys.end() || m.indexes.count(c.attached_to)) return false;
        const auto parent = m.constraints.find(ref->second);
        if (parent == m.constraints.end() || parent->second.only || parent->second.type != c.type) return false;
        return c.type == model::ConstraintType::primary_key ? chosen_name(c.name, c.table.name, "", "pkey")
                                                            : chosen_name(c.name, c.table.name, column_names(c.columns), "key");
    });
}

} // namespace pgshape::parser
