#pragma once
// Typed differences between two schema models.
#include <optional>
#include <variant>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::diff {

enum class ChangeOp { create, drop, alter };

// One object that exists only in `to` (create), only in `from` (drop), or in
// both but differently (alter). The object values are copies: a change is
// meaningful on its own.
template <class T>
struct ObjectChange {
    ChangeOp op;
    std::optional<T> from;
    std::optional<T> to;
};

// Columns are diffed inside tables present on both sides.
struct ColumnChange {
    ChangeOp op;
    model::QualifiedName table;
    std::optional<model::Column> from;
    std::optional<model::Column> to;
};

using Change = std::variant<ObjectChange<model::Schema>, ObjectChange<model::Extension>,
                            ObjectChange<model::EnumType>, ObjectChange<model::Domain>,
                            ObjectChange<model::CompositeType>, ObjectChange<model::Collation>, ObjectChange<model::Sequence>,
                            ObjectChange<model::Table>, ColumnChange, ObjectChange<model::Constraint>,
                            ObjectChange<model::Index>, ObjectChange<model::Function>,
                            ObjectChange<model::Trigger>, ObjectChange<model::View>,
                            ObjectChange<model::Policy>>;

// Every difference, in a deterministic order (kind, then key).
std::vector<Change> diff_models(const model::SchemaModel& from, const model::SchemaModel& to);

} // namespace pgshape::diff
