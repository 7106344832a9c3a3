#include "engine/plan/type_steps.hpp"

#include "engine/plan/routine_order.hpp"
#include "engine/plan/type_rebuild.hpp"

namespace pgshape::plan {

void add_type_step(PlanContext& ctx, diff::ChangeOp op, const model::ObjectKey& key, const std::string& label,
                   std::vector<std::string> create, const std::string& drop) {
    const model::QualifiedName name{key.schema, key.name};
    const model::TypeRef ref{key.schema, key.name, "", false};
    if (op == diff::ChangeOp::create) {
        // On a rebuilt type: after the rebuild has made the new one.
        const bool on_rebuilt = !ctx.rebuilt_types.empty() && with_types_built_on(ctx.to, ctx.rebuilt_types).count(name);
        const Phase phase = on_rebuilt                         ? Phase::rebuild_type
                            : type_needs_functions(ctx.to, ref) ? Phase::create_type_after_functions
                                                                : Phase::create_type;
        auto& step = ctx.add(phase, key, ChangeSymbol::create, label);
        step.rank = model::type_depth(ctx.to, ref);
        step.up = std::move(create);
        step.down = {drop};
        return;
    }
    const Phase phase = type_needs_functions(ctx.from, ref) ? Phase::drop_type_before_functions : Phase::drop_type;
    auto& step = ctx.add(phase, key, ChangeSymbol::drop, label);
    step.rank = -model::type_depth(ctx.from, ref);  // what is built on a type goes first
    step.up = {drop};
    step.down = std::move(create);
}

} // namespace pgshape::plan
