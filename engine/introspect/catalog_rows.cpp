#include "engine/introspect/catalog_rows.hpp"

#include <charconv>

#include "engine/introspect/catalog_queries.hpp"
#include "engine/model/sql_text.hpp"

namespace pgshape::introspect {
namespace {

std::uint64_t column_key(std::uint32_t table, long attnum) {
    return (std::uint64_t{table} << 16) | static_cast<std::uint16_t>(attnum);
}

} // namespace

std::string_view field_text(const pqxx::row& row, int field) {
    const auto f = row[field];
    return f.is_null() ? std::string_view{} : std::string_view(f.c_str(), f.size());
}

std::uint32_t to_oid(std::string_view text) {
    std::uint32_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

std::vector<long> numbers_of(std::string_view text) {
    std::vector<long> out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        if (*p == ' ' || *p == ',' || *p == '{' || *p == '}') {
            ++p;
            continue;
        }
        long v = 0;
        const auto [next, error] = std::from_chars(p, end, v);
        if (error != std::errc{}) break;
        out.push_back(v);
        p = next;
    }
    return out;
}

std::unordered_map<std::string, std::string> definitions_by_oid(pqxx::transaction_base& tx, std::string_view query,
                                                                const pqxx::result& rows,
                                                                const std::vector<pqxx::result::size_type>& which,
                                                                int oid_field) {
    std::string oids = "{";
    for (auto i : which) {
        if (oids.size() > 1) oids += ',';
        oids += field_text(rows[i], oid_field);
    }
    oids += '}';
    std::unordered_map<std::string, std::string> out;
    for (const auto& row : tx.exec_params(std::string(query), oids)) out.emplace(row[0].c_str(), row[1].c_str());
    return out;
}

bool append_tree_shape(std::string& out, std::string_view tree, std::uint32_t table, const TableColumns& columns) {
    // Field labels (" :name") cannot occur inside a token: the node writer
    // escapes a token's spaces with a backslash.
    std::size_t done = 0;
    for (std::size_t at = tree.find(" :"); at != std::string_view::npos; at = tree.find(" :", at + 2)) {
        if (at > 0 && tree[at - 1] == '\\') continue;
        const std::size_t label = at + 2;
        const std::size_t value = tree.find(' ', label);
        if (value == std::string_view::npos) break;
        const auto name = tree.substr(label, value - label);
        if (name != "location" && name != "varattno" && name != "varattnosyn") continue;
        long number = 0;
        const char* first = tree.data() + value + 1;
        const auto [end, error] = std::from_chars(first, tree.data() + tree.size(), number);
        if (error != std::errc{}) continue;
        if (name == "location") {
            out.append(tree.substr(done, at - done));
        } else {
            const auto* column = number > 0 ? columns.find(table, number) : nullptr;
            if (!column) return false;
            out.append(tree.substr(done, value + 1 - done));
            // The name's length first: no name can run into what follows.
            (out += std::to_string(column->name.size())) += ':';
            out += column->name;
        }
        done = static_cast<std::size_t>(end - tree.data());
        at = done - 2;
    }
    out.append(tree.substr(done));
    return true;
}

DeparsedByShape deparse_by_shape(pqxx::transaction_base& tx, std::string_view query, const pqxx::result& rows,
                                 const std::vector<pqxx::result::size_type>& which,
                                 const std::vector<std::string>& shapes, int oid_field) {
    DeparsedByShape out;
    std::unordered_map<std::string_view, pqxx::result::size_type> first_of;
    std::vector<pqxx::result::size_type> firsts;
    out.first.reserve(which.size());
    for (std::size_t i = 0; i < which.size(); ++i) {
        if (shapes[i].empty()) {
            out.first.push_back(which[i]);
            firsts.push_back(which[i]);
            continue;
        }
        const auto [it, added] = first_of.emplace(shapes[i], which[i]);
        if (added) firsts.push_back(which[i]);
        out.first.push_back(it->second);
    }
    if (!firsts.empty()) out.definitions = definitions_by_oid(tx, query, rows, firsts, oid_field);
    return out;
}

TableColumns::TableColumns(pqxx::transaction_base& tx) {
    const pqxx::result rows = tx.exec(std::string(k_table_columns));
    m_columns.reserve(rows.size());
    for (const auto& row : rows)
        add(row[0].as<std::uint32_t>(), row[1].as<long>(),
            Column{row[2].c_str(), row[3].as<std::uint32_t>(), row[4].as<std::uint32_t>()});
}

void TableColumns::add(std::uint32_t table, long attnum, Column column) {
    m_columns.emplace(column_key(table, attnum), std::move(column));
}

const TableColumns::Column* TableColumns::find(std::uint32_t table, long attnum) const {
    const auto it = m_columns.find(column_key(table, attnum));
    return it == m_columns.end() ? nullptr : &it->second;
}

bool TableColumns::write_names(std::string& out, std::uint32_t table, const std::vector<long>& attnums) const {
    for (std::size_t i = 0; i < attnums.size(); ++i) {
        const auto* c = find(table, attnums[i]);
        if (!c) return false;
        if (i > 0) out += ", ";
        out += model::quote_ident(c->name);
    }
    return true;
}

} // namespace pgshape::introspect
