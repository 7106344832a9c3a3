#include "parser/transform/sequence_options.hpp"

#include <fmt/format.h>

#include "parser/canonical_type.hpp"

namespace pgshape::parser {
namespace {

std::int64_t int_arg(StatementContext& ctx, const PgQuery__DefElem* opt) {
    const Node* arg = opt->arg;
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival;
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_FLOAT) return std::stoll(arg->float_->fval);
    ctx.fail(opt->location, fmt::format("sequence option {} needs a number", opt->defname));
}

} // namespace

NamedSequenceOptions parse_sequence_options(StatementContext& ctx, Node* const* options, std::size_t n_options) {
    NamedSequenceOptions out;
    for (std::size_t i = 0; i < n_options; ++i) {
        const auto* opt = options[i]->def_elem;
        const std::string name = opt->defname;
        if (name == "as") out.type = canonical_type(opt->arg->type_name).type;
        else if (name == "increment") out.increment = int_arg(ctx, opt);
        else if (name == "minvalue") { if (opt->arg) out.min_value = int_arg(ctx, opt); else out.no_min = true; }
        else if (name == "maxvalue") { if (opt->arg) out.max_value = int_arg(ctx, opt); else out.no_max = true; }
        else if (name == "start") out.start = int_arg(ctx, opt);
        else if (name == "cache") out.cache = int_arg(ctx, opt);
        else if (name == "cycle")
            out.cycle = opt->arg && opt->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN && opt->arg->boolean->boolval;
        else if (name == "owned_by") {
            const auto names = name_list(opt->arg->list->items, opt->arg->list->n_items);
            if (names.size() == 1 && names[0] == "none") {
                out.owned_by = std::optional<model::ColumnRef>{};
            } else if (names.size() >= 2) {
                model::ColumnRef ref;
                ref.column = names.back();
                ref.table = {names.size() >= 3 ? names[names.size() - 3] : std::string("public"), names[names.size() - 2]};
                out.owned_by = ref;
            } else {
                ctx.fail(opt->location, "OWNED BY needs table.column or NONE");
            }
        } else if (name == "restart" || name == "sequence_name") {
            continue;  // a runtime position / the name of an identity's sequence: not part of the schema
        } else {
            ctx.fail(opt->location, fmt::format("sequence option {} is not supported", name));
        }
    }
    return out;
}

model::SequenceOptions options_for_create(const NamedSequenceOptions& named, const model::TypeRef& default_type) {
    auto o = model::default_sequence_options(named.type.value_or(default_type), named.increment.value_or(1));
    if (named.min_value) o.min_value = *named.min_value;
    if (named.max_value) o.max_value = *named.max_value;
    o.start = named.start.value_or(o.increment > 0 ? o.min_value : o.max_value);
    if (named.cache) o.cache = *named.cache;
    if (named.cycle) o.cycle = *named.cycle;
    return o;
}

void apply_alter(model::SequenceOptions& o, const NamedSequenceOptions& named) {
    const auto defaults = model::default_sequence_options(named.type.value_or(o.data_type), named.increment.value_or(o.increment));
    if (named.type) o.data_type = *named.type;
    if (named.increment) o.increment = *named.increment;
    if (named.min_value) o.min_value = *named.min_value;
    if (named.no_min) o.min_value = defaults.min_value;
    if (named.max_value) o.max_value = *named.max_value;
    if (named.no_max) o.max_value = defaults.max_value;
    if (named.start) o.start = *named.start;
    if (named.cache) o.cache = *named.cache;
    if (named.cycle) o.cycle = *named.cycle;
}

} // namespace pgshape::parser
