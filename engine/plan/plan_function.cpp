// Functions and procedures: created before the tables whose defaults and
// checks call them (after, when they need a table themselves), replaced in
// place where PostgreSQL allows it, dropped and re-created where it does
// not, with the triggers, checks, indexes and defaults that call them
// dropped before and re-created after.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_routine.hpp"
#include "engine/plan/ddl_type.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/routine_order.hpp"
#include "engine/plan/type_rebuild.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;

model::ObjectKey function_key(const model::Function& fn) { return routine_step_key(fn); }
std::string label(const model::Function& fn) { return routine_label(fn); }

} // namespace

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

namespace {

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
    auto& step = ctx.add(create_phase(place), function_key(fn), ChangeSymbol::create, label(fn));
    step.rank = place.depth;
    step.up = ddl::create_function_statements(fn);
    step.down = {ddl::drop_function(fn)};
}

void drop_step(PlanContext& ctx, const model::Function& fn) {
    const auto place = placement_of(ctx.from, fn);
    const Phase phase = place.needs_views    ? Phase::drop_function_before_views
                        : place.needs_tables ? Phase::drop_function_before_tables
                                             : Phase::drop_function;
    auto& step = ctx.add(phase, function_key(fn), ChangeSymbol::drop, label(fn));
    step.rank = -place.depth;  // callers first: going down re-creates callees first
    step.up = {ddl::drop_function(fn)};
    step.down = ddl::create_function_statements(fn);
}

// Does the expression call `fn` (by its name, qualified or not)? Any
// overload counts: the text does not say which one a call resolves to.
bool calls(const model::Expr& expr, const model::Function& fn) {
    const std::string& sql = expr.sql();
    const std::string name = model::quote_ident(fn.name.name);
    for (auto at = sql.find(name); at != std::string::npos; at = sql.find(name, at + 1)) {
        std::size_t end = at + name.size();
        while (end < sql.size() && sql[end] == ' ') ++end;
        if (end >= sql.size() || sql[end] != '(') continue;
        if (at == 0) return fn.name.schema == "public";
        const char before = sql[at - 1];
        if (std::isalnum(static_cast<unsigned char>(before)) || before == '_' || before == '"') continue;
        if (before != '.') return fn.name.schema == "public";
        const std::string schema = model::quote_ident(fn.name.schema) + ".";
        if (at >= schema.size() && sql.compare(at - schema.size(), schema.size(), schema) == 0) return true;
    }
    return false;
}

template <class Map>
bool unchanged(const Map& to, const typename Map::key_type& key, const typename Map::mapped_type& value) {
    auto it = to.find(key);
    return it != to.end() && it->second == value;
}

std::string around(const model::Function& fn) { return " (around " + label(fn) + ")"; }

void rebuild_callers(PlanContext& ctx, const model::Function& fn);

bool has_step(const PlanContext& ctx, Phase phase, const model::ObjectKey& key) {
    for (const auto& step : ctx.steps)
        if (step.phase == phase && step.key == key) return true;
    return false;
}

// An unchanged function with a SQL-standard body (RETURN expr) that calls
// `fn`: PostgreSQL records that dependency, so it is dropped first (with
// whatever calls it in turn) and created again after.
void rebuild_standard_callers(PlanContext& ctx, const model::Function& fn) {
    for (const auto& [key, g] : ctx.from.functions) {
        if (!g.body.sql_standard || key == fn.key() || !unchanged(ctx.to.functions, key, g) ||
            ctx.rebuilt_functions.count(key))
            continue;
        if (std::find(g.calls.begin(), g.calls.end(), fn.name) == g.calls.end()) continue;
        if (has_step(ctx, Phase::drop_trigger, function_key(g))) continue;
        const auto depth = placement_of(ctx.to, g).depth;
        auto& drop = ctx.add(Phase::drop_trigger, function_key(g), ChangeSymbol::drop, label(g) + around(fn));
        drop.rank = -depth;
        drop.up = {ddl::drop_function(g)};
        drop.down = ddl::create_function_statements(g);
        auto& create = ctx.add(Phase::create_function_after_tables, function_key(g), ChangeSymbol::create, label(g) + around(fn));
        create.rank = depth;
        create.up = ddl::create_function_statements(g);
        create.down = {ddl::drop_function(g)};
        rebuild_callers(ctx, g);
    }
}

// Unchanged objects that call `fn` must let go of it while it is dropped and
// re-created: triggers and policies (rebuilt with the others, plan_trigger.cpp
// and plan_policy.cpp), checks,
// indexes and column defaults (dropped before, added back after), and
// functions whose SQL-standard body calls it.
void rebuild_callers(PlanContext& ctx, const model::Function& fn) {
    rebuild_standard_callers(ctx, fn);
    if (fn.key().arguments.empty()) {  // trigger functions take no arguments
        for (const auto& [key, trigger] : ctx.from.triggers)
            if (trigger.function == fn.name && unchanged(ctx.to.triggers, key, trigger)) ctx.rebuilt_triggers.insert(key);
    }
    for (const auto& [key, p] : ctx.from.policies)
        if (std::find(p.calls.begin(), p.calls.end(), fn.name) != p.calls.end() && unchanged(ctx.to.policies, key, p))
            ctx.rebuilt_policies.insert(key);
    for (const auto& [key, c] : ctx.from.constraints) {
        if (!c.check || !calls(*c.check, fn) || !unchanged(ctx.to.constraints, key, c)) continue;
        const std::string what = "check " + model::quote_ident(c.name) + " on " + model::quote_name(c.table);
        // Adding the check back scans the table: the add step going up, the
        // drop step going down.
        const Hazard scan{HazardKind::blocking_lock, model::quote_name(c.table) + ": validating the check scans the table under lock"};
        auto& drop = ctx.add(Phase::drop_constraint, key_of(c), ChangeSymbol::drop, what + around(fn));
        drop.up = {ddl::drop_constraint(c)};
        drop.down = {ddl::add_constraint(c)};
        drop.down_hazards.push_back(scan);
        auto& add = ctx.add(Phase::add_constraint, key_of(c), ChangeSymbol::create, what + around(fn));
        add.up = {ddl::add_constraint(c)};
        add.down = {ddl::drop_constraint(c)};
        add.hazards.push_back(scan);
    }
    for (const auto& [name, index] : ctx.from.indexes) {
        bool uses = index.where && calls(*index.where, fn);
        for (const auto& e : index.elems) uses = uses || (e.expr && calls(*e.expr, fn));
        if (!uses || !unchanged(ctx.to.indexes, name, index)) continue;
        const std::string what = "index " + model::quote_name(index.name) + " on " + model::quote_name(index.table);
        const Hazard build{HazardKind::blocking_lock, "CREATE INDEX " + model::quote_name(index.name) + " blocks writes to " +
                                                          model::quote_name(index.table)};
        auto& drop = ctx.add(Phase::drop_index, key_of(index), ChangeSymbol::drop, what + around(fn));
        drop.up = {"DROP INDEX " + model::quote_name(index.name)};
        drop.down = {ddl::create_index(index)};
        drop.down_hazards.push_back(build);
        auto& add = ctx.add(Phase::create_index, key_of(index), ChangeSymbol::create, what + around(fn));
        add.up = {ddl::create_index(index)};
        add.down = {"DROP INDEX " + model::quote_name(index.name)};
        add.hazards.push_back(build);
    }
    for (const auto& [name, d] : ctx.from.domains) {
        if (!unchanged(ctx.to.domains, name, d) || ctx.rebuilt_types.count(name)) continue;
        const model::ObjectKey key{model::Kind::domain, name.schema, name.name, ""};
        for (const auto& c : d.checks) {
            if (!calls(c.expr, fn)) continue;
            const std::string what = "check " + model::quote_ident(c.name) + " on domain " + model::quote_name(name);
            std::vector<Hazard> scan;
            if (c.valid)
                scan.push_back({HazardKind::blocking_lock, "domain " + model::quote_name(name) + ": checking " + c.name +
                                                               " scans every column of the domain"});
            auto& drop = ctx.add(Phase::drop_constraint, key, ChangeSymbol::drop, what + around(fn));
            drop.up = {ddl::drop_domain_check(d, c)};
            drop.down = ddl::add_domain_check(d, c);
            drop.down_hazards = scan;
            auto& add = ctx.add(Phase::add_constraint, key, ChangeSymbol::create, what + around(fn));
            add.up = ddl::add_domain_check(d, c);
            add.down = {ddl::drop_domain_check(d, c)};
            add.hazards = scan;
        }
        if (d.default_value && calls(*d.default_value, fn)) {
            const std::string alter = "ALTER DOMAIN " + model::quote_name(name);
            const std::string what = "default of domain " + model::quote_name(name);
            auto& drop = ctx.add(Phase::drop_constraint, key, ChangeSymbol::alter, what + around(fn));
            drop.up = {alter + " DROP DEFAULT"};
            drop.down = {alter + " SET DEFAULT " + d.default_value->sql()};
            auto& add = ctx.add(Phase::add_constraint, key, ChangeSymbol::alter, what + around(fn));
            add.up = {alter + " SET DEFAULT " + d.default_value->sql()};
            add.down = {alter + " DROP DEFAULT"};
        }
    }
    for (const auto& [name, table] : ctx.from.tables) {
        auto other = ctx.to.tables.find(name);
        if (other == ctx.to.tables.end()) continue;
        for (const auto& column : table.columns) {
            const auto* after = other->second.find_column(column.name);
            if (!column.default_value || !calls(*column.default_value, fn) || !after || !(*after == column)) continue;
            const model::ObjectKey key{model::Kind::column, name.schema, column.name, name.name};
            const std::string alter = "ALTER TABLE " + model::quote_name(name) + " ALTER COLUMN " + model::quote_ident(column.name);
            const std::string what = "default of " + model::quote_name(name) + "." + model::quote_ident(column.name);
            auto& drop = ctx.add(Phase::drop_constraint, key, ChangeSymbol::alter, what + around(fn));
            drop.up = {alter + " DROP DEFAULT"};
            drop.down = {alter + " SET DEFAULT " + column.default_value->sql()};
            auto& add = ctx.add(Phase::add_constraint, key, ChangeSymbol::alter, what + around(fn));
            add.up = {alter + " SET DEFAULT " + column.default_value->sql()};
            add.down = {alter + " DROP DEFAULT"};
        }
    }
}

// Does the signature name a type of `types`? PostgreSQL ties the function
// to those types, so a rebuilt one cannot be dropped while it stands.
bool signature_uses(const model::Function& fn, const std::set<model::QualifiedName>& types) {
    if (fn.returns && uses_type(*fn.returns, types)) return true;
    return std::any_of(fn.args.begin(), fn.args.end(), [&](const auto& a) { return uses_type(a.type, types); });
}

// The types a function of `to` must wait for: those rebuilt and the new
// ones built on them, made in Phase::rebuild_type.
std::set<model::QualifiedName> rebuilt_in_to(const PlanContext& ctx) {
    return ctx.rebuilt_types.empty() ? ctx.rebuilt_types : with_types_built_on(ctx.to, ctx.rebuilt_types);
}

// A function on a rebuilt type: dropped before the rebuild (`a`, when it
// exists), created after it (`b`), with whatever calls it let go meanwhile.
void around_rebuild(PlanContext& ctx, const model::Function* a, const model::Function* b) {
    const auto& fn = b ? *b : *a;
    const std::string why = " (around the rebuild of the types it uses)";
    if (a) {
        auto& drop = ctx.add(Phase::drop_trigger, function_key(*a), ChangeSymbol::drop, label(*a) + why);
        drop.rank = -placement_of(ctx.from, *a).depth;
        drop.up = {ddl::drop_function(*a)};
        drop.down = ddl::create_function_statements(*a);
        rebuild_callers(ctx, *a);
    }
    if (b) {
        auto& create = ctx.add(Phase::create_function_after_tables, function_key(fn), ChangeSymbol::create, label(fn) + why);
        create.rank = placement_of(ctx.to, *b).depth;
        create.up = ddl::create_function_statements(*b);
        create.down = {ddl::drop_function(*b)};
    }
}

} // namespace

void plan_functions_on_rebuilt_types(PlanContext& ctx) {
    if (ctx.rebuilt_types.empty()) return;
    for (const auto& [key, fn] : ctx.from.functions)
        if (signature_uses(fn, ctx.rebuilt_types) && unchanged(ctx.to.functions, key, fn) && !ctx.rebuilt_functions.count(key))
            around_rebuild(ctx, &fn, &fn);
}

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Function>& change) {
    if (change.from && ctx.rebuilt_functions.count(change.from->key())) return;  // plan_standard_body.cpp
    if (!ctx.rebuilt_types.empty()) {
        const bool before = change.from && signature_uses(*change.from, ctx.rebuilt_types);
        const bool after = change.to && signature_uses(*change.to, rebuilt_in_to(ctx));
        if (before || after) return around_rebuild(ctx, change.from ? &*change.from : nullptr, change.to ? &*change.to : nullptr);
    }
    if (change.op == ChangeOp::create) return create_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    const auto& a = *change.from;
    const auto& b = *change.to;
    model::Function a_bare = a, b_bare = b;
    a_bare.comment.reset();
    b_bare.comment.reset();
    const auto key = function_key(b);
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
