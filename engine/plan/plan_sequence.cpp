// Sequences; ownership (OWNED BY) is its own step, after the owning table
// exists and before it goes away.
#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_name;

std::string alter_options(const model::Sequence& s) {
    return fmt::format("ALTER SEQUENCE {} AS {} INCREMENT BY {} MINVALUE {} MAXVALUE {} START WITH {} CACHE {}{}",
                       quote_name(s.name), model::render_type(s.data_type), s.increment, s.min_value, s.max_value,
                       s.start, s.cache, s.cycle ? " CYCLE" : " NO CYCLE");
}

// When the bounds shrink or the direction flips, the current position may
// fall outside them and PostgreSQL refuses the change: restart at START.
std::string restart_clause(const model::Sequence& a, const model::Sequence& b) {
    const bool flips = (a.increment > 0) != (b.increment > 0);
    if (flips || b.min_value > a.min_value || b.max_value < a.max_value) return fmt::format(" RESTART WITH {}", b.start);
    return "";
}

Hazard restart_hazard(const model::Sequence& s) {
    return {HazardKind::data_loss, fmt::format("sequence {} restarts at {}: values already handed out may come again",
                                               quote_name(s.name), s.start)};
}

bool same_options(model::Sequence a, model::Sequence b) {
    a.owned_by.reset();
    b.owned_by.reset();
    a.comment.reset();
    b.comment.reset();
    return a == b;
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
    }
    if (owner_to) {
        auto& step = ctx.add(Phase::own_sequence, key, ChangeSymbol::alter,
                             "sequence " + quote_name(s.name) + ": owned by " + quote_name(owner_to->table) + "." +
                                 model::quote_ident(owner_to->column));
        model::Sequence none = s;
        none.owned_by.reset();
        step.up.push_back(ddl::sequence_owned_by(*to));
        step.down.push_back(ddl::sequence_owned_by(none));
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
        if (!same_options(*from, *to)) {
            auto& step = ctx.add(Phase::create_sequence, key, ChangeSymbol::alter, "sequence " + quote_name(s.name) + ": options");
            step.up.push_back(alter_options(*to) + restart_clause(*from, *to));
            step.down.push_back(alter_options(*from) + restart_clause(*to, *from));
            if (!restart_clause(*from, *to).empty()) step.hazards.push_back(restart_hazard(*to));
            if (!restart_clause(*to, *from).empty()) step.down_hazards.push_back(restart_hazard(*from));
        }
        plan_comment(ctx, key, target, from->comment, to->comment);
    }
    plan_ownership(ctx, key, from, to);
}

} // namespace pgshape::plan
