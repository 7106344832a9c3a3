#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void transform_create_enum(StatementContext& ctx, PgQuery__CreateEnumStmt* stmt) {
    const auto names = name_list(stmt->type_name, stmt->n_type_name);
    model::EnumType type;
    type.name = {names.size() > 1 ? names[names.size() - 2] : "public", names.back()};
    for (std::size_t i = 0; i < stmt->n_vals; ++i) type.labels.emplace_back(str_value(stmt->vals[i]));
    ctx.builder.claim_relation_name(type.name.schema, "type " + type.name.name, ctx.here());
    ctx.builder.require_schema(type.name.schema, ctx.here());
    ctx.builder.model.enums.emplace(type.name, std::move(type));
}

} // namespace pgshape::parser
