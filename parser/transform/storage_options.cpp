// WITH (name = value, ...) on tables, partitions, indexes, views and
// materialized views, spelled as PostgreSQL keeps it in pg_class.reloptions,
// so that a file and the catalog compare equal.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// Options whose value PostgreSQL reads as a boolean; written `true`/`false`
// so that `security_barrier`, `security_barrier = on` and the catalog's
// `security_barrier=true` are one value.
bool boolean_option(const std::string& name) {
    return name == "security_barrier" || name == "security_invoker" || name == "autovacuum_enabled" ||
           name == "toast.autovacuum_enabled" || name == "user_catalog_table" || name == "fastupdate" ||
           name == "buffering" || name == "deduplicate_items" || name == "vacuum_truncate" ||
           name == "toast.vacuum_truncate" || name == "autosummarize";
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string option_value(const StatementContext& ctx, const PgQuery__DefElem* def, const std::string& name) {
    std::string value = "true";
    if (const Node* arg = def->arg) {
        switch (arg->node_case) {
        case PG_QUERY__NODE__NODE_STRING: value = arg->string->sval; break;
        case PG_QUERY__NODE__NODE_INTEGER: value = std::to_string(arg->integer->ival); break;
        case PG_QUERY__NODE__NODE_FLOAT: value = arg->float_->fval; break;
        case PG_QUERY__NODE__NODE_BOOLEAN: value = arg->boolean->boolval ? "true" : "false"; break;
        case PG_QUERY__NODE__NODE_TYPE_NAME: value = join_names(name_list(arg->type_name->names, arg->type_name->n_names)); break;
        default: ctx.fail(def->location, fmt::format("cannot read the value of option {}", name));
        }
    }
    if (boolean_option(name) && name != "buffering") {
        const std::string v = lower(value);
        if (v == "on" || v == "true" || v == "yes" || v == "1") return "true";
        if (v == "off" || v == "false" || v == "no" || v == "0") return "false";
    }
    if (name == "check_option" || name == "buffering") return lower(value);
    return value;
}

} // namespace

model::StorageOptions read_storage_options(const StatementContext& ctx, Node* const* items, std::size_t n,
                                           OptionNamespaces namespaces) {
    model::StorageOptions out;
    for (std::size_t i = 0; i < n; ++i) {
        const auto* def = items[i]->def_elem;
        std::string name = lower(def->defname);
        if (def->defnamespace && *def->defnamespace) {
            // toast.* options live on the TOAST table, which pgshape does not read.
            if (namespaces == OptionNamespaces::refuse)
                ctx.fail(def->location, fmt::format("storage parameter {}.{} is not supported yet", def->defnamespace, name),
                         "only the relation's own parameters are managed: leave out toast.* options");
            name = lower(def->defnamespace) + "." + name;
        }
        if (name == "oids") ctx.fail(def->location, "WITH OIDS is not supported by PostgreSQL 12 and later");
        auto value = option_value(ctx, def, name);
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& o) { return o.first == name; });
        if (it != out.end())
            ctx.fail(def->location, fmt::format("storage parameter {} is given twice", name));
        out.emplace_back(std::move(name), std::move(value));
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace pgshape::parser
