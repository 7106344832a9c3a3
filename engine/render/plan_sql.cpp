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
    auto emit = [&](const plan::Step& step) {
        out += fmt::format("\n-- {} {}\n", symbol_char(step.symbol, direction), step.summary_for(direction));
        const auto& hazards = direction == plan::Direction::up ? step.hazards : step.down_hazards;
        for (const auto& h : hazards) out += fmt::format("-- hazard {}: {}\n", plan::hazard_name(h.kind), h.message);
        for (const auto& stmt : direction == plan::Direction::up ? step.up : step.down) out += stmt + ";\n";
    };
    auto outside = [&](const plan::Step& step) {
        return direction == plan::Direction::up ? step.up_outside_transaction : step.down_outside_transaction;
    };
    // Steps that cannot run inside a transaction block come first, on their own.
    bool any_outside = false;
    for_each_step(plan, direction, [&](const plan::Step& step) {
        if (!outside(step)) return;
        if (!any_outside) out += "\n-- outside the transaction: a new enum value cannot be used in the transaction that adds it";
        any_outside = true;
        emit(step);
    });
    bool any_inside = false;
    for_each_step(plan, direction, [&](const plan::Step& step) { any_inside = any_inside || !outside(step); });
    if (!any_inside) return out;
    out += any_outside ? "\nBEGIN;\n" : "BEGIN;\n";
    for_each_step(plan, direction, [&](const plan::Step& step) {
        if (!outside(step)) emit(step);
    });
    out += "\nCOMMIT;\n";
    return out;
}

std::string plan_text(const plan::Plan& plan, plan::Direction direction) {
    if (plan.empty()) return "No changes.\n";
    std::string out;
    for_each_step(plan, direction, [&](const plan::Step& step) {
        out += fmt::format("{} {}\n", symbol_char(step.symbol, direction), step.summary_for(direction));
        const auto& hazards = direction == plan::Direction::up ? step.hazards : step.down_hazards;
        for (const auto& h : hazards) out += fmt::format("    ! {}: {}\n", plan::hazard_name(h.kind), h.message);
    });
    return out;
}

} // namespace pgshape::render
