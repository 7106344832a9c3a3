// CREATE TYPE name AS (attribute type [COLLATE c], ...).
#include <fmt/format.h>

#include "parser/canonical_type.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void transform_create_composite_type(StatementContext& ctx, PgQuery__CompositeTypeStmt* stmt) {
    model::CompositeType type;
    type.name = ctx.builder.name_of(stmt->typevar);
    for (std::size_t i = 0; i < stmt->n_coldeflist; ++i) {
        const auto* def = stmt->coldeflist[i]->column_def;
        model::CompositeAttribute attribute;
        attribute.name = def->colname;
        if (type.find_attribute(attribute.name))
            ctx.fail(def->location, fmt::format("attribute {} is defined twice in type {}", attribute.name,
                                                model::display(type.name)));
        const auto resolved = canonical_type(def->type_name);
        if (resolved.serial == Serial::serial)
            ctx.fail(def->type_name->location, "an attribute of a composite type cannot be serial",
                     "serial makes a sequence for a table column; use integer (or bigint)");
        attribute.type = resolved.type;
        if (def->coll_clause) attribute.collation = name_list(def->coll_clause->collname, def->coll_clause->n_collname).back();
        type.attributes.push_back(std::move(attribute));
    }
    // A composite type is a relation too (pg_class relkind 'c').
    ctx.builder.claim_relation_name(type.name.schema, type.name.name, ctx.here());
    ctx.builder.claim_relation_name(type.name.schema, "type " + type.name.name, ctx.here());
    ctx.builder.require_schema(type.name.schema, ctx.here());
    ctx.builder.model.composite_types.emplace(type.name, std::move(type));
}

} // namespace pgshape::parser
