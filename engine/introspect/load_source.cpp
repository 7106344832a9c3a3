#include "engine/introspect/load_source.hpp"

#include "engine/introspect/connection.hpp"
#include "engine/introspect/dev_database.hpp"
#include "engine/introspect/introspect.hpp"
#include "parser/load.hpp"

namespace pgshape::introspect {

model::SchemaModel load_source(const std::string& source, model::Privileges privileges, const std::string& dev_database) {
    if (source == "empty") return {};
    if (is_database_url(source)) {
        auto conn = connect(source);
        return introspect(*conn, redact(source), privileges);
    }
    // Parsed first even with a dev database: bad input gets its located
    // error, and what pgshape does not manage is refused as offline.
    auto parsed = parser::load_path(source, {privileges});
    if (dev_database.empty()) return parsed;
    return normalize_on_server(parsed, dev_database, source, privileges);
}

} // namespace pgshape::introspect
