#pragma once
// Which hazards stop a plan.
#include <set>
#include <string>
#include <vector>

#include "engine/plan/step.hpp"

namespace pgshape::plan {

struct HazardPolicy {
    // Refused unless allowed: by default only data loss (drop table or
    // column, narrowing type change, removed enum value). Rewrites and
    // blocking locks are reported but do not stop a plan unless asked.
    std::set<HazardKind> refused{HazardKind::data_loss};
    std::set<HazardKind> allowed;
};

// "all" or a comma-separated list of hazard names; throws UserError on an
// unknown name.
std::set<HazardKind> parse_hazard_list(const std::string& text);

// The hazards of `plan` in `direction` that the policy refuses.
std::vector<Hazard> refused_hazards(const Plan& plan, Direction direction, const HazardPolicy& policy);

} // namespace pgshape::plan
