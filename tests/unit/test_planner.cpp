// engine/plan/planner: steps in dependency order, the down script the exact
// reverse of the up script.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::plan_of;

namespace {

// Index of the first step whose summary starts with `prefix`; fails the test if none.
std::size_t step_index(const plan::Plan& p, const std::string& prefix) {
    for (std::size_t i = 0; i < p.steps.size(); ++i)
        if (p.steps[i].summary.rfind(prefix, 0) == 0) return i;
    FAIL("no step starts with: " << prefix);
    return 0;
}

// Index of the first statement containing `text` in one direction.
std::size_t statement_index(const plan::Plan& p, plan::Direction d, const std::string& text) {
    const auto s = plan::statements(p, d);
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i].find(text) != std::string::npos) return i;
    FAIL("no statement contains: " << text);
    return 0;
}

const char* k_shop = R"(
    CREATE SCHEMA shop;
    CREATE TYPE shop.status AS ENUM ('new', 'paid');
    CREATE TABLE shop.orders (
        id int PRIMARY KEY,
        customer_id int NOT NULL REFERENCES shop.customers (id),
        status shop.status NOT NULL DEFAULT 'new'
    );
    CREATE TABLE shop.customers (id int PRIMARY KEY, best_order_id int);
    ALTER TABLE shop.customers ADD CONSTRAINT customers_best_order_fkey
        FOREIGN KEY (best_order_id) REFERENCES shop.orders (id);
    CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
)";

} // namespace

TEST_CASE("plan: creating objects") {
    const auto p = plan_of("", k_shop);
    REQUIRE_FALSE(p.empty());
    const auto schema = step_index(p, "schema shop");
    const auto type = step_index(p, "type shop.status");
    const auto orders = step_index(p, "table shop.orders");
    const auto customers = step_index(p, "table shop.customers");
    const auto fk_orders = step_index(p, "foreign key orders_customer_id_fkey");
    const auto fk_customers = step_index(p, "foreign key customers_best_order_fkey");
    const auto index = step_index(p, "index shop.orders_customer_idx");

    SUBCASE("schema before the type and the tables in it") {
        CHECK(schema < type);
        CHECK(schema < orders);
        CHECK(schema < customers);
    }
    SUBCASE("type before the table that uses it") { CHECK(type < orders); }
    SUBCASE("foreign keys after both tables exist (a cycle needs no special case)") {
        CHECK(fk_orders > orders);
        CHECK(fk_orders > customers);
        CHECK(fk_customers > orders);
        CHECK(fk_customers > customers);
        CHECK(statement_index(p, plan::Direction::up, "ADD CONSTRAINT orders_customer_id_fkey") >
              statement_index(p, plan::Direction::up, "CREATE TABLE shop.customers"));
    }
    SUBCASE("index after its table") { CHECK(index > orders); }
    SUBCASE("keys of a new table are inline, not separate steps") {
        CHECK(std::none_of(p.steps.begin(), p.steps.end(),
                           [](const plan::Step& s) { return s.summary.rfind("primary key", 0) == 0; }));
    }
}

TEST_CASE("plan: dropping objects") {
    const auto p = plan_of(k_shop, "");
    const auto fk_orders = step_index(p, "foreign key orders_customer_id_fkey");
    const auto fk_customers = step_index(p, "foreign key customers_best_order_fkey");
    const auto orders = step_index(p, "table shop.orders");
    const auto customers = step_index(p, "table shop.customers");
    const auto type = step_index(p, "type shop.status");
    const auto schema = step_index(p, "schema shop");

    SUBCASE("foreign keys are dropped before either table") {
        CHECK(fk_orders < orders);
        CHECK(fk_orders < customers);
        CHECK(fk_customers < orders);
        CHECK(fk_customers < customers);
    }
    SUBCASE("tables before the type they use, everything before the schema") {
        CHECK(orders < type);
        CHECK(type < schema);
        CHECK(customers < schema);
        CHECK(schema == p.steps.size() - 1);
    }
    SUBCASE("indexes go with their table") {
        CHECK(std::none_of(p.steps.begin(), p.steps.end(),
                           [](const plan::Step& s) { return s.summary.rfind("index", 0) == 0; }));
    }
    SUBCASE("the table's down step brings its index back") {
        const auto& down = p.steps[orders].down;
        CHECK(std::any_of(down.begin(), down.end(),
                          [](const std::string& s) { return s.find("CREATE INDEX orders_customer_idx") != std::string::npos; }));
    }
}

TEST_CASE("plan: the down script is the reverse of the up script") {
    struct Row {
        const char* name;
        const char* from;
        const char* to;
    };
    const Row rows[] = {
        {"create everything", "", k_shop},
        {"drop everything", k_shop, ""},
        {"alter columns",
         "CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int, c text);",
         "CREATE TABLE t (id int PRIMARY KEY, a varchar(20) NOT NULL DEFAULT 'x', b bigint, d text);"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto p = plan_of(row.from, row.to);
            REQUIRE_FALSE(p.empty());
            std::vector<std::string> expected;
            for (auto it = p.steps.rbegin(); it != p.steps.rend(); ++it)
                expected.insert(expected.end(), it->down.begin(), it->down.end());
            CHECK(plan::statements(p, plan::Direction::down) == expected);
            // Every step that does something can be undone.
            for (const auto& step : p.steps) {
                CHECK_FALSE(step.up.empty());
                CHECK_FALSE(step.down.empty());
            }
        }
    }
}

TEST_CASE("plan: creating then dropping a table round-trips its SQL") {
    const auto up = plan_of("", "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL);");
    const auto down = plan::statements(up, plan::Direction::down);
    REQUIRE(down.size() == 1);
    CHECK(down[0] == "DROP TABLE public.t");
    const auto back = plan_of("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL);", "");
    CHECK(plan::statements(back, plan::Direction::up) == down);
    CHECK(plan::statements(back, plan::Direction::down) == plan::statements(up, plan::Direction::up));
}

TEST_CASE("plan: same schema, no steps") {
    CHECK(plan_of(k_shop, k_shop).empty());
    CHECK(plan_of("", "").empty());
}

TEST_CASE("plan: deterministic") {
    const auto a = plan_of("", k_shop);
    const auto b = plan_of("", k_shop);
    CHECK(a.steps == b.steps);
}

TEST_CASE("plan: SET UNLOGGED and SET LOGGED follow the foreign keys, not the names") {
    // c references b references a; b also references itself.
    const char* logged = R"(
        CREATE TABLE c (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, c_id int REFERENCES c (id), up int REFERENCES b (id));
        CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b (id));
    )";
    const char* unlogged = R"(
        CREATE UNLOGGED TABLE c (id int PRIMARY KEY);
        CREATE UNLOGGED TABLE b (id int PRIMARY KEY, c_id int REFERENCES c (id), up int REFERENCES b (id));
        CREATE UNLOGGED TABLE a (id int PRIMARY KEY, b_id int REFERENCES b (id));
    )";
    SUBCASE("becoming unlogged: referencing tables first; the down plan the other way") {
        const auto p = plan_of(logged, unlogged);
        const auto a = statement_index(p, plan::Direction::up, "public.a SET UNLOGGED");
        const auto b = statement_index(p, plan::Direction::up, "public.b SET UNLOGGED");
        const auto c = statement_index(p, plan::Direction::up, "public.c SET UNLOGGED");
        CHECK(a < b);
        CHECK(b < c);
        CHECK(statement_index(p, plan::Direction::down, "public.c SET LOGGED") <
              statement_index(p, plan::Direction::down, "public.a SET LOGGED"));
    }
    SUBCASE("becoming logged: referenced tables first") {
        const auto p = plan_of(unlogged, logged);
        const auto a = statement_index(p, plan::Direction::up, "public.a SET LOGGED");
        const auto b = statement_index(p, plan::Direction::up, "public.b SET LOGGED");
        const auto c = statement_index(p, plan::Direction::up, "public.c SET LOGGED");
        CHECK(c < b);
        CHECK(b < a);
    }
}
