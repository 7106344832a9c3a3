#pragma once
// Schema files → model.
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"
#include "parser/source_text.hpp"

namespace pgshape::parser {

// A .sql file, or a directory searched recursively for .sql files. The
// statements may come in any order and across any files: the result does
// not depend on it. Throws UserError (with file:line:col) on bad input.
model::SchemaModel load_path(const std::string& path);

// The same for texts already in memory (the introspector feeds catalog DDL
// through here so both sides share one canonicalizer).
model::SchemaModel load_sources(const std::vector<SourceFile>& files);

} // namespace pgshape::parser
