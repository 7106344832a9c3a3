// parser/view_query + view_canon: a view's query as written and as
// pg_get_viewdef writes it (search_path empty) compare equal; queries that
// mean something else never do.
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

namespace {

const char* k_tables =
    "CREATE TYPE mood AS ENUM ('a', 'b');\n"
    "CREATE TABLE t (id integer PRIMARY KEY, price numeric(10,2), status varchar(10), m mood, name text,"
    " qty integer, c char(3), tags text[], j jsonb);\n"
    "CREATE TABLE u (id integer PRIMARY KEY, t_id integer, note varchar(20), d date);\n";

model::View view_of(const std::string& query) {
    const auto m = model_of(std::string(k_tables) + "CREATE VIEW v AS " + query + ";\n");
    return m.views.at({"public", "v"});
}

} // namespace

TEST_CASE("view_query: written and catalog forms compare equal") {
    struct Row {
        const char* written;
        const char* catalog;  // pg_get_viewdef, PostgreSQL 15, search_path ''
    };
    const Row rows[] = {
        {"SELECT id, price * 2 AS p2 FROM t WHERE status = 'a'",
         "SELECT t.id, (t.price * (2)::numeric) AS p2 FROM public.t WHERE ((t.status)::text = 'a'::text)"},
        {"SELECT * FROM u", "SELECT u.id, u.t_id, u.note, u.d FROM public.u"},
        {"SELECT date_trunc('month', d) AS m FROM u GROUP BY date_trunc('month', d)",
         "SELECT date_trunc('month'::text, (u.d)::timestamp with time zone) AS m FROM public.u "
         "GROUP BY (date_trunc('month'::text, (u.d)::timestamp with time zone))"},
        {"SELECT count(*), lower(status) FROM t GROUP BY 2",
         "SELECT count(*) AS count, lower((t.status)::text) AS lower FROM public.t GROUP BY (lower((t.status)::text))"},
        {"SELECT id FROM t x WHERE x.qty > 1 ORDER BY 1", "SELECT x.id FROM public.t x WHERE (x.qty > 1) ORDER BY x.id"},
        {"SELECT id FROM t JOIN u USING (id)", "SELECT t.id FROM (public.t JOIN public.u USING (id))"},
        {"SELECT id, CASE WHEN qty > 1 THEN 'many' END AS c FROM t",
         "SELECT t.id, CASE WHEN (t.qty > 1) THEN 'many'::text ELSE NULL::text END AS c FROM public.t"},
        {"SELECT id FROM t WHERE status IN ('a', 'b') AND qty BETWEEN 1 AND 5",
         "SELECT t.id FROM public.t WHERE (((t.status)::text = ANY ((ARRAY['a'::character varying, "
         "'b'::character varying])::text[])) AND ((t.qty >= 1) AND (t.qty <= 5)))"},
        {"SELECT id FROM t WHERE m = 'a' AND name NOT IN ('x')",
         "SELECT t.id FROM public.t WHERE ((t.m = 'a'::public.mood) AND (t.name <> 'x'::text))"},
        {"SELECT row_to_json(t) AS j FROM t", "SELECT row_to_json(t.*) AS j FROM public.t"},
        {"SELECT price * qty AS total, qty > price AS g FROM t",
         "SELECT (t.price * (t.qty)::numeric) AS total, ((t.qty)::numeric > t.price) AS g FROM public.t"},
        {"SELECT g FROM generate_series(1, 3) g", "SELECT g.g FROM generate_series(1, 3) g(g)"},
        {"SELECT t.id, tag FROM t, unnest(t.tags) tag", "SELECT t.id, tag.tag FROM public.t, LATERAL unnest(t.tags) tag(tag)"},
        {"SELECT id FROM t WHERE id = ANY (SELECT t_id FROM u)",
         "SELECT t.id FROM public.t WHERE (t.id IN ( SELECT u.t_id FROM public.u))"},
        {"SELECT 'x' AS k, NULL AS n FROM t", "SELECT 'x'::text AS k, NULL::text AS n FROM public.t"},
        {"SELECT id FROM t WHERE j @> '{\"x\":1.0, \"a\":[]}' AND j -> 'k' = '[1,2]'",
         "SELECT t.id FROM public.t WHERE ((t.j @> '{\"a\": [], \"x\": 1.0}'::jsonb) AND ((t.j -> 'k'::text) = "
         "'[1, 2]'::jsonb))"},
        {"SELECT qty::numeric / 2 AS d, round(qty, 1) AS r FROM t",
         "SELECT ((t.qty)::numeric / (2)::numeric) AS d, round((t.qty)::numeric, 1) AS r FROM public.t"},
        {"SELECT price IN (1, 2.5) AS a, CASE WHEN qty > 1 THEN price ELSE 0 END AS c, coalesce(qty, 1.5) AS i FROM t",
         "SELECT (t.price = ANY (ARRAY[(1)::numeric, 2.5])) AS a, CASE WHEN (t.qty > 1) THEN t.price ELSE (0)::numeric "
         "END AS c, COALESCE((t.qty)::numeric, 1.5) AS i FROM public.t"},
        // Untyped literals given a type are that type's constants; a number
        // cast to its own type is no cast.
        {"SELECT '1'::integer AS one, '5.0'::numeric AS f, '5'::numeric AS n, 1::integer AS i, '-1'::int AS m",
         "SELECT 1 AS one, 5.0 AS f, '5'::numeric AS n, 1 AS i, '-1'::integer AS m"},
        {"SELECT '01'::integer::text AS i, 2::bigint AS b, 1.5::integer AS r",
         "SELECT (1)::text AS i, (2)::bigint AS b, (1.5)::integer AS r"},
        {"SELECT 'abcdefgh'::varchar(4) AS j", "SELECT 'abcdefgh'::character varying(4) AS j"},
        {"SELECT id FROM t WHERE qty > '05' AND qty IN ('1', '2') AND price = '2.50'",
         "SELECT t.id FROM public.t WHERE ((t.qty > 5) AND (t.qty = ANY (ARRAY[1, 2])) AND (t.price = 2.50))"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.written);
        CHECK(view_of(row.written) == view_of(row.catalog));
    }
}

TEST_CASE("view_query: different queries never compare equal") {
    struct Row {
        const char* a;
        const char* b;
    };
    const Row rows[] = {
        {"SELECT id, name FROM t", "SELECT name, id FROM t"},                   // column order
        {"SELECT id FROM t WHERE qty > 1", "SELECT id FROM t WHERE qty > 2"},  // a literal
        {"SELECT id FROM t WHERE name = 'A'", "SELECT id FROM t WHERE name = 'a'"},
        {"SELECT qty + 1 AS x FROM t", "SELECT qty::bigint + 1 AS x FROM t"},  // output type
        {"SELECT qty AS x FROM t", "SELECT qty::bigint AS x FROM t"},
        {"SELECT 'x' AS k FROM t", "SELECT 'x'::varchar AS k FROM t"},
        {"SELECT c = 'ab' AS eq FROM t", "SELECT c::text = 'ab' AS eq FROM t"},  // char(n) semantics
        {"SELECT (qty + 1) * 2 AS x FROM t", "SELECT qty + 1 * 2 AS x FROM t"},  // precedence
        {"SELECT qty / 2 AS d FROM t", "SELECT qty::numeric / 2 AS d FROM t"},  // integer division
        {"SELECT qty / 2 AS d FROM t", "SELECT qty / 2::numeric AS d FROM t"},
        {"SELECT id FROM t", "SELECT id AS ident FROM t"},                      // output name
        {"SELECT date_trunc('month', d) AS m FROM u", "SELECT date_trunc('month', d::timestamp) AS m FROM u"},
        {"SELECT t.id FROM t JOIN u ON u.t_id = t.id", "SELECT t.id FROM t LEFT JOIN u ON u.t_id = t.id"},
        {"SELECT id FROM t UNION SELECT id FROM u", "SELECT id FROM t UNION ALL SELECT id FROM u"},
        {"SELECT u.id FROM t JOIN u ON u.t_id = t.id", "SELECT t.id FROM t JOIN u ON u.t_id = t.id"},
        {"SELECT '1'::integer AS one", "SELECT '1'::text AS one"},
        {"SELECT id FROM t WHERE qty > 1.5", "SELECT id FROM t WHERE qty > 1.5::integer"},  // rounds to 2
        {"SELECT 'abcdefgh' AS j", "SELECT 'abcdefgh'::varchar(4) AS j"},
        {"SELECT 2.55 AS p", "SELECT 2.55::numeric(2,1) AS p"},
        {"SELECT id FROM t WHERE qty > '05'", "SELECT id FROM t WHERE qty > '06'"},
        {"SELECT id FROM t WHERE qty::text > '5'", "SELECT id FROM t WHERE qty > '5'"},  // text vs integer order
    };
    for (const auto& row : rows) {
        CAPTURE(row.a);
        CAPTURE(row.b);
        CHECK_FALSE(view_of(row.a) == view_of(row.b));
    }
}

TEST_CASE("view_query: what a view reads") {
    const auto v = view_of("SELECT t.id, u.note FROM t JOIN u ON u.t_id = t.id WHERE t.m = 'a'");
    CHECK(v.relations == std::vector<model::QualifiedName>{{"public", "t"}, {"public", "u"}});
    const std::vector<model::ViewRead> reads{
        {{"public", "t"}, "id"}, {{"public", "t"}, "m"}, {{"public", "u"}, "note"}, {{"public", "u"}, "t_id"}};
    CHECK(v.reads == reads);
    REQUIRE(v.columns.size() == 2);
    CHECK(v.columns[0].name == "id");
    CHECK(v.columns[1].type == model::TypeRef{"", "character varying", "20", false});
}

TEST_CASE("view_query: errors point at the reference") {
    CHECK(load_error("CREATE VIEW v AS WITH x AS (SELECT 1 AS a) SELECT a FROM x JOIN missing ON true;") ==
          "schema.sql:1:65: error: relation public.missing is not defined\n"
          "  CREATE VIEW v AS WITH x AS (SELECT 1 AS a) SELECT a FROM x JOIN missing ON true;\n"
          "                                                                  ^\n"
          "  help: define it with CREATE TABLE or CREATE VIEW in one of the schema files");
    CHECK(load_error("CREATE VIEW v AS SELECT * FROM generate_series(1, 2) AS g, json_each('{}') j;").find(
              "cannot expand * over j") != std::string::npos);
}

TEST_CASE("plan_view: replace, re-create, order") {
    const std::string base = k_tables;
    SUBCASE("a changed filter is replaced in place") {
        const auto plan = unit::plan_of(base + "CREATE VIEW v AS SELECT id FROM t WHERE qty > 1;",
                                        base + "CREATE VIEW v AS SELECT id FROM t WHERE qty > 2;");
        REQUIRE(plan.steps.size() == 1);
        CHECK(plan.steps[0].up[0].rfind("CREATE OR REPLACE VIEW public.v AS", 0) == 0);
    }
    SUBCASE("a view read by another view gets no column appended in place") {
        const auto plan = unit::plan_of(
            base + "CREATE VIEW v AS SELECT id FROM t; CREATE VIEW w AS SELECT id FROM v;",
            base + "CREATE VIEW v AS SELECT id, qty FROM t; CREATE VIEW w AS SELECT id FROM v;");
        REQUIRE(plan.steps.size() == 4);
        CHECK(plan.steps[0].up == std::vector<std::string>{"DROP VIEW public.w"});
        CHECK(plan.steps[1].up == std::vector<std::string>{"DROP VIEW public.v"});
        CHECK(plan.steps[2].key.name == "v");
        CHECK(plan.steps[3].key.name == "w");
    }
    SUBCASE("a column default change leaves the views alone") {
        const auto plan = unit::plan_of("CREATE TABLE a (x integer); CREATE VIEW v AS SELECT x FROM a;",
                                        "CREATE TABLE a (x integer DEFAULT 1); CREATE VIEW v AS SELECT x FROM a;");
        REQUIRE(plan.steps.size() == 1);
        CHECK(plan.steps[0].key.kind == model::Kind::column);
    }
}
