// Reading catalog rows for the answers pgshape composes: arrays and
// vectors of numbers as PostgreSQL prints them, and oids.
#include <doctest/doctest.h>

#include "engine/introspect/catalog_rows.hpp"

using pgshape::introspect::numbers_of;
using pgshape::introspect::to_oid;

TEST_CASE("numbers_of reads an array's text and an int2vector's") {
    CHECK(numbers_of("{1,2,3}") == std::vector<long>{1, 2, 3});
    CHECK(numbers_of("1 2 3") == std::vector<long>{1, 2, 3});
    CHECK(numbers_of("{12}") == std::vector<long>{12});
    CHECK(numbers_of("3") == std::vector<long>{3});
    // an expression column of an index is 0 in indkey
    CHECK(numbers_of("0 2") == std::vector<long>{0, 2});
    // an oidvector (indclass, indcollation) holds large numbers
    CHECK(numbers_of("3124 100") == std::vector<long>{3124, 100});
    CHECK(numbers_of("4294967295") == std::vector<long>{4294967295L});
}

TEST_CASE("numbers_of of an empty or NULL field is empty") {
    CHECK(numbers_of("").empty());
    CHECK(numbers_of("{}").empty());
}

TEST_CASE("numbers_of stops at what is not a number") {
    CHECK(numbers_of("{1,x,3}") == std::vector<long>{1});
}

TEST_CASE("to_oid reads an oid's text, 0 for anything else") {
    CHECK(to_oid("16384") == 16384u);
    CHECK(to_oid("4294967295") == 4294967295u);
    CHECK(to_oid("") == 0u);
    CHECK(to_oid("abc") == 0u);
}

namespace {

using pgshape::introspect::append_tree_shape;
using pgshape::introspect::TableColumns;

// conbin of CHECK (quantity >= 0) with quantity column `attnum` of a table,
// at parse location `at`.
std::string quantity_check(int attnum, int at) {
    return "{OPEXPR :opno 525 :opfuncid 150 :opresulttype 16 :opretset false :opcollid 0 :inputcollid 0 :args ({VAR "
           ":varno 1 :varattno " +
           std::to_string(attnum) + " :vartype 23 :vartypmod -1 :varcollid 0 :varlevelsup 0 :varnosyn 1 :varattnosyn " +
           std::to_string(attnum) + " :location " + std::to_string(at) +
           "} {CONST :consttype 23 :consttypmod -1 :constcollid 0 :constlen 4 :constbyval true :constisnull false "
           ":location " +
           std::to_string(at + 12) + " :constvalue 4 [ 0 0 0 0 0 0 0 0 ]}) :location " + std::to_string(at + 9) + "}";
}

std::string shape_of(const std::string& tree, std::uint32_t table, const TableColumns& columns) {
    std::string out;
    if (!append_tree_shape(out, tree, table, columns)) return "(none)";
    return out;
}

TableColumns two_tables() {
    TableColumns columns;
    columns.add(1, 3, {"quantity", 23, 0});
    columns.add(1, 4, {"price", 1700, 0});
    columns.add(2, 6, {"quantity", 23, 0});
    columns.add(2, 7, {"amount", 23, 0});
    return columns;
}

} // namespace

TEST_CASE("a check's shape names its columns and leaves its locations out") {
    const auto columns = two_tables();
    const auto shape = shape_of(quantity_check(3, 578), 1, columns);
    CHECK(shape.find(":location") == std::string::npos);
    CHECK(shape.find(":varattno 8:quantity") != std::string::npos);
    CHECK(shape.find(":varattnosyn 8:quantity") != std::string::npos);
    CHECK(shape.find(":constvalue 4 [ 0 0 0 0 0 0 0 0 ]") != std::string::npos);
    // the same check written elsewhere in a file, on another table whose
    // column of that name has another number: one shape
    CHECK(shape_of(quantity_check(6, 40), 2, columns) == shape);
}

TEST_CASE("checks on columns of other names have other shapes") {
    const auto columns = two_tables();
    CHECK(shape_of(quantity_check(7, 578), 2, columns) != shape_of(quantity_check(3, 578), 1, columns));
    CHECK(shape_of(quantity_check(4, 578), 1, columns) != shape_of(quantity_check(3, 578), 1, columns));
}

TEST_CASE("a whole row, a system column or a column not read has no shape") {
    const auto columns = two_tables();
    CHECK(shape_of(quantity_check(0, 10), 1, columns) == "(none)");
    CHECK(shape_of(quantity_check(-7, 10), 1, columns) == "(none)");
    CHECK(shape_of(quantity_check(5, 10), 1, columns) == "(none)");
    CHECK(shape_of(quantity_check(3, 10), 9, columns) == "(none)");
}

TEST_CASE("a label inside a token (its space escaped) is the token's") {
    const TableColumns none;
    // a name token holding " :location 5": written with its spaces escaped
    const std::string tree = "{ROW :colnames (\"a\\ :location\\ 5\") :location 12}";
    CHECK(shape_of(tree, 1, none) == "{ROW :colnames (\"a\\ :location\\ 5\")}");
    CHECK(shape_of("{CONST :location -1}", 1, none) == "{CONST}");
}
