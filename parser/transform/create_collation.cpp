// CREATE COLLATION name (provider = libc|icu, locale | lc_collate, lc_ctype,
// deterministic): the options as pg_collation keeps them.
#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

std::string text_of(const StatementContext& ctx, const PgQuery__DefElem* def) {
    if (!def->arg) ctx.fail(def->location, fmt::format("collation option {} needs a value", def->defname));
    switch (def->arg->node_case) {
    case PG_QUERY__NODE__NODE_STRING: return def->arg->string->sval;
    case PG_QUERY__NODE__NODE_INTEGER: return std::to_string(def->arg->integer->ival);
    case PG_QUERY__NODE__NODE_BOOLEAN: return def->arg->boolean->boolval ? "true" : "false";
    case PG_QUERY__NODE__NODE_TYPE_NAME:
        return join_names(name_list(def->arg->type_name->names, def->arg->type_name->n_names));
    default: ctx.fail(def->location, fmt::format("cannot read the value of collation option {}", def->defname));
    }
}

bool boolean_of(const StatementContext& ctx, const PgQuery__DefElem* def) {
    if (!def->arg) return true;
    std::string v = text_of(ctx, def);
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v == "true" || v == "on" || v == "yes" || v == "1") return true;
    if (v == "false" || v == "off" || v == "no" || v == "0") return false;
    ctx.fail(def->location, fmt::format("{} is not a boolean", v));
}

// CREATE COLLATION name FROM source: the settings of the built-in C and
// POSIX collations (ucs_basic is C's), or of a collation the files define
// before this statement. The copy is a collation of its own: the catalog
// keeps its settings, not where they came from.
void copy_collation(const StatementContext& ctx, const PgQuery__DefElem* def, model::Collation& coll) {
    if (!def->arg || def->arg->node_case != PG_QUERY__NODE__NODE_LIST)
        ctx.fail(def->location, "CREATE COLLATION ... FROM needs a collation's name");
    const auto names = name_list(def->arg->list->items, def->arg->list->n_items);
    const std::string& last = names.back();
    const bool catalog = names.size() == 1 || names.front() == "pg_catalog";
    if (catalog && (last == "C" || last == "POSIX" || last == "ucs_basic")) {
        coll.provider = "libc";
        coll.lc_collate = coll.lc_ctype = last == "ucs_basic" ? "C" : last;
        return;
    }
    const model::QualifiedName source{names.size() > 1 ? names[names.size() - 2] : "public", last};
    const auto it = ctx.builder.model.collations.find(source);
    if (it == ctx.builder.model.collations.end())
        ctx.fail(def->location, fmt::format("CREATE COLLATION ... FROM {} is not supported", join_names(names)),
                 "FROM copies C, POSIX, ucs_basic or a collation defined before it in the files; otherwise write "
                 "the provider and locale: CREATE COLLATION name (provider = ..., locale = '...')");
    const auto name = coll.name;
    coll = it->second;
    coll.name = name;
    coll.comment.reset();
}

} // namespace

void transform_create_collation(StatementContext& ctx, PgQuery__DefineStmt* stmt) {
    const auto names = name_list(stmt->defnames, stmt->n_defnames);
    model::Collation coll;
    coll.name = {names.size() > 1 ? names[names.size() - 2] : "public", names.back()};
    std::string locale;
    for (std::size_t i = 0; i < stmt->n_definition; ++i) {
        const auto* def = stmt->definition[i]->def_elem;
        const std::string option = def->defname;
        if (option == "provider") coll.provider = text_of(ctx, def);
        else if (option == "locale") locale = text_of(ctx, def);
        else if (option == "lc_collate") coll.lc_collate = text_of(ctx, def);
        else if (option == "lc_ctype") coll.lc_ctype = text_of(ctx, def);
        else if (option == "deterministic") coll.deterministic = boolean_of(ctx, def);
        else if (option == "from") copy_collation(ctx, def, coll);
        else ctx.fail(def->location, fmt::format("collation option {} is not supported", option),
                      "supported: provider, locale, lc_collate, lc_ctype, deterministic");
    }
    if (coll.provider != "libc" && coll.provider != "icu")
        ctx.fail(-1, fmt::format("collation provider {} is not supported", coll.provider), "use libc or icu");
    // locale stands for both lc_ collate and ctype (libc), or for the ICU locale.
    if (coll.provider == "icu") {
        coll.icu_locale = !locale.empty() ? locale : !coll.lc_collate.empty() ? coll.lc_collate : coll.icu_locale;
        coll.lc_collate.clear();
        coll.lc_ctype.clear();
    } else if (!locale.empty()) {
        coll.lc_collate = coll.lc_collate.empty() ? locale : coll.lc_collate;
        coll.lc_ctype = coll.lc_ctype.empty() ? locale : coll.lc_ctype;
    }
    if (coll.provider == "icu" ? coll.icu_locale.empty() : (coll.lc_collate.empty() || coll.lc_ctype.empty()))
        ctx.fail(-1, fmt::format("collation {} needs a locale", model::display(coll.name)),
                 "name one: CREATE COLLATION name (provider = ..., locale = '...')");
    if (!coll.deterministic && coll.provider != "icu")
        ctx.fail(-1, "nondeterministic collations need provider = icu");
    ctx.builder.claim_relation_name(coll.name.schema, "collation " + coll.name.name, ctx.here());
    ctx.builder.require_schema(coll.name.schema, ctx.here());
    ctx.builder.model.collations.emplace(coll.name, std::move(coll));
}

} // namespace pgshape::parser
