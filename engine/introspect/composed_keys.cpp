// ALTER TABLE ... ADD CONSTRAINT for every primary, unique and foreign key
// from one row per key (k_key_constraints), in pg_get_constraintdef's text;
// exclusion constraints, and a key naming a column not read, are the
// deparser's own.
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/introspect/catalog_queries.hpp"
#include "engine/introspect/catalog_rows.hpp"
#include "engine/introspect/composed_answers.hpp"
#include "engine/model/sql_text.hpp"

namespace pgshape::introspect {
namespace {

// k_key_constraints' fields, in order.
enum Field {
    constraint_oid, schema, table, name, only, kind, table_oid, keys, ref_schema, ref_table, ref_oid, ref_keys,
    match_type, update_action, delete_action, delete_columns, deferrable, deferred, validated,
    nulls_not_distinct, index_keys, index_key_count, definition, attach,
};

std::string_view text(const pqxx::row& row, Field f) { return field_text(row, f); }

// pg_get_constraintdef's words for a referential action ('a', NO ACTION, is
// left out).
std::string_view action_words(std::string_view action) {
    switch (action.empty() ? 'a' : action.front()) {
    case 'r': return "RESTRICT";
    case 'c': return "CASCADE";
    case 'n': return "SET NULL";
    case 'd': return "SET DEFAULT";
    default: return {};
    }
}

// The key's definition as pg_get_constraintdef writes it, or false when a
// column is not known.
bool write_key(std::string& out, const pqxx::row& key, const TableColumns& columns) {
    const auto on = to_oid(text(key, table_oid));
    const auto type = text(key, kind);
    if (type == "f") {
        out += "FOREIGN KEY (";
        if (!columns.write_names(out, on, numbers_of(text(key, keys)))) return false;
        out += ") REFERENCES ";
        ((out += model::quote_ident(text(key, ref_schema))) += '.') += model::quote_ident(text(key, ref_table));
        out += '(';
        if (!columns.write_names(out, to_oid(text(key, ref_oid)), numbers_of(text(key, ref_keys)))) return false;
        out += ')';
        if (text(key, match_type) == "f") out += " MATCH FULL";
        else if (text(key, match_type) == "p") out += " MATCH PARTIAL";
        if (const auto a = action_words(text(key, update_action)); !a.empty()) (out += " ON UPDATE ") += a;
        if (const auto a = action_words(text(key, delete_action)); !a.empty()) (out += " ON DELETE ") += a;
        if (!key[delete_columns].is_null()) {
            out += " (";
            if (!columns.write_names(out, on, numbers_of(text(key, delete_columns)))) return false;
            out += ')';
        }
    } else {
        out += type == "p" ? "PRIMARY KEY " : "UNIQUE ";
        if (text(key, nulls_not_distinct) == "t") out += "NULLS NOT DISTINCT ";
        out += '(';
        if (!columns.write_names(out, on, numbers_of(text(key, keys)))) return false;
        out += ')';
        // The index's columns after its key columns are INCLUDE.
        const auto index_columns = numbers_of(text(key, index_keys));
        const auto key_count = static_cast<std::size_t>(key[index_key_count].as<long>(0));
        if (key_count < index_columns.size()) {
            out += " INCLUDE (";
            if (!columns.write_names(out, on, {index_columns.begin() + static_cast<long>(key_count), index_columns.end()}))
                return false;
            out += ')';
        }
    }
    if (text(key, deferrable) == "t") out += " DEFERRABLE";
    if (text(key, deferred) == "t") out += " INITIALLY DEFERRED";
    if (text(key, validated) != "t") out += " NOT VALID";
    return true;
}

void write_statement(std::string& out, const pqxx::row& key, std::string_view definition) {
    out += text(key, only) == "t" ? "ALTER TABLE ONLY " : "ALTER TABLE ";
    ((out += model::quote_ident(text(key, schema))) += '.') += model::quote_ident(text(key, table));
    ((out += " ADD CONSTRAINT ") += model::quote_ident(text(key, name))) += ' ';
    ((out += definition) += ';') += text(key, attach);
    out += '\n';
}

} // namespace

std::string key_constraints_ddl(pqxx::transaction_base& tx, ComposedReads& shared) {
    const pqxx::result rows = tx.exec(std::string(k_key_constraints));
    std::string out;
    out.reserve(rows.size() * 128);
    const TableColumns* columns = nullptr;
    std::vector<pqxx::result::size_type> deparse;
    std::string written;
    for (pqxx::result::size_type i = 0; i < rows.size(); ++i) {
        const pqxx::row row = rows[i];
        if (text(row, kind) == "x") {
            write_statement(out, row, text(row, definition));
            continue;
        }
        if (!columns) columns = &shared.columns(tx);
        written.clear();
        if (write_key(written, row, *columns)) write_statement(out, row, written);
        else deparse.push_back(i);
    }
    if (deparse.empty()) return out;
    const auto definitions = definitions_by_oid(tx, k_constraint_definitions, rows, deparse, constraint_oid);
    for (auto i : deparse) write_statement(out, rows[i], definitions.at(std::string(text(rows[i], constraint_oid))));
    return out;
}

} // namespace pgshape::introspect
