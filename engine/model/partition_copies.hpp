#pragma once
// What PostgreSQL makes on a partition for its parent's indexes and keys,
// and the names it gives them.
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::model {

// PostgreSQL's makeObjectName: name1_name2_label within 63 bytes (the
// names PostgreSQL gives the indexes and keys it makes itself).
std::string make_object_name(const std::string& name1, const std::string& name2, const std::string& label);

// The columns part of the name PostgreSQL gives an index it makes itself
// (ChooseIndexColumnNames): the columns joined by "_", "expr" for an expression.
std::string index_name_columns(const std::vector<IndexElem>& elems);

// What PostgreSQL compares before it attaches a partition's index to its
// parent's (CompareIndexInfo): of a plain index, or of a primary key's or
// unique constraint's.
struct IndexShape {
    bool unique = false;
    bool nulls_not_distinct = false;
    std::string method;
    std::vector<IndexElem> elems;
    std::vector<std::string> include;
    std::optional<Expr> where;
    bool operator==(const IndexShape&) const = default;
};
IndexShape shape_of(const Index& index);
IndexShape shape_of(const Constraint& key);

// What PostgreSQL makes on partition `partition` of `m` for each index and
// primary key or unique constraint of its parent that no index or key of
// the partition is attached to in `m` (the model leaves those to the
// parent): copies attached to the parent's, under the names PostgreSQL
// chooses first (table_columns_idx, table_pkey, table_columns_key); and for
// each check of its parent, a copy under the check's name (which a detached
// partition keeps as its own, and a table needs before it is attached).
struct PartitionCopies {
    std::vector<Index> indexes;
    std::vector<Constraint> keys;
    std::vector<Constraint> checks;  // the parent's checks, under their names
};
PartitionCopies partition_copies(const SchemaModel& m, const QualifiedName& partition);

} // namespace pgshape::model
