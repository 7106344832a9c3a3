#include "engine/introspect/composed_answers.hpp"

#include "engine/introspect/catalog_queries.hpp"

namespace pgshape::introspect {

const TableColumns& ComposedReads::columns(pqxx::transaction_base& tx) {
    // A read that throws leaves the flag unset: the next caller reads again.
    std::call_once(m_read, [&] { m_columns.emplace(tx); });
    return *m_columns;
}

std::optional<std::string> composed_answer(pqxx::transaction_base& tx, std::string_view query, ComposedReads& shared) {
    if (query == k_plain_tables) return plain_tables_ddl(tx.exec(std::string(query)));
    if (query == k_indexes) return indexes_ddl(tx, shared);
    if (query == k_check_constraints) return check_constraints_ddl(tx, shared);
    if (query == k_key_constraints) return key_constraints_ddl(tx, shared);
    return std::nullopt;
}

} // namespace pgshape::introspect
