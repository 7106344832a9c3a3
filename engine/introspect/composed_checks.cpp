// ALTER TABLE ... ADD CONSTRAINT for every check, from one row per check
// (k_check_constraints). The text is pg_get_constraintdef's, run on one
// check of each shape (append_tree_shape) and shared by the others: the
// deparser opens a check's table (its relation cache entry built in the
// backend), and at 10,000 tables doing so for every check was most of the
// checks' server CPU (0.9 s against 0.2 s for the rows).
#include <string>
#include <vector>

#include "engine/introspect/catalog_queries.hpp"
#include "engine/introspect/catalog_rows.hpp"
#include "engine/introspect/composed_answers.hpp"
#include "engine/model/sql_text.hpp"

namespace pgshape::introspect {
namespace {

// k_check_constraints' fields, in order.
enum Field { constraint_oid, schema, table, name, table_oid, expression, validated, no_inherit };

std::string_view text(const pqxx::row& row, Field f) { return field_text(row, f); }

} // namespace

std::string check_constraints_ddl(pqxx::transaction_base& tx, ComposedReads& shared) {
    const pqxx::result rows = tx.exec(std::string(k_check_constraints));
    std::vector<pqxx::result::size_type> all(rows.size());
    std::vector<std::string> shapes(rows.size());
    const TableColumns* columns = rows.empty() ? nullptr : &shared.columns(tx);
    for (pqxx::result::size_type i = 0; i < rows.size(); ++i) {
        all[i] = i;
        const pqxx::row row = rows[i];
        // NO INHERIT and NOT VALID are part of the text.
        auto& shape = shapes[i];
        ((shape += text(row, validated)) += text(row, no_inherit)) += ' ';
        if (!append_tree_shape(shape, text(row, expression), to_oid(text(row, table_oid)), *columns)) shape.clear();
    }
    const auto deparsed = deparse_by_shape(tx, k_constraint_definitions, rows, all, shapes, constraint_oid);
    std::string out;
    out.reserve(rows.size() * 128);
    for (pqxx::result::size_type i = 0; i < rows.size(); ++i) {
        const pqxx::row row = rows[i];
        out += "ALTER TABLE ";
        ((out += model::quote_ident(text(row, schema))) += '.') += model::quote_ident(text(row, table));
        ((out += " ADD CONSTRAINT ") += model::quote_ident(text(row, name))) += ' ';
        out += deparsed.definitions.at(std::string(field_text(rows[deparsed.first[i]], constraint_oid)));
        out += ";\n";
    }
    for (const auto& row : tx.exec(std::string(k_check_validations))) (out += row[0].c_str()) += '\n';
    return out;
}

} // namespace pgshape::introspect
