#include <fmt/format.h>

#include "parser/transform/sequence_options.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void transform_create_sequence(StatementContext& ctx, PgQuery__CreateSeqStmt* stmt) {
    model::Sequence seq;
    seq.name = ctx.builder.name_of(stmt->sequence);
    seq.data_type.name = "bigint";
    seq.max_value = 0;  // marks "not yet set" for apply_sequence_options
    seq.start = 0;
    apply_sequence_options(ctx, seq, stmt->options, stmt->n_options);
    ctx.builder.claim_relation_name(seq.name.schema, seq.name.name, ctx.at(stmt->sequence->location));
    ctx.builder.require_schema(seq.name.schema, ctx.here());
    if (seq.owned_by) {
        const auto ref = *seq.owned_by;
        const auto where = ctx.here();
        auto& builder = ctx.builder;
        builder.defer(where, [&builder, ref, where] {
            const auto& table = builder.table(ref.table, where);
            if (!table.find_column(ref.column))
                builder.fail(where, fmt::format("column {} of table {} is not defined", ref.column,
                                                model::display(ref.table)));
        });
    }
    ctx.builder.model.sequences.emplace(seq.name, std::move(seq));
}

void transform_alter_sequence(StatementContext& ctx, PgQuery__AlterSeqStmt* stmt) {
    const auto name = ctx.builder.name_of(stmt->sequence);
    auto it = ctx.builder.model.sequences.find(name);
    if (it == ctx.builder.model.sequences.end())
        ctx.fail(stmt->sequence->location, fmt::format("sequence {} is not defined", model::display(name)));
    apply_sequence_options(ctx, it->second, stmt->options, stmt->n_options);
    if (auto ref = it->second.owned_by) {
        auto& table = ctx.builder.table(ref->table, ctx.here());
        if (!table.find_column(ref->column))
            ctx.fail(-1, fmt::format("column {} of table {} is not defined", ref->column, model::display(ref->table)));
    }
}

} // namespace pgshape::parser
