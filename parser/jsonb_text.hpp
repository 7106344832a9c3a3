#pragma once
// A JSON text as PostgreSQL prints the jsonb value it makes of it.
#include <optional>
#include <string>
#include <string_view>

namespace pgshape::parser {

// nullopt when the text is not JSON PostgreSQL would accept.
std::optional<std::string> jsonb_text(std::string_view text);

} // namespace pgshape::parser
