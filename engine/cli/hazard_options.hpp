#pragma once
// --allow-hazards / --refuse-hazards, shared by plan and apply.
#include <string>

#include <CLI/CLI.hpp>

#include "engine/plan/policy.hpp"

namespace pgshape::cli {

struct HazardOptions {
    std::string allow;
    std::string refuse = "data_loss";
    void add_to(CLI::App& cmd);
    plan::HazardPolicy policy() const;
};

// Prints refused hazards to stderr; true when the plan may go ahead.
bool check_hazards(const plan::Plan& plan, plan::Direction direction, const plan::HazardPolicy& policy);

} // namespace pgshape::cli
