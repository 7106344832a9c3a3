#include <fmt/format.h>

#include "parser/transform/sequence_options.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// OWNED BY must name a column that exists once every file is loaded.
void check_owner_later(StatementContext& ctx, const model::ColumnRef& ref) {
    auto& builder = ctx.builder;
    const auto where = ctx.here();
    builder.defer(where, [&builder, ref, where] {
        const auto& table = builder.table(ref.table, where);
        if (!table.find_column(ref.column))
            builder.fail(where, fmt::format("column {} of table {} is not defined", ref.column, model::display(ref.table)));
    });
}

} // namespace

void transform_create_sequence(StatementContext& ctx, PgQuery__CreateSeqStmt* stmt) {
    model::Sequence seq;
    seq.name = ctx.builder.name_of(stmt->sequence);
    const auto named = parse_sequence_options(ctx, stmt->options, stmt->n_options);
    seq.options = options_for_create(named, model::TypeRef{"", "bigint", "", false});
    if (named.owned_by) seq.owned_by = *named.owned_by;
    ctx.builder.claim_relation_name(seq.name.schema, seq.name.name, ctx.at(stmt->sequence->location));
    ctx.builder.require_schema(seq.name.schema, ctx.here());
    if (seq.owned_by) check_owner_later(ctx, *seq.owned_by);
    ctx.builder.model.sequences.emplace(seq.name, std::move(seq));
}

void transform_alter_sequence(StatementContext& ctx, PgQuery__AlterSeqStmt* stmt) {
    const auto name = ctx.builder.name_of(stmt->sequence);
    auto it = ctx.builder.model.sequences.find(name);
    if (it == ctx.builder.model.sequences.end())
        ctx.fail(stmt->sequence->location, fmt::format("sequence {} is not defined", model::display(name)));
    const auto named = parse_sequence_options(ctx, stmt->options, stmt->n_options);
    apply_alter(it->second.options, named);
    if (named.owned_by) it->second.owned_by = *named.owned_by;
    if (it->second.owned_by) check_owner_later(ctx, *it->second.owned_by);
}

} // namespace pgshape::parser
