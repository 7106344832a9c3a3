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
    drop_trigger_on_view,  // before the view goes (DROP VIEW would take it along)
    drop_function_before_views,  // SQL functions reading a view: before the views go
    drop_view,  // views dropped or re-created: before anything they read changes (plan_view.cpp)
    create_schema,
    create_extension,
    create_type,
    create_sequence,
    create_function,  // functions that need no table: before the defaults and checks that call them
    // Domains whose default or checks call a function (and the types built
    // on them), and domains and composite types changed in place by ALTER:
    // once the functions they call exist, before the tables that use them.
    create_type_after_functions,
    drop_trigger,     // before the functions, columns and tables triggers use change
    drop_policy,      // likewise for policies: before the columns, functions and tables they use
    release_index_properties,  // REPLICA IDENTITY and CLUSTER ON off an index before the index goes
    drop_foreign_key,
    drop_partition,  // partitions detached or dropped before their parent changes
    drop_index,
    drop_constraint,
    release_sequence,
    rebuild_type,  // types ALTER cannot change (type_rebuild.hpp): after dependents are dropped, before columns change
    rebuild_function,  // DROP + CREATE where OR REPLACE cannot: once its dependents are gone
    create_table,
    create_partition,  // after the partitioned parent
    alter_column,
    drop_column,
    create_function_after_tables,  // functions whose signature or SQL body uses a table
    add_constraint,
    inherit,  // ALTER TABLE ... INHERIT: once the child has the parent's columns and checks
    create_index,
    set_table_properties,  // RLS flags, replica identity, CLUSTER ON: after the index they name exists
    add_foreign_key,
    own_sequence,
    create_trigger,                // after its table and its function
    create_policy,                 // after its table, the columns it names and the functions it calls
    drop_function_before_tables,   // the inverse of create_function_after_tables
    drop_table,
    drop_sequence,
    drop_type_before_functions,  // the inverse of create_type_after_functions
    drop_function,  // after the tables, defaults and checks that call it
    drop_type,
    drop_extension,
    drop_schema,
    create_view,  // views created or re-created: after everything they read
    create_function_after_views,  // SQL functions reading a view: once the views exist
    create_trigger_on_view,  // once its view exists
    privileges,  // GRANT, REVOKE, OWNER TO, default privileges (--privileges): once every object exists
    comment,
};

enum class ChangeSymbol { create, drop, alter };

enum class Direction { up, down };

struct Step {
    Phase phase{};
    model::ObjectKey key;
    ChangeSymbol symbol = ChangeSymbol::alter;
    std::string summary;            // e.g. "column public.orders.status: character varying(20) → text"
    std::string down_summary;       // the same for `down`, where it is not just the inverse symbol
    // Order inside a phase where objects of one kind depend on each other
    // (a function calling another): lower first.
    int rank = 0;
    std::vector<std::string> up;    // statements without trailing ';'
    std::vector<std::string> down;  // statements undoing `up`, run in order
    std::vector<Hazard> hazards;        // of running `up`
    std::vector<Hazard> down_hazards;   // of running `down` (e.g. data not restored)
    // ALTER TYPE ... ADD VALUE: its value cannot be used in the transaction
    // that adds it, so such steps run first, each committed on its own.
    bool up_outside_transaction = false;
    bool down_outside_transaction = false;
    const std::string& summary_for(Direction direction) const {
        return direction == Direction::down && !down_summary.empty() ? down_summary : summary;
    }
    bool operator==(const Step&) const = default;
};

struct Plan {
    std::vector<Step> steps;  // in `up` order
    bool empty() const { return steps.empty(); }
};

// The statements of a plan in execution order for one direction: first
// those that must run outside the transaction, then the transactional rest.
struct Statements {
    std::vector<std::string> outside_transaction;
    std::vector<std::string> in_transaction;
};
Statements split_statements(const Plan& plan, Direction direction);
// All of them, in the order they run (outside-transaction ones first).
std::vector<std::string> statements(const Plan& plan, Direction direction);
// The hazards of a plan for one direction.
std::vector<Hazard> hazards(const Plan& plan, Direction direction);

} // namespace pgshape::plan
