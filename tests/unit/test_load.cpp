// parser/load: schema files → model, and the located errors for bad input.
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

TEST_CASE("load: errors carry file:line:col, the line and a caret") {
    struct Row {
        const char* name;
        const char* sql;
        const char* expected;  // the whole message
    };
    const Row rows[] = {
        {"syntax error",
         "CREATE TABLE t (id int,, name text);",
         "schema.sql:1:24: error: syntax error at or near \",\"\n"
         "  CREATE TABLE t (id int,, name text);\n"
         "                         ^\n"
         "  help: check the SQL syntax near the caret"},
        {"syntax error on a later line",
         "CREATE TABLE a (id int);\n\nCREATE TABEL b (id int);",
         "schema.sql:3:8: error: syntax error at or near \"TABEL\"\n"
         "  CREATE TABEL b (id int);\n"
         "         ^\n"
         "  help: check the SQL syntax near the caret"},
        {"syntax error after multi-byte characters",
         "-- \xec\xa3\xbc\xeb\xac\xb8\nCREATE TABLE \"\xec\xa3\xbc\xeb\xac\xb8\" (id int,, x text);",
         "schema.sql:2:27: error: syntax error at or near \",\"\n"
         "  CREATE TABLE \"\xec\xa3\xbc\xeb\xac\xb8\" (id int,, x text);\n"
         "                            ^\n"
         "  help: check the SQL syntax near the caret"},
        {"unterminated string shows one line",
         "CREATE TABLE t (s text DEFAULT 'abc);\nCREATE TABLE u (id int);\n",
         "schema.sql:1:32: error: unterminated quoted string at or near \"'abc);...\"\n"
         "  CREATE TABLE t (s text DEFAULT 'abc);\n"
         "                                 ^\n"
         "  help: check the SQL syntax near the caret"},
        {"undefined table in a foreign key",
         "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));",
         "schema.sql:1:69: error: table public.customers is not defined\n"
         "  CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));\n"
         "                                                                      ^\n"
         "  help: define it with CREATE TABLE in one of the schema files"},
        {"duplicate table",
         "CREATE TABLE t (id int);\nCREATE TABLE t (id int);",
         "schema.sql:2:14: error: relation public.t is defined twice\n"
         "  CREATE TABLE t (id int);\n"
         "               ^\n"
         "  help: first defined at schema.sql:1:14"},
        {"tab before the error",
         "CREATE TABLE t (\n\tid int,,\n\tx text);",
         "schema.sql:2:9: error: syntax error at or near \",\"\n"
         "   id int,,\n"
         "          ^\n"
         "  help: check the SQL syntax near the caret"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) { CHECK(load_error(row.sql) == row.expected); }
    }
}

TEST_CASE("load: references are checked after every statement is read") {
    // Statement order does not matter: the FK names a table defined later,
    // the index and the comment come before their table.
    const auto forward = model_of(R"(
        CREATE INDEX orders_customer_idx ON orders (customer_id);
        COMMENT ON TABLE orders IS 'orders';
        CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
        CREATE TABLE customers (id int PRIMARY KEY);
        CREATE SCHEMA IF NOT EXISTS app;
    )");
    const auto backward = model_of(R"(
        CREATE SCHEMA app;
        CREATE TABLE customers (id int PRIMARY KEY);
        CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
        COMMENT ON TABLE orders IS 'orders';
        CREATE INDEX orders_customer_idx ON orders (customer_id);
    )");
    CHECK(forward == backward);
    CHECK(forward.tables.size() == 2);
    CHECK(forward.indexes.count({"public", "orders_customer_idx"}) == 1);
}

TEST_CASE("load: files in any order give the same model") {
    const std::vector<parser::SourceFile> ab{{"a.sql", "CREATE TABLE a (id int PRIMARY KEY);"},
                                             {"b.sql", "CREATE TABLE b (a_id int REFERENCES a);"}};
    const std::vector<parser::SourceFile> ba{ab[1], ab[0]};
    CHECK(parser::load_sources(ab) == parser::load_sources(ba));
}

TEST_CASE("load: errors name the file they are in") {
    const std::vector<parser::SourceFile> files{{"tables.sql", "CREATE TABLE a (id int PRIMARY KEY);"},
                                                {"indexes.sql", "\nCREATE INDEX ON a (missing);"}};
    try {
        parser::load_sources(files);
        FAIL("loaded without error");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()).rfind("indexes.sql:2:", 0) == 0);
        CHECK(std::string(e.what()).find("column missing of table public.a is not defined") != std::string::npos);
    }
}

TEST_CASE("load: names PostgreSQL would choose") {
    const auto m = model_of(R"(
        CREATE TABLE orders (
            id serial PRIMARY KEY,
            email text UNIQUE,
            qty int CHECK (qty > 0),
            customer_id int REFERENCES customers
        );
        CREATE TABLE customers (id int PRIMARY KEY);
        CREATE INDEX ON orders (lower(email));
    )");
    CHECK(m.constraints.count({{"public", "orders"}, "orders_pkey"}) == 1);
    CHECK(m.constraints.count({{"public", "orders"}, "orders_email_key"}) == 1);
    CHECK(m.constraints.count({{"public", "orders"}, "orders_qty_check"}) == 1);
    CHECK(m.constraints.count({{"public", "orders"}, "orders_customer_id_fkey"}) == 1);
    CHECK(m.sequences.count({"public", "orders_id_seq"}) == 1);
    CHECK(m.indexes.count({"public", "orders_lower_idx"}) == 1);
    // REFERENCES without columns means the referenced table's primary key.
    CHECK(m.constraints.at({{"public", "orders"}, "orders_customer_id_fkey"}).ref_columns ==
          std::vector<std::string>{"id"});
    // serial: integer NOT NULL DEFAULT nextval(...), the sequence owned by the column.
    const auto* id = m.tables.at({"public", "orders"}).find_column("id");
    REQUIRE(id != nullptr);
    CHECK(model::render_type(id->type) == "integer");
    CHECK(id->not_null);
    REQUIRE(id->default_value.has_value());
    CHECK(id->default_value->sql() == "nextval('public.orders_id_seq'::regclass)");
    CHECK(m.sequences.at({"public", "orders_id_seq"}).owned_by == model::ColumnRef{{"public", "orders"}, "id"});
}

TEST_CASE("load: what a dump writes beside the schema is set aside") {
    const auto plain = model_of("CREATE SEQUENCE s; CREATE TABLE t (id int);");
    // A sequence's current value is data; the database and extensions carry
    // comments pgshape does not manage; plpgsql is in every database.
    CHECK(model_of("CREATE SEQUENCE s; CREATE TABLE t (id int);\n"
                   "SELECT pg_catalog.setval('s', 42, true);\n"
                   "COMMENT ON DATABASE app IS 'the app';\n"
                   "CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;\n"
                   "COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';") == plain);
    // Any other SELECT is still an error.
    CHECK(load_error("SELECT pg_catalog.nextval('s');").find("is not supported in schema files") != std::string::npos);
}

TEST_CASE("load: a partition's copy of its parent's check, as pg_dump writes it, is the parent's") {
    // pg_dump writes each partition standalone, with its parent's checks,
    // then attaches it; PostgreSQL keeps those as the parent's copies.
    const auto declared = model_of(
        "CREATE TABLE p (a int, b int, CONSTRAINT b_positive CHECK (b > 0)) PARTITION BY LIST (a);\n"
        "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\n"
        "ALTER TABLE p ADD CONSTRAINT b_small CHECK (b < 100) NOT VALID;\n"
        "CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);\n");
    const auto dumped = model_of(
        "CREATE TABLE public.p (a integer, b integer, CONSTRAINT b_positive CHECK ((b > 0))) PARTITION BY LIST (a);\n"
        "CREATE TABLE public.p1 (a integer, b integer, CONSTRAINT b_positive CHECK ((b > 0)));\n"
        "CREATE TABLE public.p2 (a integer, b integer, CONSTRAINT b_positive CHECK ((b > 0)),\n"
        "    CONSTRAINT b_small CHECK ((b < 100)));\n"
        "ALTER TABLE ONLY public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);\n"
        "ALTER TABLE ONLY public.p ATTACH PARTITION public.p2 FOR VALUES IN (2);\n"
        "ALTER TABLE public.p ADD CONSTRAINT b_small CHECK ((b < 100)) NOT VALID;\n");
    CHECK(dumped.constraints.size() == 2);  // the parent's two
    CHECK(dumped == declared);
    // Written again inside PARTITION OF (...), PostgreSQL merges it the same way.
    CHECK(model_of("CREATE TABLE p (a int, b int, CONSTRAINT b_positive CHECK (b > 0)) PARTITION BY LIST (a);\n"
                   "CREATE TABLE p1 PARTITION OF p (CONSTRAINT b_positive CHECK (b > 0)) FOR VALUES IN (1);\n"
                   "ALTER TABLE p ADD CONSTRAINT b_small CHECK (b < 100) NOT VALID;\n"
                   "CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);\n") == declared);
    // A partition's own check under another name stays its own.
    CHECK(model_of("CREATE TABLE p (a int, b int, CONSTRAINT b_positive CHECK (b > 0)) PARTITION BY LIST (a);\n"
                   "CREATE TABLE p1 PARTITION OF p (CONSTRAINT p1_b CHECK (b > 0)) FOR VALUES IN (1);\n")
              .constraints.size() == 2);
    // Under the parent's name with another expression, PostgreSQL refuses it.
    CHECK(load_error("CREATE TABLE p (a int, b int, CONSTRAINT b_positive CHECK (b > 0)) PARTITION BY LIST (a);\n"
                     "CREATE TABLE p1 (a int, b int, CONSTRAINT b_positive CHECK (b > 1));\n"
                     "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);\n") ==
          "schema.sql:3:1: error: partition public.p1 has check b_positive with another expression than its parent "
          "public.p's\n"
          "  ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);\n"
          "  ^\n"
          "  help: PostgreSQL refuses such a partition: give the partition's check another name, or its parent's expression");
}

TEST_CASE("load: which copies of a NOT VALID check are validated") {
    const model::QualifiedName parent{"public", "p"};
    const auto copies = [&](const std::string& sql) {
        return model_of(sql).constraints.at({parent, "b_positive"}).valid_copies;
    };
    using Names = std::set<model::QualifiedName>;
    const std::string partitioned = "CREATE TABLE p (a int, b int) PARTITION BY LIST (a);\n";
    // Created before the check: not valid; after it: validated.
    CHECK(copies(partitioned + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\n"
                               "ALTER TABLE p ADD CONSTRAINT b_positive CHECK (b > 0) NOT VALID;\n"
                               "CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);\n") == Names{{"public", "p2"}});
    // VALIDATE CONSTRAINT on a partition validates its copy.
    CHECK(copies(partitioned + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\n"
                               "CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);\n"
                               "ALTER TABLE p ADD CONSTRAINT b_positive CHECK (b > 0) NOT VALID;\n"
                               "ALTER TABLE p1 VALIDATE CONSTRAINT b_positive;\n") == Names{{"public", "p1"}});
    // On the parent, the check itself: no copies to tell apart.
    const auto validated = model_of(partitioned + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\n"
                                                  "ALTER TABLE p ADD CONSTRAINT b_positive CHECK (b > 0) NOT VALID;\n"
                                                  "ALTER TABLE p VALIDATE CONSTRAINT b_positive;\n");
    CHECK(validated.constraints.at({parent, "b_positive"}).valid);
    CHECK(validated.constraints.at({parent, "b_positive"}).valid_copies.empty());
    // Inheritance: a validated copy validates those under it; a child with
    // a check of that name of its own has that one's validity.
    CHECK(copies("CREATE TABLE p (a int, b int);\n"
                 "CREATE TABLE c1 () INHERITS (p);\n"
                 "CREATE TABLE c2 () INHERITS (c1);\n"
                 "CREATE TABLE c3 (CONSTRAINT b_positive CHECK (b > 0)) INHERITS (p);\n"
                 "ALTER TABLE p ADD CONSTRAINT b_positive CHECK (b > 0) NOT VALID;\n"
                 "CREATE TABLE c4 () INHERITS (c3);\n"
                 "ALTER TABLE c1 VALIDATE CONSTRAINT b_positive;\n") == Names{{"public", "c1"}, {"public", "c2"}});
    // VALIDATE CONSTRAINT names a check or foreign key the table has, or
    // a check it takes from a parent.
    CHECK(load_error("CREATE TABLE p (a int PRIMARY KEY);\nALTER TABLE p VALIDATE CONSTRAINT p_pkey;\n")
              .find("constraint p_pkey of table public.p is not a foreign key or check constraint") != std::string::npos);
    CHECK(load_error("CREATE TABLE p (a int);\nALTER TABLE p VALIDATE CONSTRAINT nope;\n")
              .find("schema.sql:2:1: error: constraint nope of table public.p is not defined") != std::string::npos);
}

TEST_CASE("load: a view's column default written as pg_dump writes it, with ALTER TABLE") {
    const std::string base = "CREATE TABLE t (id int, status text);\nCREATE VIEW v AS SELECT id, status FROM t;\n";
    const auto as_view = model_of(base + "ALTER VIEW v ALTER COLUMN status SET DEFAULT 'new';\n");
    CHECK(as_view.views.at({"public", "v"}).column_defaults.size() == 1);
    CHECK(model_of(base + "ALTER TABLE ONLY public.v ALTER COLUMN status SET DEFAULT 'new'::text;\n") == as_view);
    // A name that is neither a table nor a view is the table error.
    CHECK(load_error(base + "ALTER TABLE ONLY public.w ALTER COLUMN status SET DEFAULT 'new';\n").find("table public.w is not defined") !=
          std::string::npos);
}

TEST_CASE("load: CREATE OR REPLACE VIEW replaces a view defined before it, as pg_dump writes a view on a key") {
    // pg_dump creates a view whose GROUP BY relies on a primary key with
    // NULL columns first, and replaces it once the key exists.
    const std::string tables = "CREATE TABLE c (id int PRIMARY KEY, name text);\n";
    const std::string view = "SELECT c.id, c.name FROM public.c GROUP BY c.id;\n";
    const auto direct = model_of(tables + "CREATE VIEW public.v AS " + view);
    CHECK(model_of("CREATE VIEW public.v AS SELECT NULL::integer AS id, NULL::text AS name;\n" + tables +
                   "CREATE OR REPLACE VIEW public.v AS " + view) == direct);
    // Without OR REPLACE, a second definition is an error.
    CHECK(load_error(tables + "CREATE VIEW public.v AS " + view + "CREATE VIEW public.v AS " + view)
              .find("relation public.v is defined twice") != std::string::npos);
}
