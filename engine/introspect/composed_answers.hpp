#pragma once
// Catalog answers written by pgshape from plain catalog rows, where the
// server would spend more writing the DDL (format() and string_agg over
// every column) than the rows cost it. The text is what a server-side query
// would write, so the parser reads it as it reads every other answer.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <pqxx/pqxx>

#include "engine/introspect/catalog_rows.hpp"

namespace pgshape::introspect {

// Changes with the text composed_*.cpp write, so that the catalog cache
// (whose key covers it) never hands a new pgshape an old composer's text.
inline constexpr std::string_view k_composed_revision = "composed answers 2";

// What the composed answers of one catalog read share: the tables'
// columns, read once (in the read's snapshot, which every connection of the
// read shares) by whichever answer needs them first; the indexes' and the
// keys' answers both name columns by number, often on two connections at
// once.
class ComposedReads {
public:
    const TableColumns& columns(pqxx::transaction_base& tx);

private:
    std::once_flag m_read;
    std::optional<TableColumns> m_columns;
};

// The answer to `query` when it is one of k_all_queries written here
// (nullopt for the queries the server writes).
std::optional<std::string> composed_answer(pqxx::transaction_base& tx, std::string_view query, ComposedReads& shared);

// CREATE TABLE for every plain table, from k_plain_tables' rows.
std::string plain_tables_ddl(const pqxx::result& rows);
// ALTER TABLE ... ADD CONSTRAINT for every check (k_check_constraints),
// then the VALIDATE CONSTRAINT of its validated copies (k_check_validations).
std::string check_constraints_ddl(pqxx::transaction_base& tx, ComposedReads& shared);
// CREATE INDEX for every index not a constraint's (k_indexes and the
// queries after it in catalog_queries.hpp).
std::string indexes_ddl(pqxx::transaction_base& tx, ComposedReads& shared);
// ALTER TABLE ... ADD CONSTRAINT for every primary, unique, foreign key and
// exclusion constraint (k_key_constraints).
std::string key_constraints_ddl(pqxx::transaction_base& tx, ComposedReads& shared);

} // namespace pgshape::introspect
