#include "engine/plan/step.hpp"

namespace pgshape::plan {

const char* hazard_name(HazardKind kind) {
    switch (kind) {
    case HazardKind::data_loss: return "data_loss";
    case HazardKind::table_rewrite: return "table_rewrite";
    case HazardKind::blocking_lock: return "blocking_lock";
    }
    return "hazard";
}

std::vector<std::string> statements(const Plan& plan, Direction direction) {
    std::vector<std::string> out;
    if (direction == Direction::up) {
        for (const auto& step : plan.steps) out.insert(out.end(), step.up.begin(), step.up.end());
    } else {
        for (auto it = plan.steps.rbegin(); it != plan.steps.rend(); ++it)
            out.insert(out.end(), it->down.begin(), it->down.end());
    }
    return out;
}

std::vector<Hazard> hazards(const Plan& plan, Direction direction) {
    std::vector<Hazard> out;
    for (const auto& step : plan.steps) {
        const auto& list = direction == Direction::up ? step.hazards : step.down_hazards;
        out.insert(out.end(), list.begin(), list.end());
    }
    return out;
}

} // namespace pgshape::plan
