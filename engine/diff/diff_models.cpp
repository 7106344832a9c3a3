#include "engine/diff/changes.hpp"
#include "engine/diff/merge.hpp"

namespace pgshape::diff {
namespace {

// Same object, or a difference worth a change? Per kind where it is not ==.
template <class T> bool same(const T& a, const T& b) { return a == b; }

// An extension without a version in the source matches any installed version.
template <> bool same(const model::Extension& a, const model::Extension& b) {
    return a.name == b.name && a.schema == b.schema &&
           (a.version.empty() || b.version.empty() || a.version == b.version);
}

// Tables differ as tables by comment, partitioning, parents (INHERITS), persistence, storage
// parameters, row-level security, replica identity and CLUSTER ON: columns
// are diffed one by one.
template <> bool same(const model::Table& a, const model::Table& b) {
    return a.comment == b.comment && a.partition_by == b.partition_by && a.partition_of == b.partition_of && a.inherits == b.inherits &&
           a.unlogged == b.unlogged && a.options == b.options && a.row_security == b.row_security &&
           a.force_row_security == b.force_row_security && a.replica_identity == b.replica_identity &&
           a.replica_index == b.replica_index && a.cluster_index == b.cluster_index;
}

// A partition's columns are its parent's: only its own default and NOT NULL
// can differ, which plan_column.cpp sets on the partition.
void diff_partition_columns(const model::Table& a, const model::Table& b, std::vector<Change>& out) {
    for (const auto& y : b.columns) {
        const auto* x = a.find_column(y.name);
        if (x && (!(x->default_value == y.default_value) || x->not_null != y.not_null))
            out.push_back(ColumnChange{ChangeOp::alter, b.name, *x, y});
    }
}

template <class Key, class T>
void diff_kind(const std::map<Key, T>& from, const std::map<Key, T>& to, std::vector<Change>& out) {
    merge_by_key(from, to, [&](const T* a, const T* b) {
        if (!a) out.push_back(ObjectChange<T>{ChangeOp::create, std::nullopt, *b});
        else if (!b) out.push_back(ObjectChange<T>{ChangeOp::drop, *a, std::nullopt});
        else if (!same(*a, *b)) out.push_back(ObjectChange<T>{ChangeOp::alter, *a, *b});
    });
}

void diff_columns(const model::SchemaModel& from, const model::SchemaModel& to, std::vector<Change>& out) {
    merge_by_key(from.tables, to.tables, [&](const model::Table* a, const model::Table* b) {
        if (!a || !b) return;
        if (b->partition_of) return diff_partition_columns(*a, *b, out);
        std::map<std::string, model::Column> ca, cb;
        for (const auto& c : a->columns) ca.emplace(c.name, c);
        for (const auto& c : b->columns) cb.emplace(c.name, c);
        // Keep the `to` table's column order for added columns.
        merge_by_key(ca, cb, [&](const model::Column* x, const model::Column* y) {
            if (!x) return;
            if (!y) out.push_back(ColumnChange{ChangeOp::drop, a->name, *x, std::nullopt});
            else if (!(*x == *y)) out.push_back(ColumnChange{ChangeOp::alter, a->name, *x, *y});
        });
        for (const auto& c : b->columns)
            if (!ca.count(c.name)) out.push_back(ColumnChange{ChangeOp::create, b->name, std::nullopt, c});
    });
}

} // namespace

std::vector<Change> diff_models(const model::SchemaModel& from, const model::SchemaModel& to) {
    std::vector<Change> out;
    diff_kind(from.schemas, to.schemas, out);
    // The public schema is on both sides: its comment is its one change.
    if (from.public_comment != to.public_comment)
        out.push_back(ObjectChange<model::Schema>{ChangeOp::alter, model::Schema{"public", from.public_comment},
                                                  model::Schema{"public", to.public_comment}});
    diff_kind(from.extensions, to.extensions, out);
    diff_kind(from.enums, to.enums, out);
    diff_kind(from.domains, to.domains, out);
    diff_kind(from.composite_types, to.composite_types, out);
    diff_kind(from.collations, to.collations, out);
    diff_kind(from.sequences, to.sequences, out);
    diff_kind(from.tables, to.tables, out);
    diff_columns(from, to, out);
    diff_kind(from.constraints, to.constraints, out);
    diff_kind(from.indexes, to.indexes, out);
    diff_kind(from.functions, to.functions, out);
    diff_kind(from.triggers, to.triggers, out);
    diff_kind(from.views, to.views, out);
    diff_kind(from.policies, to.policies, out);
    return out;
}

} // namespace pgshape::diff
