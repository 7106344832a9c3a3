#include <fmt/format.h>

#include "engine/render/render.hpp"

namespace pgshape::render {
namespace {

char symbol_char(plan::ChangeSymbol symbol, plan::Direction direction) {
    using plan::ChangeSymbol;
    if (symbol == ChangeSymbol::alter) return '~';
    const bool create = (symbol == ChangeSymbol::create) == (direction == plan::Direction::up);
    return create ? '+' : '-';
}

template <class Fn> void for_each_step(const plan::Plan& plan, plan::Direction direction, Fn&& fn) {
    if (direction == plan::Direction::up)
        for (const auto& step : plan.steps) fn(step);
    else
        for (auto it = plan.steps.rbegin(); it != plan.steps.rend(); ++it) fn(*it);
}

} // namespace

std::string plan_sql(const plan::Plan& plan, plan::Direction direction) {
    if (plan.empty()) return "-- pgshape: no changes\n";
    std::string out = fmt::format("-- pgshape plan ({}): {} step{}\n", direction == plan::Direction::up ? "up" : "down",
                                  plan.steps.size(), plan.steps.size() == 1 ? "" : "s");
    out += "BEGIN;\n";
    for_each_step(plan, direction, [&](const plan::Step& step) {
        out += fmt::format("\n-- {} {}\n", symbol_char(step.symbol, direction), step.summary);
        const auto& hazards = direction == plan::Direction::up ? step.hazards : step.down_hazards;
        for (const auto& h : hazards) out += fmt::format("-- hazard {}: {}\n", plan::hazard_name(h.kind), h.message);
        for (const auto& stmt : direction == plan::Direction::up ? step.up : step.down) out += stmt + ";\n";
    });
    out += "\nCOMMIT;\n";
    return out;
}

std::string plan_text(const plan::Plan& plan, plan::Direction direction) {
    if (plan.empty()) return "No changes.\n";
    std::string out;
    for_each_step(plan, direction, [&](const plan::Step& step) {
        out += fmt::format("{} {}\n", symbol_char(step.symbol, direction), step.summary);
        const auto& hazards = direction == plan::Direction::up ? step.hazards : step.down_hazards;
        for (const auto& h : hazards) out += fmt::format("    ! {}: {}\n", plan::hazard_name(h.kind), h.message);
    });
    return out;
}

} // namespace pgshape::render
