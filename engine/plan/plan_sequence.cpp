// Sequences; ownership (OWNED BY) is its own step, after the owning table
// exists and before it goes away.
#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/sequence_change.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

std::string alter_options(const model::Sequence& s) {
    return "ALTER SEQUENCE " + quote_name(s.name) + " AS " + model::render_type(s.options.data_type) + " " +
           ddl::sequence_options(s.options);
}

void plan_ownership(PlanContext& ctx, const model::ObjectKey& key, const model::Sequence* from,
                    const model::Sequence* to) {
    const auto owner_from = from ? from->owned_by : std::nullopt;
    const auto owner_to = to ? to->owned_by : std::nullopt;
    if (owner_from == owner_to) return;
    const auto& s = to ? *to : *from;
    if (owner_from) {
        auto& step = ctx.add(Phase::release_sequence, key, ChangeSymbol::alter,
                             "sequence " + quote_name(s.name) + ": owned by none");
        model::Sequence none = s, owned = s;
        none.owned_by.reset();
        owned.owned_by = owner_from;
        step.up.push_back(ddl::sequence_owned_by(none));
        step.down.push_back(ddl::sequence_owned_by(owned));
        step.down_summary = "sequence " + quote_name(s.name) + ": owned by " + quote_name(owner_from->table) + "." +
                            model::quote_ident(owner_from->column);
    }
    if (owner_to) {
        auto& step = ctx.add(Phase::own_sequence, key, ChangeSymbol::alter,
                             "sequence " + quote_name(s.name) + ": owned by " + quote_name(owner_to->table) + "." +
                                 model::quote_ident(owner_to->column));
        model::Sequence none = s;
        none.owned_by.reset();
        step.up.push_back(ddl::sequence_owned_by(*to));
        step.down.push_back(ddl::sequence_owned_by(none));
        step.down_summary = "sequence " + quote_name(s.name) + ": owned by none";
    }
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Sequence>& change) {
    const auto& s = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::sequence, s.name.schema, s.name.name, ""};
    const std::string target = "SEQUENCE " + quote_name(s.name);
    const std::string drop = "DROP SEQUENCE " + quote_name(s.name);
    const model::Sequence* from = change.from ? &*change.from : nullptr;
    const model::Sequence* to = change.to ? &*change.to : nullptr;
    if (change.op == ChangeOp::create) {
        auto& step = ctx.add(Phase::create_sequence, key, ChangeSymbol::create, "sequence " + quote_name(s.name));
        step.up.push_back(ddl::create_sequence(s));
        if (s.comment) step.up.push_back(ddl::comment_on(target, s.comment));
        step.down.push_back(drop);
    } else if (change.op == ChangeOp::drop) {
        auto& step = ctx.add(Phase::drop_sequence, key, ChangeSymbol::drop, "sequence " + quote_name(s.name));
        step.up.push_back(drop);
        step.down.push_back(ddl::create_sequence(s));
        if (s.comment) step.down.push_back(ddl::comment_on(target, s.comment));
        step.down_hazards.push_back({HazardKind::data_loss, "sequence " + quote_name(s.name) +
                                                                " is re-created at its START value, not where it was"});
    } else {
        if (!(from->options == to->options)) {
            auto& step = ctx.add(Phase::create_sequence, key, ChangeSymbol::alter, "sequence " + quote_name(s.name) + ": options");
            const std::string what = "sequence " + quote_name(s.name);
            step.up.push_back(alter_options(*to) + restart_clause(from->options, to->options));
            step.down.push_back(alter_options(*from) + restart_clause(to->options, from->options));
            if (!restart_clause(from->options, to->options).empty()) step.hazards.push_back(restart_hazard(what, to->options));
            if (!restart_clause(to->options, from->options).empty())
                step.down_hazards.push_back(restart_hazard(what, from->options));
        }
        plan_comment(ctx, key, target, from->comment, to->comment);
    }
    plan_ownership(ctx, key, from, to);
}

} // namespace pgshape::plan
