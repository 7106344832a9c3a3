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
