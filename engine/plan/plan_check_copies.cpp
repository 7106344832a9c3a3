// The validated copies of a NOT VALID check (Constraint::valid_copies).
//
// A copy cannot be made not valid again: ADD CONSTRAINT ... NOT VALID on
// the parent gives every child there a copy that is not valid, and each
// copy that should be valid is then validated (VALIDATE CONSTRAINT on the
// child, which also validates the copies under it). Where the copies that
// are valid after the plan's other steps are all meant to be, the others
// are validated in place; otherwise the check is dropped and added again.
#include "engine/model/check_copies.hpp"
#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using model::QualifiedName;

// The tables `t` is directly under in `m`.
std::vector<QualifiedName> parents_of(const model::SchemaModel& m, const QualifiedName& t) {
    const auto it = m.tables.find(t);
    return it == m.tables.end() ? std::vector<QualifiedName>{} : model::parent_tables(it->second);
}

// Under the same parents on both sides, and not re-created here: its copy
// stays as it is unless the check is added again.
bool stays_under(const PlanContext& ctx, const QualifiedName& t) {
    return ctx.from.tables.count(t) && ctx.to.tables.count(t) && !ctx.rebuilt_relations.count(t) &&
           parents_of(ctx.from, t) == parents_of(ctx.to, t);
}

// VALIDATE CONSTRAINT for the copies in `copies`, each only where no
// table above it is validated too (that one's VALIDATE reaches it).
std::vector<std::string> validations(const model::SchemaModel& m, const model::Constraint& c,
                                     const std::set<QualifiedName>& copies) {
    std::vector<std::string> out;
    for (const auto& t : copies) {
        bool reached = false;
        for (const auto& p : parents_of(m, t)) reached = reached || copies.count(p);
        if (!reached) out.push_back(ddl::validate_constraint(t, c.name));
    }
    return out;
}

} // namespace

std::vector<std::string> copy_validations(const PlanContext& ctx, const model::SchemaModel& m,
                                          const model::Constraint& c) {
    if (c.valid_copies.empty()) return {};
    // Adding `to`'s check, every table is in place; adding `from`'s back
    // (going down), only those the plan left where they were.
    std::set<QualifiedName> copies;
    for (const auto& t : c.valid_copies)
        if (&m == &ctx.to || stays_under(ctx, t)) copies.insert(t);
    return validations(m, c, copies);
}

bool plan_copy_validity(PlanContext& ctx, const model::Constraint& a, const model::Constraint& b) {
    // Which copies are valid after the plan's other steps: a child kept
    // keeps its copy; one created here (PARTITION OF, INHERITS) gets a
    // valid one; one attached here has the check it had standing alone.
    std::set<QualifiedName> valid_anyway;
    for (const auto& t : model::check_copy_tables(ctx.to, ctx.child_tables(ctx.to), b.table, b.name)) {
        bool valid = false;
        if (!ctx.from.tables.count(t) || ctx.rebuilt_relations.count(t)) valid = true;
        else if (stays_under(ctx, t)) valid = a.valid_copies.count(t) > 0;
        else if (const auto own = ctx.from.constraints.find({t, b.name}); own != ctx.from.constraints.end())
            valid = own->second.valid && own->second.check == b.check;
        if (valid) valid_anyway.insert(t);
    }
    for (const auto& t : valid_anyway)
        if (!b.valid_copies.count(t)) return false;  // cannot be made not valid: add the check again
    std::set<QualifiedName> to_validate;
    for (const auto& t : b.valid_copies)
        if (!valid_anyway.count(t)) to_validate.insert(t);
    if (to_validate.empty()) return true;
    std::string names;
    for (const auto& t : to_validate) names += (names.empty() ? "" : ", ") + model::quote_name(t);
    const std::string what = "check " + model::quote_ident(b.name) + " on " + model::quote_name(b.table);
    auto& step = ctx.add(Phase::add_constraint, key_of(b), ChangeSymbol::alter, what + ": validate the copies on " + names);
    step.rank = 1;  // after the checks added here, its own among them
    step.up = validations(ctx.to, b, to_validate);
    step.down_summary = what + ": copies on " + names + " NOT VALID again";
    step.down = add_again(ctx, b, a);
    return true;
}

} // namespace pgshape::plan
