// parser/transform/create_domain: CREATE and ALTER DOMAIN as written and as
// the catalog writes them back read as the same domain.
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

namespace {

const model::Domain& domain_of(const model::SchemaModel& m, const std::string& name) {
    auto it = m.domains.find({"public", name});
    REQUIRE(it != m.domains.end());
    return it->second;
}

struct Pair {
    const char* name;
    const char* a;
    const char* b;
};

} // namespace

TEST_CASE("create_domain: a domain as written equals the catalog's form") {
    const Pair rows[] = {
        {"integer check", "CREATE DOMAIN d AS int4 CHECK (VALUE > 0);",
         "CREATE DOMAIN public.d AS integer CONSTRAINT d_check CHECK ((VALUE > 0));"},
        {"varchar IN", "CREATE DOMAIN d AS varchar(5) CHECK (VALUE IN ('a', 'b'));",
         "CREATE DOMAIN public.d AS character varying(5) CONSTRAINT d_check CHECK (((VALUE)::text = ANY "
         "((ARRAY['a'::character varying, 'b'::character varying])::text[])));"},
        {"varchar function argument", "CREATE DOMAIN d AS varchar(5) CHECK (char_length(VALUE) < 5);",
         "CREATE DOMAIN public.d AS character varying(5) CONSTRAINT d_check CHECK ((char_length((VALUE)::text) < 5));"},
        {"text default", "CREATE DOMAIN d AS text DEFAULT 'x';", "CREATE DOMAIN public.d AS text DEFAULT 'x'::text;"},
        {"enum default and check", "CREATE TYPE e AS ENUM ('a', 'b'); CREATE DOMAIN d AS e DEFAULT 'a' CHECK (VALUE <> 'b');",
         "CREATE TYPE public.e AS ENUM ('a', 'b'); CREATE DOMAIN public.d AS public.e DEFAULT 'a'::public.e "
         "CONSTRAINT d_check CHECK ((VALUE <> 'b'::public.e));"},
        // The catalog casts a domain over a domain down to the type underneath.
        {"domain over a domain", "CREATE DOMAIN d2 AS d CHECK (VALUE < 100); CREATE DOMAIN d AS integer;",
         "CREATE DOMAIN public.d AS integer; CREATE DOMAIN public.d2 AS public.d CONSTRAINT d2_check CHECK "
         "(((VALUE)::integer < 100));"},
        {"NOT VALID check", "CREATE DOMAIN d AS integer; ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;",
         "CREATE DOMAIN public.d AS integer; ALTER DOMAIN public.d ADD CONSTRAINT c CHECK ((VALUE > 0)) NOT VALID;"},
        {"ALTER DOMAIN in the file", "CREATE DOMAIN d AS integer; ALTER DOMAIN d SET DEFAULT 3; ALTER DOMAIN d SET NOT NULL;",
         "CREATE DOMAIN public.d AS integer DEFAULT 3 NOT NULL;"},
        // The catalog writes no COLLATE where a domain carries it anyway.
        {"COLLATE repeating a domain's", "CREATE DOMAIN c AS text COLLATE \"C\"; CREATE DOMAIN c2 AS c COLLATE \"C\";\n"
         "CREATE TYPE p AS (a c COLLATE \"C\"); CREATE TABLE t (x c COLLATE \"C\");",
         "CREATE DOMAIN public.c AS text COLLATE \"C\"; CREATE DOMAIN public.c2 AS public.c;\n"
         "CREATE TYPE public.p AS (a public.c); CREATE TABLE public.t (x public.c);"},
        {"checks in any order", "CREATE DOMAIN d AS integer CONSTRAINT b CHECK (VALUE < 9) CONSTRAINT a CHECK (VALUE > 0);",
         "CREATE DOMAIN public.d AS integer CONSTRAINT a CHECK ((VALUE > 0)) CONSTRAINT b CHECK ((VALUE < 9));"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) { CHECK(model_of(row.a) == model_of(row.b)); }
    }
}

TEST_CASE("create_domain: different domains stay different") {
    const Pair rows[] = {
        {"check value", "CREATE DOMAIN d AS integer CHECK (VALUE > 0);", "CREATE DOMAIN d AS integer CHECK (VALUE > 1);"},
        {"check name", "CREATE DOMAIN d AS integer CONSTRAINT a CHECK (VALUE > 0);",
         "CREATE DOMAIN d AS integer CONSTRAINT b CHECK (VALUE > 0);"},
        {"NOT VALID", "CREATE DOMAIN d AS integer CONSTRAINT c CHECK (VALUE > 0);",
         "CREATE DOMAIN d AS integer; ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;"},
        {"base type", "CREATE DOMAIN d AS integer;", "CREATE DOMAIN d AS bigint;"},
        {"base length", "CREATE DOMAIN d AS varchar(5);", "CREATE DOMAIN d AS varchar(6);"},
        {"collation", "CREATE DOMAIN d AS text;", "CREATE DOMAIN d AS text COLLATE \"C\";"},
        {"NOT NULL", "CREATE DOMAIN d AS text;", "CREATE DOMAIN d AS text NOT NULL;"},
        {"default", "CREATE DOMAIN d AS text DEFAULT 'a';", "CREATE DOMAIN d AS text DEFAULT 'b';"},
        // A narrowing cast of the value changes the check: 5.4::integer is 5.
        {"value cast to integer", "CREATE DOMAIN d AS numeric CHECK (VALUE > 5);",
         "CREATE DOMAIN d AS numeric CHECK (VALUE::integer > 5);"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) { CHECK_FALSE(model_of(row.a) == model_of(row.b)); }
    }
}

TEST_CASE("create_domain: a column of a domain compares through the cast the catalog adds") {
    const auto written = model_of("CREATE DOMAIN pos AS integer; CREATE DOMAIN code AS varchar(5);\n"
                                  "CREATE TABLE t (a pos, b code, CHECK (a > 3 AND b <> 'x'));");
    const auto catalog = model_of("CREATE DOMAIN public.pos AS integer; CREATE DOMAIN public.code AS character varying(5);\n"
                                  "CREATE TABLE public.t (a public.pos, b public.code);\n"
                                  "ALTER TABLE public.t ADD CONSTRAINT t_check CHECK ((((a)::integer > 3) AND ((b)::text <> 'x'::text)));");
    CHECK(written == catalog);
    // Cast to a type that is not the one underneath: a different check.
    const auto other = model_of("CREATE DOMAIN pos AS integer; CREATE DOMAIN code AS varchar(5);\n"
                                "CREATE TABLE t (a pos, b code, CHECK (a::smallint > 3 AND b <> 'x'));");
    CHECK_FALSE(written == other);
}

TEST_CASE("create_domain: names, defaults and calls as PostgreSQL gives them") {
    const auto m = model_of("CREATE FUNCTION f(integer) RETURNS boolean LANGUAGE sql AS 'SELECT true';\n"
                            "CREATE DOMAIN base AS integer DEFAULT 7 CHECK (VALUE > 0) CHECK (public.f(VALUE));\n"
                            "CREATE DOMAIN derived AS base;\n"
                            "CREATE DOMAIN own AS base DEFAULT 8;");
    const auto& base = domain_of(m, "base");
    REQUIRE(base.checks.size() == 2);
    CHECK(base.checks[0].name == "base_check");
    CHECK(base.checks[1].name == "base_check1");
    CHECK(base.calls == std::vector<model::QualifiedName>{{"public", "f"}});
    // CREATE DOMAIN copies its base domain's default when it names none.
    REQUIRE(domain_of(m, "derived").default_value.has_value());
    CHECK(domain_of(m, "derived").default_value->sql() == "7");
    CHECK(domain_of(m, "own").default_value->sql() == "8");
}

TEST_CASE("create_domain: bad input is a located error") {
    CHECK(load_error("CREATE DOMAIN d AS integer PRIMARY KEY;").find("primary key constraints are not possible for domains") !=
          std::string::npos);
    CHECK(load_error("CREATE DOMAIN d AS serial;").find("a domain cannot be over a serial type") != std::string::npos);
    CHECK(load_error("CREATE DOMAIN d AS integer DEFAULT 1 DEFAULT 2;").find("multiple default expressions") !=
          std::string::npos);
    CHECK(load_error("CREATE DOMAIN d AS integer; ALTER DOMAIN d VALIDATE CONSTRAINT c;")
              .find("ALTER DOMAIN ... VALIDATE CONSTRAINT is not supported in schema files") != std::string::npos);
    CHECK(load_error("CREATE DOMAIN d AS integer; CREATE DOMAIN d AS text;").find("defined twice") != std::string::npos);
    CHECK(load_error("CREATE DOMAIN s.d AS integer;").find("schema s is not defined") != std::string::npos);
}
