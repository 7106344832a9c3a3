#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

void transform_create_extension(StatementContext& ctx, PgQuery__CreateExtensionStmt* stmt) {
    // plpgsql comes with every database and is not managed (the catalog
    // side leaves it out too); old dumps still create it: set aside.
    if (std::string_view(stmt->extname) == "plpgsql") return;
    model::Extension ext;
    ext.name = stmt->extname;
    ext.schema = "public";
    for (std::size_t i = 0; i < stmt->n_options; ++i) {
        const auto* opt = stmt->options[i]->def_elem;
        const std::string option = opt->defname;
        if (option == "schema") ext.schema = str_value(opt->arg);
        else if (option == "new_version") ext.version = str_value(opt->arg);
        else if (option == "cascade") continue;
        else ctx.fail(opt->location, fmt::format("CREATE EXTENSION option {} is not supported", option));
    }
    if (!ctx.builder.model.extensions.emplace(ext.name, ext).second && !stmt->if_not_exists)
        ctx.fail(-1, fmt::format("extension {} is defined twice", ext.name));
}

} // namespace pgshape::parser
