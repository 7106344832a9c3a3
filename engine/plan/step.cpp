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

Statements split_statements(const Plan& plan, Direction direction) {
    Statements out;
    auto take = [&](const Step& step) {
        const bool up = direction == Direction::up;
        const auto& list = up ? step.up : step.down;
        auto& into = (up ? step.up_outside_transaction : step.down_outside_transaction) ? out.outside_transaction
                                                                                         : out.in_transaction;
        into.insert(into.end(), list.begin(), list.end());
    };
    if (direction == Direction::up) {
        for (const auto& step : plan.steps) take(step);
    } else {
        for (auto it = plan.steps.rbegin(); it != plan.steps.rend(); ++it) take(*it);
    }
    return out;
}

std::vector<std::string> statements(const Plan& plan, Direction direction) {
    auto split = split_statements(plan, direction);
    auto out = std::move(split.outside_transaction);
    out.insert(out.end(), split.in_transaction.begin(), split.in_transaction.end());
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
