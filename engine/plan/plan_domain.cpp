// Domains: created before what uses them (after the functions their checks
// call), dropped after; default, NOT NULL and checks changed in place by
// ALTER DOMAIN; a new base type or collation rebuilds the domain with its
// columns (type_rebuild.cpp).
#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_type.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/type_steps.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

model::TypeRef ref(const model::Domain& d) { return {d.name.schema, d.name.name, "", false}; }

std::string label(const model::Domain& d) { return "domain " + quote_name(d.name); }

std::string default_text(const model::Domain& d) { return d.default_value ? d.default_value->sql() : "none"; }

// ALTER DOMAIN statements turning `a` into `b` (the inverse is the same
// call the other way round): checks that go or change are dropped first,
// then the default and NOT NULL set, then the new checks added.
std::vector<std::string> alter_statements(const model::Domain& a, const model::Domain& b) {
    const std::string alter = "ALTER DOMAIN " + quote_name(b.name);
    std::vector<std::string> out;
    auto re_added = [&](const model::DomainCheck& x) {
        const auto* y = b.find_check(x.name);
        return !y || !(y->expr == x.expr) || (x.valid && !y->valid);
    };
    for (const auto& x : a.checks)
        if (re_added(x)) out.push_back(ddl::drop_domain_check(a, x));
    if (!(a.default_value == b.default_value))
        out.push_back(alter + (b.default_value ? " SET DEFAULT " + b.default_value->sql() : std::string(" DROP DEFAULT")));
    if (a.not_null != b.not_null) out.push_back(alter + (b.not_null ? " SET NOT NULL" : " DROP NOT NULL"));
    for (const auto& y : b.checks) {
        const auto* x = a.find_check(y.name);
        if (!x || re_added(*x)) {
            for (auto& s : ddl::add_domain_check(b, y)) out.push_back(std::move(s));
        } else if (!x->valid && y.valid) {
            out.push_back(alter + " VALIDATE CONSTRAINT " + model::quote_ident(y.name));
        }
    }
    return out;
}

std::string describe(const model::Domain& a, const model::Domain& b) {
    std::vector<std::string> parts;
    if (!(a.default_value == b.default_value)) parts.push_back("default " + default_text(a) + " → " + default_text(b));
    if (a.not_null != b.not_null) parts.emplace_back(b.not_null ? "NOT NULL" : "nullable");
    for (const auto& x : a.checks) {
        const auto* y = b.find_check(x.name);
        if (!y) parts.push_back("drop check " + x.name);
        else if (!(x.expr == y->expr)) parts.push_back("check " + x.name + ": " + x.expr.sql() + " → " + y->expr.sql());
        else if (x.valid != y->valid) parts.push_back("check " + x.name + (y->valid ? " validated" : " NOT VALID"));
    }
    for (const auto& y : b.checks)
        if (!a.find_check(y.name)) parts.push_back("add check " + y.name);
    std::string out = label(b) + ":";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : " ") + parts[i];
    return out;
}

// New checks and NOT NULL look at every value of the domain in every column.
std::vector<Hazard> alter_hazards(const model::Domain& a, const model::Domain& b) {
    std::vector<Hazard> out;
    if (b.not_null && !a.not_null)
        out.push_back({HazardKind::blocking_lock, label(b) + ": SET NOT NULL scans every column of the domain (fails on NULLs)"});
    for (const auto& y : b.checks) {
        const auto* x = a.find_check(y.name);
        const bool scans = y.valid && (!x || !(x->expr == y.expr) || !x->valid);
        if (scans)
            out.push_back({HazardKind::blocking_lock, label(b) + ": checking " + y.name +
                                                          " scans every column of the domain (fails on values that break it)"});
    }
    return out;
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Domain>& change) {
    const auto& d = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::domain, d.name.schema, d.name.name, ""};
    if (change.op != ChangeOp::alter)
        return add_type_step(ctx, change.op, key, label(d), ddl::create_domain_statements(d), "DROP DOMAIN " + quote_name(d.name));
    if (ctx.rebuilt_types.count(d.name)) return;  // made anew, as `to` has it, by the rebuild
    const auto& a = *change.from;
    const auto& b = *change.to;
    auto up = alter_statements(a, b);
    if (!up.empty()) {
        auto& step = ctx.add(Phase::create_type_after_functions, key, ChangeSymbol::alter, describe(a, b));
        step.down_summary = describe(b, a);
        step.rank = model::type_depth(ctx.to, ref(b));
        step.up = std::move(up);
        step.down = alter_statements(b, a);
        step.hazards = alter_hazards(a, b);
        step.down_hazards = alter_hazards(b, a);
    }
    plan_comment(ctx, key, "DOMAIN " + quote_name(d.name), a.comment, b.comment);
    for (const auto& y : b.checks) {
        const auto* x = a.find_check(y.name);
        if (x && x->expr == y.expr && !(x->valid && !y.valid))
            plan_comment(ctx, key, ddl::domain_check_target(b, y), x->comment, y.comment);
    }
}

} // namespace pgshape::plan
