#pragma once
// CREATE/ALTER SEQUENCE and identity options, with PostgreSQL's defaults.
#include <optional>

#include "parser/builder.hpp"

namespace pgshape::parser {

// The options a statement names, before defaults are filled in.
struct NamedSequenceOptions {
    std::optional<model::TypeRef> type;
    std::optional<std::int64_t> increment, min_value, max_value, start, cache;
    std::optional<bool> cycle;
    bool no_min = false, no_max = false;
    std::optional<std::optional<model::ColumnRef>> owned_by;  // OWNED BY x, or OWNED BY NONE
};

NamedSequenceOptions parse_sequence_options(StatementContext& ctx, Node* const* options, std::size_t n_options);

// A new sequence (or identity): defaults for the type and direction, then
// whatever the statement names.
model::SequenceOptions options_for_create(const NamedSequenceOptions& named, const model::TypeRef& default_type);

// ALTER SEQUENCE: only what the statement names changes.
void apply_alter(model::SequenceOptions& options, const NamedSequenceOptions& named);

} // namespace pgshape::parser
