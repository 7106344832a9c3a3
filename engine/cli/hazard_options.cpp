#include "engine/cli/hazard_options.hpp"

#include <iostream>

#include <fmt/format.h>

namespace pgshape::cli {

void HazardOptions::add_to(CLI::App& cmd) {
    cmd.add_option("--allow-hazards", allow, "hazards to allow: all, or a list of data_loss,table_rewrite,blocking_lock");
    cmd.add_option("--refuse-hazards", refuse, "hazards that stop the plan unless allowed (default: data_loss; all for every kind)");
}

plan::HazardPolicy HazardOptions::policy() const {
    plan::HazardPolicy p;
    p.refused = plan::parse_hazard_list(refuse);
    p.allowed = plan::parse_hazard_list(allow);
    return p;
}

bool check_hazards(const plan::Plan& plan, plan::Direction direction, const plan::HazardPolicy& policy) {
    const auto refused = plan::refused_hazards(plan, direction, policy);
    if (refused.empty()) return true;
    std::set<std::string> kinds;
    std::cerr << "refused: the plan has hazards that are not allowed:\n";
    for (const auto& h : refused) {
        std::cerr << fmt::format("  ! {}: {}\n", plan::hazard_name(h.kind), h.message);
        kinds.insert(plan::hazard_name(h.kind));
    }
    std::string list;
    for (const auto& k : kinds) list += (list.empty() ? "" : ",") + k;
    std::cerr << fmt::format("help: review the plan, then rerun with --allow-hazards {}\n", list);
    return false;
}

} // namespace pgshape::cli
