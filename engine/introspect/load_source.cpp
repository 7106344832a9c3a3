#include "engine/introspect/load_source.hpp"

#include "engine/introspect/connection.hpp"
#include "engine/introspect/introspect.hpp"
#include "parser/load.hpp"

namespace pgshape::introspect {

model::SchemaModel load_source(const std::string& source, model::Privileges privileges) {
    if (source == "empty") return {};
    if (is_database_url(source)) {
        auto conn = connect(source);
        return introspect(*conn, redact(source), privileges);
    }
    return parser::load_path(source, {privileges});
}

} // namespace pgshape::introspect
