// engine/plan/ddl_routine: function and trigger SQL that reads back the same.
#include <string>

#include <doctest/doctest.h>

#include "engine/plan/ddl_routine.hpp"
#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::model_of;

TEST_CASE("ddl routine: parse(render(function)) == function") {
    const char* rows[] = {
        "CREATE FUNCTION f(a int, b text DEFAULT 'x', OUT c int) LANGUAGE sql IMMUTABLE STRICT LEAKPROOF "
        "PARALLEL SAFE COST 5 SET search_path = public, \"My S\", '' SET work_mem = '64MB' AS 'select 1';",
        "CREATE FUNCTION g() RETURNS TABLE (x int, y text) LANGUAGE sql ROWS 7 AS $$ select 1, '$'$$;",
        "CREATE FUNCTION h() RETURNS text LANGUAGE sql AS $x$ select '$$' $x$;",
        "CREATE FUNCTION s(VARIADIC v int[]) RETURNS SETOF int LANGUAGE sql SECURITY DEFINER AS 'select 1';",
        "CREATE PROCEDURE p(a int, INOUT b int) LANGUAGE plpgsql AS 'begin b := a; end';",
    };
    for (const char* sql : rows) {
        CAPTURE(sql);
        const auto m = model_of(sql);
        REQUIRE(m.functions.size() == 1);
        const auto& fn = m.functions.begin()->second;
        const auto again = model_of(plan::ddl::create_function(fn) + ";");
        CHECK(again == m);
        CHECK(again.functions.begin()->second.body.text == fn.body.text);
    }
}

TEST_CASE("ddl routine: parse(render(trigger)) == trigger") {
    const auto m = model_of(R"(
        CREATE TABLE t (a int, b int); CREATE TABLE r (id int);
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'begin return null; end';
        CREATE CONSTRAINT TRIGGER c AFTER UPDATE OF b, a OR DELETE ON t FROM r DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (new.a > 0) EXECUTE FUNCTION f('it''s');
        CREATE TRIGGER s AFTER INSERT ON t REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION f();
        ALTER TABLE t ENABLE REPLICA TRIGGER s;
    )");
    std::string sql = "CREATE TABLE t (a int, b int); CREATE TABLE r (id int);"
                      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'begin return null; end';";
    for (const auto& [key, t] : m.triggers)
        for (const auto& s : plan::ddl::create_trigger_statements(t)) sql += s + ";\n";
    CHECK(model_of(sql) == m);
}
