#pragma once
// Changing a sequence's (or identity's) options safely.
#include <string>

#include "engine/model/schema_model.hpp"
#include "engine/plan/step.hpp"

namespace pgshape::plan {

// " RESTART WITH n" when going from `a` to `b` could leave the current
// position outside the new bounds (PostgreSQL refuses that), else "".
std::string restart_clause(const model::SequenceOptions& a, const model::SequenceOptions& b);

// What a restart costs: numbers may be handed out again.
Hazard restart_hazard(const std::string& what, const model::SequenceOptions& options);

} // namespace pgshape::plan
