#pragma once
// Date, time and interval literals as PostgreSQL prints the values it makes
// of them (DateStyle ISO, IntervalStyle postgres, TimeZone UTC: the settings
// pgshape reads catalogs and applies plans with).
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/type_ref.hpp"

namespace pgshape::parser {

// The text of `literal` read as a value of `type` (date, time, timestamp,
// timestamp with time zone, interval). nullopt when the type is another one,
// or the literal is in a form these rules do not read ('now', 'epoch', ISO
// 8601 durations, fractions of days or months, BC dates): such a literal is
// compared as written.
std::optional<std::string> datetime_text(const model::TypeRef& type, std::string_view literal);

} // namespace pgshape::parser
