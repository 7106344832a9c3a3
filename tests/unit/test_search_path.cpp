// parser/search_path: names left bare after SET search_path, as PostgreSQL
// resolves them.
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::load_error;
using unit::model_of;

TEST_CASE("search_path: bare names after SET search_path are the path's, to the end of the file") {
    const auto m = model_of(R"(
CREATE SCHEMA app;
CREATE TABLE users (id int PRIMARY KEY);
SET search_path = app, public;
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE users (id int PRIMARY KEY, m mood, owner int REFERENCES users (id));
CREATE TABLE guests (id int REFERENCES public.users (id));
CREATE INDEX guests_id_idx ON guests (id);
SET search_path TO DEFAULT;
CREATE TABLE notes (id int);
)");
    CHECK(m.tables.count({"public", "users"}));
    CHECK(m.tables.count({"app", "users"}));
    CHECK(m.tables.count({"app", "guests"}));
    CHECK(m.tables.count({"public", "notes"}));
    CHECK(m.indexes.count({"app", "guests_id_idx"}));
    CHECK(m.enums.count({"app", "mood"}));
    const auto& users = m.tables.at({"app", "users"});
    CHECK(users.find_column("m")->type.schema == "app");
    CHECK(m.constraints.at({{"app", "users"}, "users_owner_fkey"}).ref_table == model::QualifiedName{"app", "users"});
    CHECK(m.constraints.at({{"app", "guests"}, "guests_id_fkey"}).ref_table == model::QualifiedName{"public", "users"});
}

TEST_CASE("search_path: each file starts with the default path") {
    const auto m = parser::load_sources({{"a.sql", "CREATE SCHEMA app;\nSET search_path = app;\nCREATE TABLE t (id int);\n"},
                                         {"b.sql", "CREATE TABLE t (id int);\n"}});
    CHECK(m.tables.count({"app", "t"}));
    CHECK(m.tables.count({"public", "t"}));
}

TEST_CASE("search_path: a value that is not a list of names is an error at its place") {
    const auto error = load_error("SET search_path = 'a, b';\n");
    CHECK(error.find("schema.sql:1:1: error: SET search_path is supported only with a list of schema names") != std::string::npos);
}

TEST_CASE("search_path: nextval names a serial column's sequence in the path's schema") {
    const auto m = model_of(R"(
CREATE SCHEMA app;
SET search_path = app;
CREATE TABLE t (id serial, copy integer DEFAULT nextval('t_id_seq'));
)");
    const auto& t = m.tables.at({"app", "t"});
    CHECK(t.find_column("copy")->default_value->canon == t.find_column("id")->default_value->canon);
}
