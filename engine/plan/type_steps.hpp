#pragma once
// The create and drop steps of domains and composite types, which order
// alike: by depth (bases first), after the functions a domain's checks
// call, after the rebuild of a type they are built on.
#include <string>
#include <vector>

#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {

// `create`: the statements that make the type (as `ctx.to` has it for a
// create, `ctx.from` for a drop); `drop`: the one that drops it.
void add_type_step(PlanContext& ctx, diff::ChangeOp op, const model::ObjectKey& key, const std::string& label,
                   std::vector<std::string> create, const std::string& drop);

} // namespace pgshape::plan
