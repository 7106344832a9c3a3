#pragma once
// CREATE/ALTER SEQUENCE options and the defaults PostgreSQL fills in.
#include "parser/builder.hpp"

namespace pgshape::parser {

// Applies the option list to `seq`, then fills unset bounds the way
// PostgreSQL does (bounds and start depend on data type and direction).
void apply_sequence_options(StatementContext& ctx, model::Sequence& seq, Node* const* options,
                            std::size_t n_options);

// Fills min, max and start for a sequence that has no options.
void apply_default_sequence_bounds(model::Sequence& seq);

} // namespace pgshape::parser
