#pragma once
// Plan → text for people and for psql.
#include <string>

#include "engine/model/schema_model.hpp"
#include "engine/plan/step.hpp"

namespace pgshape::render {

// Plain SQL that `psql -v ON_ERROR_STOP=1 -f` applies as is, wrapped in one
// transaction, each step introduced by a comment naming it.
std::string plan_sql(const plan::Plan& plan, plan::Direction direction);

// A readable summary: one line per step (+ create, - drop, ~ alter), the
// hazards under the step that causes them.
std::string plan_text(const plan::Plan& plan, plan::Direction direction);

// A whole model as SQL the parser reads back (for `inspect`).
std::string model_sql(const model::SchemaModel& model);

} // namespace pgshape::render
