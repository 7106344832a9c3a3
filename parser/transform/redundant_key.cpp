// PostgreSQL builds one index for equal keys of one statement: `id integer
// PRIMARY KEY UNIQUE` makes a primary key only (transformIndexConstraints,
// "remove any redundant index specifications"). The primary key wins; an
// unnamed key takes the name of a named one it absorbs.
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

bool same_index(const model::Constraint& a, const model::Constraint& b) {
    return a.columns == b.columns && a.include == b.include && a.nulls_not_distinct == b.nulls_not_distinct &&
           a.deferrable == b.deferrable && a.initially_deferred == b.initially_deferred;
}

} // namespace

void record_key_statement(StatementContext& ctx, const model::ConstraintKey& key, bool named) {
    ctx.builder.key_statements[key] = {&ctx.file, ctx.offset, named};
}

KeyFold fold_redundant_key(StatementContext& ctx, const model::Table& table, model::Constraint& key) {
    const bool named = !key.name.empty();
    auto& builder = ctx.builder;
    auto& constraints = builder.model.constraints;
    for (auto it = constraints.lower_bound({table.name, ""}); it != constraints.end() && it->first.table == table.name;
         ++it) {
        auto& prior = it->second;
        if (!prior.is_key() || !same_index(prior, key)) continue;
        const bool primary = key.type == model::ConstraintType::primary_key;
        if (primary && prior.type == model::ConstraintType::primary_key) continue;  // two primary keys: an error
        const auto origin = builder.key_statements.find(it->first);
        if (origin == builder.key_statements.end() || origin->second.file != &ctx.file ||
            origin->second.offset != ctx.offset)
            continue;
        const bool prior_named = origin->second.named;
        if (!primary) {
            // The prior key stays; it takes this one's name if it had none.
            if (prior_named || !named) return KeyFold::folded;
            model::Constraint renamed = prior;
            builder.release_relation_name(table.name.schema, prior.name);
            builder.key_statements.erase(origin);
            constraints.erase(it);
            renamed.name = key.name;
            builder.claim_relation_name(table.name.schema, renamed.name, ctx.here());
            const auto renamed_key = renamed.key();
            constraints.emplace(renamed_key, std::move(renamed));
            record_key_statement(ctx, renamed_key, true);
            return KeyFold::folded;
        }
        // A primary key after an equal unique constraint replaces it, under
        // its name if the primary key has none.
        const bool take_name = !named && prior_named;
        if (take_name) key.name = prior.name;
        else builder.release_relation_name(table.name.schema, prior.name);
        builder.key_statements.erase(origin);
        constraints.erase(it);
        return take_name ? KeyFold::took_name : KeyFold::none;
    }
    return KeyFold::none;
}

} // namespace pgshape::parser
