#include "engine/introspect/composed_answers.hpp"

#include "engine/introspect/catalog_queries.hpp"

namespace pgshape::introspect {

std::optional<std::string> composed_answer(pqxx::transaction_base& tx, std::string_view query) {
    if (query == k_plain_tables) return plain_tables_ddl(tx.exec(std::string(query)));
    if (query == k_indexes) return indexes_ddl(tx);
    if (query == k_key_constraints) return key_constraints_ddl(tx);
    return std::nullopt;
}

} // namespace pgshape::introspect
