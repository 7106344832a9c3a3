#pragma once
// What a plan changes under the objects that read tables and views (views,
// SQL-standard routine bodies): PostgreSQL records those reads, so such an
// object cannot stay while what it reads is dropped, re-created or retyped.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {

struct ReaderChanges {
    std::map<model::QualifiedName, std::string> gone;             // relations dropped or re-created → why
    std::map<model::ViewRead, std::string> changed_columns;       // (table, column) retyped or dropped → how
    std::set<model::QualifiedName> changed_types;                 // user-defined types rebuilt, changed or dropped

    // From the two models of a plan: tables and partitions dropped or
    // re-created, sequences and views dropped, columns, and the types
    // rebuilt, changed or dropped.
    static ReaderChanges of(const PlanContext& ctx);

    // Why an object reading these cannot stay while the plan runs, or "".
    std::string why(const std::vector<model::QualifiedName>& relations, const std::vector<model::ViewRead>& reads,
                    const std::vector<model::TypeRef>& types) const;
};

} // namespace pgshape::plan
