// parser/transform/create_function and create_trigger: functions and
// triggers in the form the catalog gives back, and their located errors.
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

namespace {

// The one function of `sql` (a copy: the model is a temporary).
model::Function only_function(const std::string& sql) {
    const auto m = model_of(sql);
    REQUIRE(m.functions.size() == 1);
    return m.functions.begin()->second;
}

} // namespace

TEST_CASE("create function: what PostgreSQL stores, whatever the spelling") {
    SUBCASE("parameter and return types lose their modifiers") {
        const auto& fn = only_function(
            "CREATE FUNCTION f(a varchar(10), b numeric(10,2), c interval day) RETURNS char(3) "
            "LANGUAGE sql AS 'select 1';");
        REQUIRE(fn.args.size() == 3);
        CHECK(model::render_type(fn.args[0].type) == "character varying");
        CHECK(model::render_type(fn.args[1].type) == "numeric");
        CHECK(model::render_type(fn.args[2].type) == "interval");
        CHECK(model::render_type(*fn.returns) == "character");
    }
    SUBCASE("OUT parameters imply the return type") {
        CHECK(model::render_type(*only_function(
            "CREATE FUNCTION f(a int, OUT b text) LANGUAGE sql AS 'select 1';").returns) == "text");
        CHECK(model::render_type(*only_function(
            "CREATE FUNCTION f(OUT a int, OUT b text) LANGUAGE sql AS 'select 1, 2';").returns) == "record");
    }
    SUBCASE("identity is the input types only") {
        const auto& fn = only_function(
            "CREATE FUNCTION f(a int, INOUT b text, OUT c int, VARIADIC d int[]) LANGUAGE sql AS 'select 1';");
        CHECK(model::display(fn.key()) == "public.f(integer, text, integer[])");
    }
    SUBCASE("defaults of cost and rows are PostgreSQL's") {
        const auto& sql = only_function("CREATE FUNCTION f() RETURNS SETOF int LANGUAGE sql AS 'select 1';");
        CHECK(sql.cost == 100);
        CHECK(sql.rows == 1000);
        const auto& c = only_function("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'lib', 'sym';");
        CHECK(c.cost == 1);
        CHECK(c.object_file == "lib");
        CHECK(c.body.text == "sym");
    }
    SUBCASE("search_path is kept as proconfig keeps it") {
        const auto a = model_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = public, \"My S\" AS 'select 1';");
        const auto b = model_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path TO 'public', 'My S' AS 'select 1';");
        CHECK(a.functions.begin()->second.settings.at("search_path") == "public, \"My S\"");
        CHECK(a == b);
    }
    SUBCASE("the body compares without the whitespace around it") {
        CHECK(model_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select 1 $$;") ==
              model_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $b$select 1\n$b$;"));
        CHECK_FALSE(model_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select 1 $$;") ==
                    model_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select  1 $$;"));
    }
    SUBCASE("a RETURN body compares in canonical form, as the catalog prints it") {
        const auto file = model_of("CREATE FUNCTION f(n varchar) RETURNS text RETURN upper(n) || '!';");
        CHECK(file == model_of("CREATE OR REPLACE FUNCTION public.f(n character varying) RETURNS text LANGUAGE sql "
                               "RETURN (upper((n)::text) || '!'::text);"));
        CHECK(file == model_of("CREATE FUNCTION f(n varchar) RETURNS text LANGUAGE sql RETURN upper(f.n) || '!';"));
        CHECK_FALSE(file == model_of("CREATE FUNCTION f(n varchar) RETURNS text RETURN upper(n) || '?';"));
        CHECK_FALSE(file == model_of("CREATE FUNCTION f(n varchar) RETURNS text LANGUAGE sql AS $$ SELECT upper(n) || '!' $$;"));
    }
    SUBCASE("a SQL body's references, resolved against its search_path") {
        const auto& fn = only_function(
            "CREATE TABLE t (id int); CREATE SCHEMA s;"
            "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql SET search_path = s "
            "AS $$ WITH c AS (SELECT 1) INSERT INTO t SELECT g(x) FROM public.t, c, pg_catalog.pg_class $$;");
        REQUIRE(fn.reads.size() == 2);
        CHECK(model::display(fn.reads[0]) == "public.t");
        CHECK(model::display(fn.reads[1]) == "s.t");
        REQUIRE(fn.calls.size() == 1);
        CHECK(model::display(fn.calls[0]) == "s.g");
    }
}

TEST_CASE("create function: BEGIN ATOMIC bodies compare as the catalog writes them back") {
    const std::string table = "CREATE TABLE t (id int PRIMARY KEY, name text, qty numeric);\n";
    auto body = [&](const std::string& fn) { return only_function(table + fn).body; };
    SUBCASE("pg_get_functiondef's spelling equals the file's") {
        const auto file = body("CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC "
                               "SELECT count(*) FROM t WHERE id > a AND name IN ('x', 'y'); "
                               "UPDATE t SET qty = qty + 1 WHERE id = a; "
                               "INSERT INTO t VALUES (a, 'n'); END;");
        const auto catalog = body("CREATE OR REPLACE FUNCTION public.f(a integer) RETURNS bigint LANGUAGE sql\n"
                                  "BEGIN ATOMIC\n SELECT count(*) AS count FROM public.t\n"
                                  "  WHERE ((t.id > f.a) AND (t.name = ANY (ARRAY['x'::text, 'y'::text])));\n"
                                  " UPDATE public.t SET qty = (t.qty + (1)::numeric) WHERE (t.id = f.a);\n"
                                  " INSERT INTO public.t (id, name) VALUES (f.a, 'n'::text);\nEND;");
        CHECK(file.atomic);
        CHECK(file == catalog);
    }
    SUBCASE("different bodies differ") {
        const auto lt = body("CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC "
                             "SELECT count(*) FROM t WHERE id < a; END;");
        const auto le = body("CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC "
                             "SELECT count(*) FROM t WHERE id <= a; END;");
        const auto two = body("CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC "
                              "SELECT count(*) FROM t WHERE id < a; SELECT 1; END;");
        const auto as_string = body("CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql "
                                    "AS 'SELECT count(*) FROM t WHERE id < a';");
        CHECK_FALSE(lt == le);
        CHECK_FALSE(lt == two);
        CHECK_FALSE(lt == as_string);
    }
    SUBCASE("a column wins over a parameter of the same name") {
        const auto column = body("CREATE FUNCTION f(id int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC "
                                 "SELECT count(*) FROM t WHERE t.id = id; END;");
        const auto parameter = body("CREATE FUNCTION f(id int) RETURNS bigint LANGUAGE sql BEGIN ATOMIC "
                                    "SELECT count(*) FROM t WHERE t.id = f.id; END;");
        CHECK_FALSE(column == parameter);
    }
    SUBCASE("what the body reads") {
        const auto fn = only_function(table + "CREATE FUNCTION f() RETURNS SETOF text LANGUAGE sql BEGIN ATOMIC "
                                                 "SELECT name FROM t ORDER BY qty; END;");
        REQUIRE(fn.reads.size() == 1);
        CHECK(fn.reads[0].name == "t");
        CHECK(fn.column_reads.size() == 2);
    }
}

TEST_CASE("create trigger: the model") {
    const auto m = model_of(R"(
        CREATE TABLE t (a int, b varchar(10));
        CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';
        CREATE TRIGGER x BEFORE INSERT OR UPDATE OF b, a ON t FOR EACH ROW
            WHEN (OLD.b IS DISTINCT FROM NEW.b) EXECUTE PROCEDURE trg('one', 2);
        ALTER TABLE t DISABLE TRIGGER x;
        COMMENT ON TRIGGER x ON t IS 'note';
    )");
    REQUIRE(m.triggers.size() == 1);
    const auto& t = m.triggers.begin()->second;
    CHECK(t.timing == model::TriggerTiming::before);
    CHECK(t.on_insert);
    CHECK(t.on_update);
    CHECK_FALSE(t.on_delete);
    CHECK(t.update_columns == std::vector<std::string>{"a", "b"});
    CHECK(t.level == model::TriggerLevel::row);
    CHECK(t.arguments == std::vector<std::string>{"one", "2"});
    CHECK(t.firing == model::TriggerFiring::disabled);
    CHECK(t.comment == std::optional<std::string>("note"));
    // The catalog's spelling of the same trigger.
    const auto catalog = model_of(R"(
        CREATE TABLE public.t (a integer, b character varying(10));
        CREATE OR REPLACE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $function$begin return new; end$function$;
        CREATE TRIGGER x BEFORE INSERT OR UPDATE OF a, b ON public.t FOR EACH ROW
            WHEN (((old.b)::text IS DISTINCT FROM (new.b)::text)) EXECUTE FUNCTION public.trg('one', '2');
        ALTER TABLE public.t DISABLE TRIGGER x;
        COMMENT ON TRIGGER x ON public.t IS 'note';
    )");
    CHECK(catalog == m);
}

TEST_CASE("functions and triggers: located errors") {
    struct Row {
        const char* name;
        const char* sql;
        const char* expected;
    };
    const Row rows[] = {
        {"trigger function not defined",
         "CREATE TABLE t (id int);\nCREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION nope();",
         "schema.sql:2:66: error: function public.nope() is not defined\n"
         "  CREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION nope();\n"
         "                                                                   ^\n"
         "  help: define it with CREATE FUNCTION ... RETURNS trigger in one of the schema files"},
        {"trigger on a table not defined",
         "CREATE TRIGGER x AFTER INSERT ON nope FOR EACH ROW EXECUTE FUNCTION f();",
         "schema.sql:1:34: error: table or view public.nope is not defined\n"
         "  CREATE TRIGGER x AFTER INSERT ON nope FOR EACH ROW EXECUTE FUNCTION f();\n"
         "                                   ^\n"
         "  help: define it with CREATE TABLE or CREATE VIEW in one of the schema files"},
        {"trigger function that does not return trigger",
         "CREATE TABLE t (id int);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
         "CREATE TRIGGER x AFTER INSERT ON t EXECUTE FUNCTION f();",
         "schema.sql:3:53: error: function public.f() must return type trigger\n"
         "  CREATE TRIGGER x AFTER INSERT ON t EXECUTE FUNCTION f();\n"
         "                                                      ^"},
        {"function defined twice",
         "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\n"
         "CREATE OR REPLACE FUNCTION f(b integer) RETURNS int LANGUAGE sql AS 'select 2';",
         "schema.sql:2:1: error: function public.f(integer) is defined twice\n"
         "  CREATE OR REPLACE FUNCTION f(b integer) RETURNS int LANGUAGE sql AS 'select 2';\n"
         "  ^\n"
         "  help: first defined at schema.sql:1:1"},
        {"syntax error inside a SQL body",
         "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nAS $$\n  SELEC 1\n$$;",
         "schema.sql:3:3: error: in the body of function public.f: syntax error at or near \"SELEC\"\n"
         "    SELEC 1\n"
         "    ^\n"
         "  help: check the SQL syntax near the caret"},
        {"disabling a trigger not defined",
         "CREATE TABLE t (id int);\nALTER TABLE t DISABLE TRIGGER x;",
         "schema.sql:2:1: error: trigger x on table public.t is not defined\n"
         "  ALTER TABLE t DISABLE TRIGGER x;\n"
         "  ^"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) { CHECK(load_error(row.sql) == row.expected); }
    }
    SUBCASE("a trigger function may come from an extension in its schema") {
        CHECK(load_error("CREATE EXTENSION tablefunc;\nCREATE TABLE t (id int);\n"
                         "CREATE TRIGGER x AFTER INSERT ON t EXECUTE FUNCTION some_ext_fn();") == "");
    }
}
