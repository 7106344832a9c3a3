#include "engine/plan/policy.hpp"

#include <sstream>

#include "engine/model/error.hpp"

namespace pgshape::plan {

std::set<HazardKind> parse_hazard_list(const std::string& text) {
    const std::set<HazardKind> every{HazardKind::data_loss, HazardKind::table_rewrite, HazardKind::blocking_lock};
    if (text == "all") return every;
    std::set<HazardKind> out;
    std::stringstream in(text);
    std::string name;
    while (std::getline(in, name, ',')) {
        if (name.empty()) continue;
        bool found = false;
        for (auto kind : every) {
            if (name == hazard_name(kind)) {
                out.insert(kind);
                found = true;
            }
        }
        if (!found)
            throw UserError("error: unknown hazard '" + name + "' (expected all, or a list of data_loss, table_rewrite, blocking_lock)");
    }
    return out;
}

std::vector<Hazard> refused_hazards(const Plan& plan, Direction direction, const HazardPolicy& policy) {
    std::vector<Hazard> out;
    for (const auto& h : hazards(plan, direction))
        if (policy.refused.count(h.kind) && !policy.allowed.count(h.kind)) out.push_back(h);
    return out;
}

} // namespace pgshape::plan
