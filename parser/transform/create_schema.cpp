#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void transform_create_schema(StatementContext& ctx, PgQuery__CreateSchemaStmt* stmt) {
    const std::string name = stmt->schemaname;
    if (stmt->n_schema_elts > 0)
        ctx.fail(-1, "CREATE SCHEMA with embedded statements is not supported",
                 "write the statements separately after CREATE SCHEMA");
    if (name == "public") return;  // always there
    if (!ctx.builder.model.schemas.emplace(name, model::Schema{name, {}}).second && !stmt->if_not_exists)
        ctx.fail(-1, fmt::format("schema {} is defined twice", name));
    ctx.builder.defined_at["schema " + name] = ctx.here();
}

} // namespace pgshape::parser
