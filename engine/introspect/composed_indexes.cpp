// CREATE INDEX for every index that is not a constraint's, from one row per
// index (k_indexes): a plain index (key columns only, each with its type's
// default operator class and its column's collation) is written here in
// pg_get_indexdef's text; any other is pg_get_indexdef's own, run on one
// index of each shape and shared by the others under their own names: the
// deparser opens the table of an index with expressions or a predicate (a
// relation cache entry built in the backend).
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
    table_oid, keys, classes, options, collations, column_options, expressions, predicate,
    index_kind, valid, table_kind, parameters, nulls_not_distinct, key_count, attach,
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

// What pg_get_indexdef's text after "USING " is made of: the index's row
// but its names, its columns by name (with their types and collations,
// which decide whether an operator class or a collation is written) and the
// shapes of its expressions and predicate; empty when the index has no
// shape to share (a column with options, a Var not a column).
std::string shape_of(const pqxx::row& index, const TableColumns& columns) {
    if (text(index, column_options) == "t") return {};
    std::string shape;
    for (Field f : {method, unique, keys, classes, options, collations, index_kind, valid, table_kind, parameters,
                    nulls_not_distinct, key_count})
        (shape += text(index, f)) += '|';
    const auto on_table = to_oid(text(index, table_oid));
    for (long attnum : numbers_of(text(index, keys))) {
        if (attnum == 0) continue;  // an expression's place
        const auto* column = columns.find(on_table, attnum);
        if (!column) return {};
        (((shape += std::to_string(column->name.size())) += ':') += column->name) += ' ';
        ((shape += std::to_string(column->type)) += ' ') += std::to_string(column->collation);
        shape += '|';
    }
    for (Field f : {expressions, predicate}) {
        if (!append_tree_shape(shape, text(index, f), on_table, columns)) return {};
        shape += '|';
    }
    return shape;
}

// "CREATE [UNIQUE ]INDEX name ON [ONLY ]schema.table USING ": the part of
// pg_get_indexdef's text that names the index and its table.
std::string head_of(const pqxx::row& index, bool only) {
    std::string head = text(index, unique) == "t" ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
    (head += model::quote_ident(text(index, index_name))) += " ON ";
    if (only) head += "ONLY ";
    ((head += model::quote_ident(text(index, schema))) += '.') += model::quote_ident(text(index, table));
    return head += " USING ";
}

// `definition` (an index's text) for `index`, of the same shape: false when
// it does not start as pg_get_indexdef's text of `from` would.
bool write_as(std::string& out, const pqxx::row& index, const pqxx::row& from, std::string_view definition) {
    for (bool only : {false, true}) {
        const auto head = head_of(from, only);
        if (definition.substr(0, head.size()) != head) continue;
        out += head_of(index, only);
        out += definition.substr(head.size());
        return true;
    }
    return false;
}

} // namespace

std::string indexes_ddl(pqxx::transaction_base& tx, ComposedReads& shared) {
    const pqxx::result rows = tx.exec(std::string(k_indexes));
    std::string out;
    out.reserve(rows.size() * 96);
    std::optional<PlainIndexWriter> plain;
    // Indexes not plain: deparsed after, one of each shape.
    std::vector<pqxx::result::size_type> deparse;
    for (pqxx::result::size_type i = 0; i < rows.size(); ++i) {
        const pqxx::row row = rows[i];
        if (text(row, candidate) == "t") {
            if (!plain) plain.emplace(tx, shared.columns(tx));
            if (plain->write(out, row)) {
                ((out += ';') += text(row, attach)) += '\n';
                continue;
            }
        }
        deparse.push_back(i);
    }
    if (deparse.empty()) return out;
    const auto& columns = shared.columns(tx);
    std::vector<std::string> shapes;
    shapes.reserve(deparse.size());
    for (auto i : deparse) shapes.push_back(shape_of(rows[i], columns));
    auto deparsed = deparse_by_shape(tx, k_index_definitions, rows, deparse, shapes, index_oid);
    // A shared text that does not read as expected: that index's own.
    std::vector<pqxx::result::size_type> own;
    for (std::size_t k = 0; k < deparse.size(); ++k) {
        const pqxx::row row = rows[deparse[k]];
        const pqxx::row from = rows[deparsed.first[k]];
        const auto& definition = deparsed.definitions.at(std::string(text(from, index_oid)));
        if (deparse[k] == deparsed.first[k]) out += definition;
        else if (!write_as(out, row, from, definition)) {
            own.push_back(deparse[k]);
            continue;
        }
        ((out += ';') += text(row, attach)) += '\n';
    }
    if (own.empty()) return out;
    const auto definitions = definitions_by_oid(tx, k_index_definitions, rows, own, index_oid);
    for (auto i : own) {
        const pqxx::row row = rows[i];
        ((out += definitions.at(std::string(text(row, index_oid)))) += ';') += text(row, attach);
        out += '\n';
    }
    return out;
}

} // namespace pgshape::introspect
