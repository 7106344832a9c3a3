// parser/canonical_expr: what a person writes and what the catalog prints
// back compare equal exactly when they mean the same thing.
#include <string>

#include <doctest/doctest.h>

#include "parser/constant.hpp"
#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::model_of;

namespace {

// The CHECK expression of `CREATE TABLE t (<columns>, CHECK (<check>))`.
model::Expr check_expr(const std::string& columns, const std::string& check) {
    const auto m = model_of("CREATE TYPE mood AS ENUM ('new', 'old');\nCREATE TABLE t (" + columns + ",\n  CHECK (" +
                            check + "));");
    for (const auto& [key, c] : m.constraints)
        if (c.type == model::ConstraintType::check) {
            REQUIRE(c.check.has_value());
            return *c.check;
        }
    FAIL("no check constraint in the model");
    return {};
}

// The default of `CREATE TABLE t (c <type> DEFAULT <expr>)`.
model::Expr default_expr(const std::string& type, const std::string& expr) {
    const auto m = model_of("CREATE TYPE mood AS ENUM ('new', 'old');\nCREATE TABLE t (c " + type + " DEFAULT " + expr + ");");
    const auto* column = m.tables.at({"public", "t"}).find_column("c");
    REQUIRE(column != nullptr);
    REQUIRE(column->default_value.has_value());
    return *column->default_value;
}

struct Pair {
    const char* name;
    const char* columns;  // or the column type, for defaults
    const char* a;
    const char* b;
};

} // namespace

TEST_CASE("canonical_expr: a check as written equals the catalog's form") {
    const Pair rows[] = {
        {"numeric comparison", "price numeric", "price > 0", "(price > (0)::numeric)"},
        {"numeric(10,2) comparison", "price numeric(10,2)", "price >= 0", "(price >= (0)::numeric)"},
        {"integer comparison", "qty integer", "qty > 0", "(qty > 0)"},
        {"varchar IN", "status varchar(20)", "status IN ('a','b')",
         "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"},
        {"text IN", "kind text", "kind IN ('a', 'b')", "(kind = ANY (ARRAY['a'::text, 'b'::text]))"},
        {"text NOT IN", "kind text", "kind NOT IN ('a', 'b')", "(kind <> ALL (ARRAY['a'::text, 'b'::text]))"},
        {"varchar LIKE", "name varchar(50)", "name LIKE 'a%'", "((name)::text ~~ 'a%'::text)"},
        {"text ILIKE", "name text", "name ILIKE 'a%'", "(name ~~* 'a%'::text)"},
        {"BETWEEN", "qty integer", "qty BETWEEN 1 AND 10", "((qty >= 1) AND (qty <= 10))"},
        {"varchar not empty", "code varchar(10)", "code <> ''", "((code)::text <> ''::text)"},
        {"qualified function", "email text", "lower(email) = email", "(pg_catalog.lower(email) = email)"},
        {"integer column against numeric", "qty integer", "qty > 0.5", "((qty)::numeric > 0.5)"},
        // The operator resolved as PostgreSQL resolves it, whichever
        // operand the cast was written on.
        {"numeric division, cast on the literal", "qty integer", "qty / 2::numeric > 1",
         "(((qty)::numeric / (2)::numeric) > (1)::numeric)"},
        {"numeric division, cast on the column", "qty integer", "qty::numeric / 2 > 1",
         "(((qty)::numeric / (2)::numeric) > (1)::numeric)"},
        {"real with integer: double precision", "w real, qty integer", "w * qty < 10",
         "((w * (qty)::double precision) < (10)::double precision)"},
        {"integer with bigint: as written", "qty integer", "qty + 1::bigint > 0", "((qty + (1)::bigint) > 0)"},
        {"built-in function of integer result", "s text", "length(s) / 2::numeric > 1",
         "(((length(s))::numeric / (2)::numeric) > (1)::numeric)"},
        {"explicit cast kept under the catalog's own ::text", "code text", "code::varchar(10) = 'x'",
         "(((code)::character varying(10))::text = 'x'::text)"},
        {"char(n) column against text", "code char(3)", "code::text = 'abc'", "((code)::text = 'abc'::text)"},
        {"widening numeric cast", "qty smallint", "qty::numeric > 0.5", "((qty)::numeric > 0.5)"},
        {"redundant parentheses", "a integer, b integer", "(a > b)", "((a > b))"},
        {"boolean combination", "a integer, b integer", "a > 0 AND b > 0 OR a IS NULL",
         "(((a > 0) AND (b > 0)) OR (a IS NULL))"},
        // An untyped literal takes the type of the operand beside it, and
        // becomes that type's constant: the catalog prints the value.
        {"string literal beside an integer", "n integer", "n <> '01'", "(n <> 1)"},
        {"string literals in IN over an integer", "n integer", "n IN ('1', '02')", "(n = ANY (ARRAY[1, 2]))"},
        {"string literal beside a bigint", "b bigint", "b > '7'", "(b > '7'::bigint)"},
        {"string literal beside a numeric", "price numeric", "price > '+02.50'", "(price > 2.50)"},
        {"string literal beside a real", "r real", "r > '1.50'", "(r > '1.5'::real)"},
        {"string literal cast to integer, then text", "s text", "s <> '01'::integer::text", "(s <> (1)::text)"},
        {"numeric literal with an exponent", "price numeric", "price = 1e3", "(price = '1000'::numeric)"},
        // A typmod applied to a constant is a function call the catalog keeps.
        {"literal cast to numeric(2,1)", "price numeric", "price <> '2.55'::numeric(2,1)",
         "(price <> 2.55::numeric(2,1))"},
        {"literal cast to varchar(4)", "s text", "s <> 'abcdefgh'::varchar(4)",
         "(s <> ('abcdefgh'::character varying(4))::text)"},
        // A cast of a number down the numeric types is kept as written.
        {"number cast to integer", "n integer", "n > 1.5::integer", "(n > (1.5)::integer)"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto a = check_expr(row.columns, row.a);
            const auto b = check_expr(row.columns, row.b);
            CHECK(a.canon == b.canon);
            CHECK(a == b);
        }
    }
}

TEST_CASE("canonical_expr: a default as written equals the catalog's form") {
    const Pair rows[] = {
        {"varchar literal", "varchar(20)", "'x'", "'x'::character varying"},
        {"text literal", "text", "'x'", "'x'::text"},
        {"negative integer", "integer", "-1", "'-1'::integer"},
        {"numeric zero", "numeric(10,2)", "0", "(0)::numeric"},
        {"numeric fraction", "numeric(10,2)", "1.5", "1.5"},
        {"date literal", "date", "'2020-01-01'", "'2020-01-01'::date"},
        {"enum label", "mood", "'new'", "'new'::mood"},
        {"enum label qualified", "mood", "'new'", "'new'::public.mood"},
        {"now", "timestamptz", "now()", "now()"},
        {"pg_catalog.now", "timestamptz", "now()", "pg_catalog.now()"},
        {"current_timestamp", "timestamptz", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
        {"nextval", "integer", "nextval('t_c_seq')", "nextval('public.t_c_seq'::regclass)"},
        {"boolean", "boolean", "true", "true"},
        {"string literal for an integer", "integer", "'01'", "1"},
        {"string literal for a bigint", "bigint", "'5'", "'5'::bigint"},
        {"numeric literal with an exponent", "numeric", "1e3", "'1000'::numeric"},
        {"number cast to the column's type", "smallint", "1::smallint", "(1)::smallint"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto a = default_expr(row.columns, row.a);
            const auto b = default_expr(row.columns, row.b);
            CHECK(a.canon == b.canon);
        }
    }
}

TEST_CASE("canonical_expr: different expressions stay different") {
    const Pair checks[] = {
        {"literal value", "price numeric", "price > 0", "price > 5"},
        {"operator", "price numeric", "price > 0", "price >= 0"},
        {"letter case of a literal", "s text", "s <> 'A'", "s <> 'a'"},
        {"precedence", "a integer, b integer, c integer", "a + b * c > 0", "(a + b) * c > 0"},
        {"AND vs OR", "a integer, b integer", "a > 0 AND b > 0", "a > 0 OR b > 0"},
        {"IS NULL vs IS NOT NULL", "a integer", "a IS NULL", "a IS NOT NULL"},
        {"IN list grows", "s text", "s IN ('a', 'b')", "s IN ('a', 'b', 'c')"},
        {"IN vs NOT IN", "s text", "s IN ('a', 'b')", "s NOT IN ('a', 'b')"},
        {"LIKE vs ILIKE", "s text", "s LIKE 'a%'", "s ILIKE 'a%'"},
        {"LIKE vs NOT LIKE", "s text", "s LIKE 'a%'", "s NOT LIKE 'a%'"},
        {"BETWEEN vs NOT BETWEEN", "a integer", "a BETWEEN 1 AND 10", "a NOT BETWEEN 1 AND 10"},
        {"BETWEEN bounds", "a integer", "a BETWEEN 1 AND 10", "a BETWEEN 1 AND 11"},
        {"columns swapped", "a integer, b integer", "a > b", "b > a"},
        {"function", "s text", "lower(s) = s", "upper(s) = s"},
        {"number vs string", "s text", "s = '1'", "s = '2'"},
        {"integer vs decimal", "price numeric", "price > 1", "price > 1.5"},
        // A narrowing cast of a column changes the meaning: 5.4::integer is 5.
        {"column cast to integer", "price numeric", "price > 5", "(price)::integer > 5"},
        {"column cast to a shorter varchar", "s text", "s = 'a'", "(s)::varchar(1) = 'a'"},
        {"column cast to numeric with a scale", "price numeric", "price > 5", "(price)::numeric(10,0) > 5"},
        // Casting to char(1) keeps only the first character.
        {"column cast to char(1)", "s text", "s = 'a'", "(s)::character(1) = 'a'"},
        // The integer column is compared as numeric, against 1.5; or as
        // integer, against 2.
        {"number rounded by a cast to integer", "n integer", "n > 1.5", "n > 1.5::integer"},
        {"number rounded by a cast with a scale", "price numeric", "price <> 2.55", "price <> 2.55::numeric(2,1)"},
        {"literal cut by a cast to varchar(4)", "s text", "s <> 'abcdefgh'", "s <> 'abcdefgh'::varchar(4)"},
        {"literal cut by a cast to char(2)", "s text", "s <> 'abc'", "s <> 'abc'::char(2)"},
        {"integer compared as text", "n integer", "n::text <> '01'", "n <> '01'"},
        {"string vs the text of a number", "s text", "s <> '01'::text", "s <> '01'::integer::text"},
        {"string literals beside an integer", "n integer", "n <> '01'", "n <> '02'"},
        {"scale of a numeric literal", "price numeric", "price = '2.5'", "price = '2.50'"},
        // Integer and numeric division; integer and bigint products.
        {"integer vs numeric division", "qty integer", "qty / 2 > 1", "qty / 2::numeric > 1"},
        {"integer columns divided as numeric", "a integer, b integer", "a / b > 1", "a::numeric / b > 1"},
        {"integer vs numeric division of length()", "s text", "length(s) / 2 > 1", "length(s) / 2::numeric > 1"},
        {"product in integer vs bigint", "qty integer", "qty * 1000000 > 0", "qty * 1000000::bigint > 0"},
        {"real vs double precision product", "w real, qty integer", "w * qty < 10", "w * qty::real < 10"},
    };
    for (const auto& row : checks) {
        SUBCASE(row.name) {
            const auto a = check_expr(row.columns, row.a);
            const auto b = check_expr(row.columns, row.b);
            CHECK(a.canon != b.canon);
            CHECK_FALSE(a == b);
        }
    }
    const Pair defaults[] = {
        {"integer vs text literal", "text", "'1'::int", "'1'::text"},
        {"literal case", "text", "'A'", "'a'"},
        {"sequence", "integer", "nextval('a_seq')", "nextval('b_seq')"},
        {"schema of a sequence", "integer", "nextval('a_seq')", "nextval('other.a_seq')"},
        {"now vs clock_timestamp", "timestamptz", "now()", "clock_timestamp()"},
        {"enum label", "mood", "'new'", "'old'"},
        {"number rounded by a scale", "numeric(10,2)", "2.55", "2.55::numeric(2,1)"},
    };
    for (const auto& row : defaults) {
        SUBCASE(row.name) {
            const auto a = default_expr(row.columns, row.a);
            const auto b = default_expr(row.columns, row.b);
            CHECK(a.canon != b.canon);
        }
    }
}

TEST_CASE("canonical_expr: the SQL kept for plans is the deparsed source") {
    const auto e = check_expr("price numeric", "price > 0");
    CHECK(e.sql() == "price > 0");
    const auto d = default_expr("varchar(20)", "'x'");
    CHECK(d.sql() == "'x'");
}

TEST_CASE("canonical_expr: whole models from the two spellings are equal") {
    const auto written = model_of(R"(
        CREATE TABLE products (
            id integer PRIMARY KEY,
            price numeric(10,2) NOT NULL CHECK (price > 0),
            status varchar(20) DEFAULT 'draft' CHECK (status IN ('draft', 'live')),
            created_at timestamptz DEFAULT now()
        );)");
    const auto catalog = model_of(R"(
        CREATE TABLE public.products (
            id int4 NOT NULL,
            price numeric(10,2) NOT NULL,
            status character varying(20) DEFAULT 'draft'::character varying,
            created_at timestamp with time zone DEFAULT now(),
            CONSTRAINT products_pkey PRIMARY KEY (id),
            CONSTRAINT products_price_check CHECK ((price > (0)::numeric)),
            CONSTRAINT products_status_check CHECK (((status)::text = ANY ((ARRAY['draft'::character varying, 'live'::character varying])::text[])))
        );)");
    CHECK(written == catalog);
}

TEST_CASE("constant: numbers as numeric_out prints them") {
    const std::pair<const char*, const char*> rows[] = {
        {"01", "1"},         {"+01.50", "1.50"}, {"-0.00", "0.00"}, {".5", "0.5"},     {"1e3", "1000"},
        {"1.5e1", "15"},     {"1.50e1", "15.0"}, {"1.5e-3", "0.0015"}, {" 7 ", "7"},   {"-12.340", "-12.340"},
    };
    for (const auto& [text, printed] : rows) {
        CAPTURE(text);
        const auto out = parser::numeric_text(text);
        REQUIRE(out.has_value());
        CHECK(*out == printed);
    }
    CHECK_FALSE(parser::numeric_text("abc").has_value());
    CHECK_FALSE(parser::numeric_text("1.2.3").has_value());
    CHECK_FALSE(parser::numeric_text("NaN").has_value());
    CHECK_FALSE(parser::numeric_text("").has_value());
}
