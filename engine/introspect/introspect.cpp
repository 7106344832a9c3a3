#include "engine/introspect/introspect.hpp"

#include <pqxx/pqxx>

#include "engine/introspect/catalog_queries.hpp"
#include "parser/load.hpp"

namespace pgshape::introspect {

std::string catalog_ddl(pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    // Empty search_path: the catalog's deparsers then qualify every name.
    tx.exec("SET LOCAL search_path = ''");
    std::string text;
    for (const auto query : k_all_queries) {
        const pqxx::result rows = tx.exec(std::string(query));
        for (const auto& row : rows) {
            text += row[0].c_str();
            text += '\n';
        }
    }
    return text;
}

model::SchemaModel introspect(pqxx::connection& conn, const std::string& label) {
    std::vector<parser::SourceFile> files{{label, catalog_ddl(conn)}};
    return parser::load_sources(files);
}

} // namespace pgshape::introspect
