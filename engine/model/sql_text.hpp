#pragma once
// The one place that turns names and values into SQL text.
#include <string>
#include <string_view>

#include "engine/model/names.hpp"

namespace pgshape::model {

// Quotes an identifier when PostgreSQL would fold or reject it bare.
std::string quote_ident(std::string_view ident);
// schema.name, each part quoted as needed.
std::string quote_name(const QualifiedName& name);
// A string literal: 'it''s'; E'' form is never needed with
// standard_conforming_strings on (the default since 9.1).
std::string quote_literal(std::string_view value);

} // namespace pgshape::model
