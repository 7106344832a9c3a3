#include "engine/plan/routine_order.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pgshape::plan {
namespace {

bool is_table_type(const model::SchemaModel& m, const model::TypeRef& type) {
    return !type.schema.empty() && m.tables.count({type.schema, type.name});
}

bool needs_functions_within(const model::SchemaModel& m, const model::TypeRef& type, std::size_t budget) {
    if (type.schema.empty() || budget == 0) return false;
    const model::QualifiedName name{type.schema, type.name};
    if (auto d = m.domains.find(name); d != m.domains.end()) {
        for (const auto& call : d->second.calls) {
            auto f = m.functions.lower_bound({call, {}});
            if (f != m.functions.end() && f->first.name == call) return true;
        }
        return needs_functions_within(m, d->second.base, budget - 1);
    }
    if (auto c = m.composite_types.find(name); c != m.composite_types.end())
        for (const auto& a : c->second.attributes)
            if (needs_functions_within(m, a.type, budget - 1)) return true;
    return false;
}

bool signature_needs_tables(const model::SchemaModel& m, const model::Function& fn) {
    auto needs = [&](const model::TypeRef& t) { return is_table_type(m, t) || type_needs_functions(m, t); };
    if (fn.returns && needs(*fn.returns)) return true;
    return std::any_of(fn.args.begin(), fn.args.end(), [&](const auto& a) { return needs(a.type); });
}

// Depth-first over calls; `visiting` breaks recursion (a function calling
// itself, or overloads calling each other).
struct Walk {
    std::set<model::FunctionKey> visiting;
    std::map<model::FunctionKey, RoutinePlacement> done;
};

RoutinePlacement visit(const model::SchemaModel& m, const model::Function& fn, Walk& walk) {
    if (auto it = walk.done.find(fn.key()); it != walk.done.end()) return it->second;
    RoutinePlacement out;
    out.needs_tables = signature_needs_tables(m, fn) ||
                       std::any_of(fn.reads.begin(), fn.reads.end(), [&](const auto& r) { return m.tables.count(r) > 0; });
    out.needs_views = std::any_of(fn.reads.begin(), fn.reads.end(), [&](const auto& r) { return m.views.count(r) > 0; });
    walk.visiting.insert(fn.key());
    for (const auto& callee : fn.calls) {
        for (auto it = m.functions.lower_bound({callee, {}}); it != m.functions.end() && it->first.name == callee; ++it) {
            if (walk.visiting.count(it->first)) continue;
            const auto inner = visit(m, it->second, walk);
            out.needs_tables = out.needs_tables || inner.needs_tables;
            out.needs_views = out.needs_views || inner.needs_views;
            out.depth = std::max(out.depth, inner.depth + 1);
        }
    }
    walk.visiting.erase(fn.key());
    walk.done.emplace(fn.key(), out);
    return out;
}

} // namespace

bool type_needs_functions(const model::SchemaModel& m, const model::TypeRef& type) {
    return needs_functions_within(m, type, m.domains.size() + m.composite_types.size() + 1);
}

RoutinePlacement placement_of(const model::SchemaModel& m, const model::Function& fn) {
    Walk walk;
    return visit(m, fn, walk);
}

std::vector<const model::Function*> functions_in_order(const model::SchemaModel& m, TableOrder which) {
    std::vector<std::pair<int, const model::Function*>> ranked;
    Walk walk;
    for (const auto& [key, fn] : m.functions) {
        const auto place = visit(m, fn, walk);
        const auto group = place.needs_views    ? TableOrder::after_views
                           : place.needs_tables ? TableOrder::after_tables
                                                : TableOrder::before_tables;
        if (group == which) ranked.emplace_back(place.depth, &fn);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const model::Function*> out;
    for (const auto& [depth, fn] : ranked) out.push_back(fn);
    return out;
}

std::string signature_name(const model::FunctionKey& key) { return model::signature(key); }

model::ObjectKey routine_step_key(const model::Function& fn) {
    return {model::Kind::function, fn.name.schema, signature_name(fn.key()), ""};
}

std::string routine_label(const model::Function& fn) {
    return (fn.kind == model::RoutineKind::procedure ? "procedure " : "function ") + model::display(fn.key());
}

} // namespace pgshape::plan
