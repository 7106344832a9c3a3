// parser/transform/create_composite_type: CREATE TYPE ... AS (...) as
// written and as the catalog writes it back.
#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

TEST_CASE("create_composite_type: the catalog's form reads as what was written") {
    const auto written = model_of("CREATE TYPE addr AS (street text COLLATE \"C\", zip varchar(5), n int4);\n"
                                  "COMMENT ON COLUMN addr.zip IS 'postal';");
    const auto catalog = model_of("CREATE TYPE public.addr AS (street text COLLATE \"C\", zip character varying(5), n integer);"
                                  " COMMENT ON COLUMN public.addr.zip IS 'postal';");
    CHECK(written == catalog);
    const auto& type = written.composite_types.at({"public", "addr"});
    REQUIRE(type.attributes.size() == 3);
    CHECK(type.attributes[0].collation == "C");
    CHECK(type.attributes[1].comment == std::optional<std::string>("postal"));
}

TEST_CASE("create_composite_type: attribute order and types count") {
    CHECK_FALSE(model_of("CREATE TYPE p AS (a integer, b integer);") == model_of("CREATE TYPE p AS (b integer, a integer);"));
    CHECK_FALSE(model_of("CREATE TYPE p AS (a integer);") == model_of("CREATE TYPE p AS (a bigint);"));
    CHECK_FALSE(model_of("CREATE TYPE p AS (a text);") == model_of("CREATE TYPE p AS (a text COLLATE \"C\");"));
}

TEST_CASE("create_composite_type: bad input is a located error") {
    CHECK(load_error("CREATE TYPE p AS (a integer, a text);").find("attribute a is defined twice in type public.p") !=
          std::string::npos);
    CHECK(load_error("CREATE TYPE p AS (a serial);").find("an attribute of a composite type cannot be serial") !=
          std::string::npos);
    // A composite type is a relation: its name clashes with a table's.
    CHECK(load_error("CREATE TABLE p (a integer); CREATE TYPE p AS (a integer);").find("relation public.p is defined twice") !=
          std::string::npos);
    CHECK(load_error("CREATE TYPE p AS (a integer); COMMENT ON COLUMN p.b IS 'x';").find("attribute b of type public.p") !=
          std::string::npos);
}
