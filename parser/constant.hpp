#pragma once
// Literals as PostgreSQL's parse analysis turns them into constants, so that
// a literal as written and the constant the catalog prints back compare as
// the same value, and literals of different values stay apart.
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/type_ref.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser {

// The implicit-cast order of the numeric types (smallint < integer < bigint <
// numeric < real < double precision), -1 for any other type. A cast up it
// never changes a value; a cast down it may (1.5::integer is 2).
int numeric_rank(const model::TypeRef& type);

// The text numeric_out prints for the number `text` (sign, leading zeros and
// exponent resolved, the scale kept: '+01.50' is 1.50, '1.5e1' is 15).
// nullopt when `text` is not a finite number.
std::optional<std::string> numeric_text(std::string_view text);

// The type a number literal has on its own: integer, bigint or numeric
// (what 1, 10000000000 and 1.5 are before anything coerces them).
model::TypeRef number_type(const PgQuery__AConst* number);

// A number literal in its canonical value: the text numeric_text gives, as an
// integer node when it is integral and fits one (1e3 and 1000 are the same
// number). Untouched when it is not a number.
void normalize_number(ParseTree& tree, PgQuery__AConst* c);

// An untyped string literal made the constant of a numeric type (what
// '01'::integer or n <> '01' over an integer column are: the number 1),
// canonical as normalize_number leaves it. False, and untouched, when the
// text is not a number.
bool string_to_number(ParseTree& tree, PgQuery__AConst* c, const model::TypeRef& type);

} // namespace pgshape::parser
