// CREATE INDEX for every index that is not a constraint's, from one row per
// index (k_indexes): a plain index (key columns only, each with its type's
// default operator class and its column's collation) is written here in
// pg_get_indexdef's text; any other is pg_get_indexdef's own.
#include <charconv>
#include <optional>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/introspect/catalog_queries.hpp"
#include "engine/introspect/catalog_rows.hpp"
#include "engine/introspect/composed_answers.hpp"
#include "engine/model/sql_text.hpp"

namespace pgshape::introspect {
namespace {

// k_indexes' fields, in order.
enum Field {
    index_oid, index_name, schema, table, method, unique, candidate,
    table_oid, keys, classes, options, collations, definition, attach,
};

// Built-in type oids (fixed in every PostgreSQL): varchar's default
// operator classes are text's, as GetDefaultOpClass finds them.
constexpr std::uint32_t k_varchar = 1043;
constexpr std::uint32_t k_text = 25;

struct OperatorClass {
    bool is_default = false;
    std::uint32_t input_type = 0;
};

std::string_view text(const pqxx::row& row, Field f) { return field_text(row, f); }

class PlainIndexWriter {
public:
    PlainIndexWriter(pqxx::transaction_base& tx, const TableColumns& columns) : m_columns(columns) {
        for (const auto& row : tx.exec(std::string(k_operator_classes)))
            m_classes.emplace(row[0].as<std::uint32_t>(), OperatorClass{row[1].as<bool>(), row[2].as<std::uint32_t>()});
    }

    // Appends the index's CREATE INDEX as pg_get_indexdef writes it, or
    // returns false (nothing written) when a column is not plain.
    bool write(std::string& out, const pqxx::row& index) const {
        const auto on_table = to_oid(text(index, table_oid));
        const auto key = numbers_of(text(index, keys));
        const auto cls = numbers_of(text(index, classes));
        const auto opt = numbers_of(text(index, options));
        const auto coll = numbers_of(text(index, collations));
        if (cls.size() != key.size() || opt.size() != key.size() || coll.size() != key.size()) return false;
        const bool btree = text(index, method) == "btree";
        std::string list;
        for (std::size_t k = 0; k < key.size(); ++k) {
            const auto* column = m_columns.find(on_table, key[k]);
            const auto opclass = m_classes.find(static_cast<std::uint32_t>(cls[k]));
            if (key[k] <= 0 || !column || opclass == m_classes.end()) return false;
            const auto& c = *column;
            const bool default_class = opclass->second.is_default &&
                                       (opclass->second.input_type == c.type ||
                                        (c.type == k_varchar && opclass->second.input_type == k_text));
            if (!default_class || static_cast<std::uint32_t>(coll[k]) != c.collation || (!btree && opt[k] != 0))
                return false;
            if (k > 0) list += ", ";
            list += model::quote_ident(c.name);
            // indoption: 1 is DESC, 2 NULLS FIRST; each direction's own
            // default is left out, as pg_get_indexdef does.
            const bool desc = (opt[k] & 1) != 0, nulls_first = (opt[k] & 2) != 0;
            if (desc) list += nulls_first ? " DESC" : " DESC NULLS LAST";
            else if (nulls_first) list += " NULLS FIRST";
        }
        out += text(index, unique) == "t" ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
        out += model::quote_ident(text(index, index_name));
        out += " ON ";
        ((out += model::quote_ident(text(index, schema))) += '.') += model::quote_ident(text(index, table));
        out += " USING ";
        out += model::quote_ident(text(index, method));
        ((out += " (") += list) += ')';
        return true;
    }

private:
    const TableColumns& m_columns;
    std::unordered_map<std::uint32_t, OperatorClass> m_classes;
};

} // namespace

std::string indexes_ddl(pqxx::transaction_base& tx, ComposedReads& shared) {
    const pqxx::result rows = tx.exec(std::string(k_indexes));
    std::string out;
    out.reserve(rows.size() * 96);
    std::optional<PlainIndexWriter> plain;
    // Indexes whose columns turned out not plain: deparsed after.
    std::vector<pqxx::result::size_type> deparse;
    for (pqxx::result::size_type i = 0; i < rows.size(); ++i) {
        const pqxx::row row = rows[i];
        if (text(row, candidate) == "t") {
            if (!plain) plain.emplace(tx, shared.columns(tx));
            if (!plain->write(out, row)) {
                deparse.push_back(i);
                continue;
            }
        } else {
            out += text(row, definition);
        }
        ((out += ';') += text(row, attach)) += '\n';
    }
    if (deparse.empty()) return out;
    const auto definitions = definitions_by_oid(tx, k_index_definitions, rows, deparse, index_oid);
    for (auto i : deparse) {
        const pqxx::row row = rows[i];
        ((out += definitions.at(std::string(text(row, index_oid)))) += ';') += text(row, attach);
        out += '\n';
    }
    return out;
}

} // namespace pgshape::introspect
