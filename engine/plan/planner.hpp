#pragma once
// Models → ordered, reversible plan.
#include "engine/model/schema_model.hpp"
#include "engine/plan/step.hpp"

namespace pgshape::plan {

// The plan that turns `from` into `to`. Deterministic: the same models give
// the same steps in the same order.
Plan build_plan(const model::SchemaModel& from, const model::SchemaModel& to);

} // namespace pgshape::plan
