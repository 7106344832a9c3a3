// engine/plan/plan_function and plan_trigger: functions before what calls
// them, after what they need; replace in place or drop and re-create.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::plan_of;

namespace {

std::size_t statement_index(const plan::Plan& p, plan::Direction d, const std::string& text) {
    const auto s = plan::statements(p, d);
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i].find(text) != std::string::npos) return i;
    FAIL("no statement contains: " << text);
    return 0;
}

bool has_statement(const plan::Plan& p, const std::string& text) {
    const auto s = plan::statements(p, plan::Direction::up);
    return std::any_of(s.begin(), s.end(), [&](const std::string& x) { return x.find(text) != std::string::npos; });
}

const char* k_schema = R"(
    CREATE FUNCTION code() RETURNS text LANGUAGE sql AS 'select ''x''';
    CREATE TABLE t (id int PRIMARY KEY, c text DEFAULT code(), u timestamptz);
    CREATE FUNCTION count_t() RETURNS bigint LANGUAGE sql AS 'select count(*) from t';
    CREATE FUNCTION twice_count() RETURNS bigint LANGUAGE sql AS 'select count_t() * 2';
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'begin new.u := now(); return new; end';
    CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
)";

} // namespace

TEST_CASE("plan functions: creating") {
    const auto p = plan_of("", k_schema);
    const auto up = plan::Direction::up;
    SUBCASE("a function a default calls comes before the table") {
        CHECK(statement_index(p, up, "CREATE FUNCTION public.code") < statement_index(p, up, "CREATE TABLE public.t"));
    }
    SUBCASE("a SQL function reading a table comes after it") {
        CHECK(statement_index(p, up, "CREATE FUNCTION public.count_t") > statement_index(p, up, "CREATE TABLE public.t"));
    }
    SUBCASE("a function comes after the functions it calls, whatever their names") {
        CHECK(statement_index(p, up, "CREATE FUNCTION public.twice_count") >
              statement_index(p, up, "CREATE FUNCTION public.count_t"));
    }
    SUBCASE("a trigger comes after its table and function") {
        CHECK(statement_index(p, up, "CREATE TRIGGER t_touch") > statement_index(p, up, "CREATE TABLE public.t"));
        CHECK(statement_index(p, up, "CREATE TRIGGER t_touch") > statement_index(p, up, "CREATE FUNCTION public.touch"));
    }
}

TEST_CASE("plan functions: dropping") {
    const auto p = plan_of(k_schema, "");
    const auto up = plan::Direction::up;
    SUBCASE("the table whose default calls a function is dropped first") {
        CHECK(statement_index(p, up, "DROP FUNCTION public.code") > statement_index(p, up, "DROP TABLE public.t"));
    }
    SUBCASE("a function returning nothing of the table's, reading it, goes before it") {
        CHECK(statement_index(p, up, "DROP FUNCTION public.count_t") < statement_index(p, up, "DROP TABLE public.t"));
    }
    SUBCASE("the trigger before its function and table") {
        CHECK(statement_index(p, up, "DROP TRIGGER t_touch") < statement_index(p, up, "DROP FUNCTION public.touch"));
        CHECK(statement_index(p, up, "DROP TRIGGER t_touch") < statement_index(p, up, "DROP TABLE public.t"));
    }
    SUBCASE("going down re-creates callees before callers") {
        const auto down = plan::Direction::down;
        CHECK(statement_index(p, down, "CREATE FUNCTION public.count_t") <
              statement_index(p, down, "CREATE FUNCTION public.twice_count"));
    }
}

TEST_CASE("plan functions: replace or rebuild") {
    struct Row {
        const char* name;
        const char* from;
        const char* to;
        bool replace;
    };
    const Row rows[] = {
        {"body", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';",
         "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a + 1';", true},
        {"volatility and settings", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';",
         "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE SET search_path = '' AS 'select a';", true},
        {"a default's value", "CREATE FUNCTION f(a int DEFAULT 1) RETURNS int LANGUAGE sql AS 'select a';",
         "CREATE FUNCTION f(a int DEFAULT 2) RETURNS int LANGUAGE sql AS 'select a';", true},
        {"return type", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';",
         "CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql AS 'select a';", false},
        {"parameter name", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';",
         "CREATE FUNCTION f(b int) RETURNS int LANGUAGE sql AS 'select b';", false},
        {"a default added", "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';",
         "CREATE FUNCTION f(a int DEFAULT 1) RETURNS int LANGUAGE sql AS 'select a';", false},
        {"function to procedure", "CREATE FUNCTION f(a int) RETURNS void LANGUAGE sql AS 'select';",
         "CREATE PROCEDURE f(a int) LANGUAGE sql AS 'select';", false},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto p = plan_of(row.from, row.to);
            REQUIRE(p.steps.size() == 1);
            CHECK(has_statement(p, "CREATE OR REPLACE") == row.replace);
            CHECK(has_statement(p, "DROP ") == !row.replace);
        }
    }
}

TEST_CASE("plan triggers: rebuilt around what they depend on") {
    SUBCASE("an unchanged trigger naming a column whose type changes") {
        const char* fn = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';";
        const auto p = plan_of(std::string(fn) + "CREATE TABLE t (a varchar(5)); CREATE TRIGGER x BEFORE UPDATE OF a ON t "
                                                 "FOR EACH ROW EXECUTE FUNCTION f();",
                               std::string(fn) + "CREATE TABLE t (a varchar(9)); CREATE TRIGGER x BEFORE UPDATE OF a ON t "
                                                 "FOR EACH ROW EXECUTE FUNCTION f();");
        const auto up = plan::Direction::up;
        CHECK(statement_index(p, up, "DROP TRIGGER x") < statement_index(p, up, "ALTER COLUMN a TYPE"));
        CHECK(statement_index(p, up, "CREATE TRIGGER x") > statement_index(p, up, "ALTER COLUMN a TYPE"));
    }
    SUBCASE("only the firing state changes: no rebuild") {
        const char* base = "CREATE TABLE t (a int); CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';"
                           "CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();";
        const auto p = plan_of(base, std::string(base) + "ALTER TABLE t DISABLE TRIGGER x;");
        REQUIRE(p.steps.size() == 1);
        CHECK(p.steps[0].up == std::vector<std::string>{"ALTER TABLE public.t DISABLE TRIGGER x"});
        CHECK(p.steps[0].down == std::vector<std::string>{"ALTER TABLE public.t ENABLE TRIGGER x"});
    }
}
