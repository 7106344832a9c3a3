#pragma once
// Reading the catalog's rows for the answers pgshape writes itself
// (composed_answers.hpp): fields as text, arrays of numbers, and the
// tables' columns by number.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pqxx/pqxx>

namespace pgshape::introspect {

// A field's text; empty for NULL.
std::string_view field_text(const pqxx::row& row, int field);
// An oid's text as its number (0 for anything else).
std::uint32_t to_oid(std::string_view text);
// The numbers of an array's or a vector's text: "{1,2}", "1 2".
std::vector<long> numbers_of(std::string_view text);

// The deparser's text (`query`: oid and text, for $1, an array of oids) of
// the objects in `which` of `rows`, whose oid is field `oid_field`; by oid.
std::unordered_map<std::string, std::string> definitions_by_oid(pqxx::transaction_base& tx, std::string_view query,
                                                                const pqxx::result& rows,
                                                                const std::vector<pqxx::result::size_type>& which,
                                                                int oid_field);

class TableColumns;

// The shape of a pg_node_tree's text (a check's expression, an index's
// expressions or predicate) on `table`, appended to `out`: the text without
// its parse locations, each column (Var) named by its name instead of its
// number. The deparser writes such a tree from nothing but the tree and the
// names of the columns it names, so trees of one shape deparse to one text.
// False (and `out` unusable) when a Var is not a column read: a whole row
// (its text names the table) or a system column.
bool append_tree_shape(std::string& out, std::string_view tree, std::uint32_t table, const TableColumns& columns);

// The objects at `which` in `rows` grouped by their shapes (`shapes`, one
// per object; empty: an object of its own): the deparser (`query`, as for
// definitions_by_oid) runs on the first object of each group, and each
// object gets the row of its group's first (`first[i]` for `which[i]`) and
// that object's text by oid.
struct DeparsedByShape {
    std::vector<pqxx::result::size_type> first;
    std::unordered_map<std::string, std::string> definitions;
};
DeparsedByShape deparse_by_shape(pqxx::transaction_base& tx, std::string_view query, const pqxx::result& rows,
                                 const std::vector<pqxx::result::size_type>& which,
                                 const std::vector<std::string>& shapes, int oid_field);

// The columns of the tables (k_table_columns): name, type (a domain's base
// type) and collation by table oid and column number.
class TableColumns {
public:
    struct Column {
        std::string name;
        std::uint32_t type = 0;
        std::uint32_t collation = 0;
    };

    TableColumns() = default;
    explicit TableColumns(pqxx::transaction_base& tx);
    void add(std::uint32_t table, long attnum, Column column);
    // nullptr for a column not read (a system column, say)
    const Column* find(std::uint32_t table, long attnum) const;
    // "a, b": the columns' names, quoted as needed; false when one is not known.
    bool write_names(std::string& out, std::uint32_t table, const std::vector<long>& attnums) const;

private:
    std::unordered_map<std::uint64_t, Column> m_columns;
};

} // namespace pgshape::introspect
