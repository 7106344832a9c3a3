#pragma once
// Schema files → model.
#include <string>
#include <vector>

#include "engine/model/privilege.hpp"
#include "engine/model/schema_model.hpp"
#include "parser/source_text.hpp"

namespace pgshape::parser {

// How files are read. With privileges managed, GRANT, REVOKE, ALTER ...
// OWNER TO and ALTER DEFAULT PRIVILEGES become part of the model; without,
// they are read and set aside.
struct LoadOptions {
    model::Privileges privileges = model::Privileges::ignore;
};

// A .sql file, or a directory searched recursively for .sql files. The
// statements may come in any order and across any files: the result does
// not depend on it. Throws UserError (with file:line:col) on bad input.
model::SchemaModel load_path(const std::string& path, const LoadOptions& options = {});

// The same for texts already in memory (the introspector feeds catalog DDL
// through here so both sides share one canonicalizer).
model::SchemaModel load_sources(const std::vector<SourceFile>& files, const LoadOptions& options = {});

} // namespace pgshape::parser
