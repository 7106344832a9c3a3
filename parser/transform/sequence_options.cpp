#include "parser/transform/sequence_options.hpp"

#include <limits>
#include <optional>

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

std::int64_t type_max(const model::TypeRef& type) {
    if (type.name == "smallint") return std::numeric_limits<std::int16_t>::max();
    if (type.name == "integer") return std::numeric_limits<std::int32_t>::max();
    return std::numeric_limits<std::int64_t>::max();
}

std::int64_t type_min(const model::TypeRef& type) {
    if (type.name == "smallint") return std::numeric_limits<std::int16_t>::min();
    if (type.name == "integer") return std::numeric_limits<std::int32_t>::min();
    return std::numeric_limits<std::int64_t>::min();
}

} // namespace

void apply_default_sequence_bounds(model::Sequence& seq) {
    seq.min_value = seq.increment > 0 ? 1 : type_min(seq.data_type);
    seq.max_value = seq.increment > 0 ? type_max(seq.data_type) : -1;
    seq.start = seq.increment > 0 ? seq.min_value : seq.max_value;
}

void apply_sequence_options(StatementContext& ctx, model::Sequence& seq, Node* const* options,
                            std::size_t n_options) {
    std::optional<std::int64_t> min, max, start;
    bool bounds_reset = false;
    for (std::size_t i = 0; i < n_options; ++i) {
        const auto* opt = options[i]->def_elem;
        const std::string name = opt->defname;
        if (name == "as") {
            seq.data_type = canonical_type(opt->arg->type_name).type;
            bounds_reset = true;
        } else if (name == "increment") {
            seq.increment = int_arg(ctx, opt);
        } else if (name == "minvalue") {
            if (opt->arg) min = int_arg(ctx, opt);
            bounds_reset = true;
        } else if (name == "maxvalue") {
            if (opt->arg) max = int_arg(ctx, opt);
            bounds_reset = true;
        } else if (name == "start") {
            start = int_arg(ctx, opt);
        } else if (name == "cache") {
            seq.cache = int_arg(ctx, opt);
        } else if (name == "cycle") {
            seq.cycle = opt->arg && opt->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN && opt->arg->boolean->boolval;
        } else if (name == "owned_by") {
            const auto names = name_list(opt->arg->list->items, opt->arg->list->n_items);
            if (names.size() == 1 && names[0] == "none") {
                seq.owned_by.reset();
            } else if (names.size() >= 2) {
                model::ColumnRef ref;
                ref.column = names.back();
                ref.table = {names.size() >= 3 ? names[names.size() - 3] : std::string("public"),
                             names[names.size() - 2]};
                seq.owned_by = ref;
            } else {
                ctx.fail(opt->location, "OWNED BY needs table.column or NONE");
            }
        } else if (name == "restart") {
            continue;  // a runtime position, not part of the schema
        } else {
            ctx.fail(opt->location, fmt::format("sequence option {} is not supported", name));
        }
    }
    const bool ascending = seq.increment > 0;
    if (min) seq.min_value = *min;
    else if (bounds_reset || seq.max_value == 0) seq.min_value = ascending ? 1 : type_min(seq.data_type);
    if (max) seq.max_value = *max;
    else if (bounds_reset || seq.max_value == 0) seq.max_value = ascending ? type_max(seq.data_type) : -1;
    if (start) seq.start = *start;
    else if (bounds_reset || n_options == 0 || seq.start == 0) seq.start = ascending ? seq.min_value : seq.max_value;
}

} // namespace pgshape::parser
