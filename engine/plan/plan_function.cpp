// Functions and procedures: created before the tables whose defaults and
// checks call them (after, when they need a table themselves), replaced in
// place where PostgreSQL allows it, dropped and re-created where it does
// not, with the triggers that call them dropped before and re-created after.
#include <fmt/format.h>

#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_routine.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/routine_order.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;

model::ObjectKey key_of(const model::Function& fn) {
    return {model::Kind::function, fn.name.schema, signature_name(fn.key()), ""};
}

std::string label(const model::Function& fn) {
    return (fn.kind == model::RoutineKind::procedure ? "procedure " : "function ") + model::display(fn.key());
}

// CREATE OR REPLACE refuses to change the kind, the return type (OUT
// parameters included), parameter names and modes, or to remove a default;
// both directions must be replaceable, so defaults may change but not come
// or go.
bool replaceable(const model::Function& a, const model::Function& b) {
    if (a.kind != b.kind || a.returns != b.returns || a.returns_set != b.returns_set || a.args.size() != b.args.size())
        return false;
    for (std::size_t i = 0; i < a.args.size(); ++i) {
        const auto &x = a.args[i], &y = b.args[i];
        if (x.name != y.name || x.mode != y.mode || x.type != y.type ||
            x.default_value.has_value() != y.default_value.has_value())
            return false;
    }
    return true;
}

const char* volatility_word(model::Volatility v) {
    return v == model::Volatility::immutable ? "IMMUTABLE" : v == model::Volatility::stable ? "STABLE" : "VOLATILE";
}

const char* parallel_word(model::ParallelSafety p) {
    return p == model::ParallelSafety::safe ? "SAFE" : p == model::ParallelSafety::restricted ? "RESTRICTED" : "UNSAFE";
}

std::string return_text(const model::Function& fn) { return fn.returns ? ddl::return_clause(fn) : "nothing"; }

// "function public.f(integer): body; STABLE → IMMUTABLE"
std::string describe(const model::Function& a, const model::Function& b) {
    std::vector<std::string> parts;
    if (a.kind != b.kind) parts.emplace_back(b.kind == model::RoutineKind::procedure ? "function → procedure"
                                                                                     : "procedure → function");
    if (return_text(a) != return_text(b))
        parts.push_back("returns " + return_text(a) + " → " + return_text(b));
    if (ddl::parameter_list(a) != ddl::parameter_list(b))
        parts.push_back("parameters (" + ddl::parameter_list(a) + ") → (" + ddl::parameter_list(b) + ")");
    if (a.language != b.language) parts.push_back("language " + a.language + " → " + b.language);
    if (a.body != b.body || a.object_file != b.object_file) parts.emplace_back("body");
    if (a.volatility != b.volatility)
        parts.push_back(std::string(volatility_word(a.volatility)) + " → " + volatility_word(b.volatility));
    if (a.strict != b.strict) parts.emplace_back(b.strict ? "STRICT" : "CALLED ON NULL INPUT");
    if (a.security_definer != b.security_definer) parts.emplace_back(b.security_definer ? "SECURITY DEFINER" : "SECURITY INVOKER");
    if (a.leakproof != b.leakproof) parts.emplace_back(b.leakproof ? "LEAKPROOF" : "NOT LEAKPROOF");
    if (a.parallel != b.parallel)
        parts.push_back(fmt::format("PARALLEL {} → {}", parallel_word(a.parallel), parallel_word(b.parallel)));
    if (a.cost != b.cost) parts.push_back(fmt::format("COST {} → {}", a.cost, b.cost));
    if (a.rows != b.rows) parts.push_back(fmt::format("ROWS {} → {}", a.rows, b.rows));
    for (const auto& [name, value] : b.settings) {
        auto it = a.settings.find(name);
        if (it == a.settings.end()) parts.push_back("SET " + name + " = " + value);
        else if (it->second != value) parts.push_back("SET " + name + " = " + it->second + " → " + value);
    }
    for (const auto& [name, value] : a.settings)
        if (!b.settings.count(name)) parts.push_back("RESET " + name);
    std::string out = label(b) + ":";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : " ") + parts[i];
    return out;
}

Phase create_phase(const RoutinePlacement& place) {
    return place.needs_views    ? Phase::create_function_after_views
           : place.needs_tables ? Phase::create_function_after_tables
                                : Phase::create_function;
}

void create_step(PlanContext& ctx, const model::Function& fn) {
    const auto place = placement_of(ctx.to, fn);
    auto& step = ctx.add(create_phase(place), key_of(fn), ChangeSymbol::create, label(fn));
    step.rank = place.depth;
    step.up = ddl::create_function_statements(fn);
    step.down = {ddl::drop_function(fn)};
}

void drop_step(PlanContext& ctx, const model::Function& fn) {
    const auto place = placement_of(ctx.from, fn);
    const Phase phase = place.needs_views    ? Phase::drop_function_before_views
                        : place.needs_tables ? Phase::drop_function_before_tables
                                             : Phase::drop_function;
    auto& step = ctx.add(phase, key_of(fn), ChangeSymbol::drop, label(fn));
    step.rank = -place.depth;  // callers first: going down re-creates callees first
    step.up = {ddl::drop_function(fn)};
    step.down = ddl::create_function_statements(fn);
}

// Unchanged triggers that call `fn`: they must let go of it while it is
// dropped and re-created.
void rebuild_callers(PlanContext& ctx, const model::Function& fn) {
    if (!fn.key().arguments.empty()) return;  // trigger functions take no arguments
    for (const auto& [key, trigger] : ctx.from.triggers) {
        if (trigger.function != fn.name) continue;
        auto it = ctx.to.triggers.find(key);
        if (it != ctx.to.triggers.end() && it->second == trigger) ctx.rebuilt_triggers.insert(key);
    }
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Function>& change) {
    if (change.op == ChangeOp::create) return create_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    const auto& a = *change.from;
    const auto& b = *change.to;
    model::Function a_bare = a, b_bare = b;
    a_bare.comment.reset();
    b_bare.comment.reset();
    const auto key = key_of(b);
    if (a_bare == b_bare) {
        plan_comment(ctx, key, ddl::function_target(b), a.comment, b.comment);
        return;
    }
    // In place, where both versions can be: the later of their positions.
    const auto before = placement_of(ctx.from, a);
    const auto after = placement_of(ctx.to, b);
    RoutinePlacement both = after;
    both.needs_tables = before.needs_tables || after.needs_tables;
    both.needs_views = before.needs_views || after.needs_views;
    if (replaceable(a, b)) {
        auto& step = ctx.add(create_phase(both), key, ChangeSymbol::alter, describe(a, b));
        step.down_summary = describe(b, a);
        step.rank = after.depth;
        step.up = {ddl::create_function(b, ddl::CreateMode::or_replace)};
        step.down = {ddl::create_function(a, ddl::CreateMode::or_replace)};
        plan_comment(ctx, key, ddl::function_target(b), a.comment, b.comment);
        return;
    }
    // DROP and CREATE in one step, after whatever uses it let go.
    const Phase phase = both.needs_views || both.needs_tables ? create_phase(both) : Phase::rebuild_function;
    auto& step = ctx.add(phase, key, ChangeSymbol::alter, describe(a, b) + " (drop and re-create)");
    step.down_summary = describe(b, a) + " (drop and re-create)";
    step.rank = after.depth;
    step.up = {ddl::drop_function(a)};
    for (auto& s : ddl::create_function_statements(b)) step.up.push_back(std::move(s));
    step.down = {ddl::drop_function(b)};
    for (auto& s : ddl::create_function_statements(a)) step.down.push_back(std::move(s));
    rebuild_callers(ctx, a);
}

} // namespace pgshape::plan
