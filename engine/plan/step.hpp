#pragma once
// A migration plan: ordered steps, each with its SQL both ways and its hazards.
#include <string>
#include <vector>

#include "engine/model/names.hpp"

namespace pgshape::plan {

enum class HazardKind { data_loss, table_rewrite, blocking_lock };

const char* hazard_name(HazardKind kind);

struct Hazard {
    HazardKind kind;
    std::string message;
    bool operator==(const Hazard&) const = default;
};

// Layers of the dependency graph between object kinds: a step may depend
// only on steps of earlier phases (schemas before the types in them, tables
// before the keys on them, foreign keys after the keys they reference, every
// drop of a dependent before the drop of what it depends on). The down
// script runs the inverse steps in exactly the reverse order.
enum class Phase {
    create_schema,
    create_extension,
    create_type,
    create_sequence,
    drop_foreign_key,
    drop_index,
    drop_constraint,
    release_sequence,
    create_table,
    alter_column,
    drop_column,
    add_constraint,
    create_index,
    add_foreign_key,
    own_sequence,
    drop_table,
    drop_sequence,
    drop_type,
    drop_extension,
    drop_schema,
    comment,
};

enum class ChangeSymbol { create, drop, alter };

struct Step {
    Phase phase{};
    model::ObjectKey key;
    ChangeSymbol symbol = ChangeSymbol::alter;
    std::string summary;            // e.g. "column public.orders.status: character varying(20) → text"
    std::vector<std::string> up;    // statements without trailing ';'
    std::vector<std::string> down;  // statements undoing `up`, run in order
    std::vector<Hazard> hazards;        // of running `up`
    std::vector<Hazard> down_hazards;   // of running `down` (e.g. data not restored)
    bool operator==(const Step&) const = default;
};

struct Plan {
    std::vector<Step> steps;  // in `up` order
    bool empty() const { return steps.empty(); }
};

enum class Direction { up, down };

// The statements of a plan in execution order for one direction.
std::vector<std::string> statements(const Plan& plan, Direction direction);
// The hazards of a plan for one direction.
std::vector<Hazard> hazards(const Plan& plan, Direction direction);

} // namespace pgshape::plan
