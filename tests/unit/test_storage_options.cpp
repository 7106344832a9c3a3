// parser/transform/storage_options.cpp and partition_elements.cpp: how
// storage parameters and a partition's own column options land in the model.
#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using unit::model_of;

TEST_CASE("storage parameters compare as PostgreSQL keeps them") {
    const model::StorageOptions expected{{"autovacuum_enabled", "false"}, {"fillfactor", "70"}};
    SUBCASE("spellings of a boolean and order do not count") {
        const auto a = model_of("CREATE TABLE t (a int) WITH (fillfactor = 70, autovacuum_enabled = off);");
        const auto b = model_of("CREATE TABLE t (a int) WITH (autovacuum_enabled='false', fillfactor='70');");
        CHECK(a.tables.at({"public", "t"}).options == expected);
        CHECK(a == b);
    }
    SUBCASE("ALTER TABLE SET and RESET fold into the table") {
        const auto m = model_of("CREATE TABLE t (a int) WITH (fillfactor = 50, toast_tuple_target = 256);\n"
                                "ALTER TABLE t SET (autovacuum_enabled = no, fillfactor = 70);\n"
                                "ALTER TABLE t RESET (toast_tuple_target);");
        CHECK(m.tables.at({"public", "t"}).options == expected);
    }
    SUBCASE("a different value is a difference") {
        CHECK_FALSE(model_of("CREATE TABLE t (a int) WITH (fillfactor = 70);") ==
                    model_of("CREATE TABLE t (a int) WITH (fillfactor = 71);"));
    }
}

TEST_CASE("a partition's own column options lie over its parent's columns") {
    const char* parent = "CREATE TABLE p (id int NOT NULL, k text NOT NULL, s text DEFAULT 'x', n int) PARTITION BY LIST (k);\n";
    SUBCASE("its own default and NOT NULL win, the rest is the parent's") {
        const auto m = model_of(std::string(parent) +
                                "CREATE TABLE p1 PARTITION OF p (s WITH OPTIONS DEFAULT 'y', n WITH OPTIONS NOT NULL) "
                                "FOR VALUES IN ('a');");
        const auto& t = m.tables.at({"public", "p1"});
        CHECK(t.find_column("s")->default_value->sql() == "'y'");
        CHECK(t.find_column("n")->not_null);
        CHECK(t.find_column("id")->not_null);
        CHECK_FALSE(t.find_column("n")->default_value);
    }
    SUBCASE("DEFAULT NULL takes the parent's default away") {
        const auto m = model_of(std::string(parent) + "CREATE TABLE p1 PARTITION OF p (s WITH OPTIONS DEFAULT NULL) FOR VALUES IN ('a');");
        CHECK_FALSE(m.tables.at({"public", "p1"}).find_column("s")->default_value);
    }
    SUBCASE("the parent's later ALTER reaches a partition that sets nothing itself") {
        const auto m = model_of(std::string(parent) + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN ('a');\n"
                                                      "ALTER TABLE p ALTER COLUMN s SET DEFAULT 'z';\n"
                                                      "ALTER TABLE p ADD COLUMN extra int NOT NULL DEFAULT 0;");
        const auto& t = m.tables.at({"public", "p1"});
        CHECK(t.find_column("s")->default_value->sql() == "'z'");
        REQUIRE(t.find_column("extra"));
        CHECK(t.find_column("extra")->not_null);
    }
    SUBCASE("constraints inside PARTITION OF belong to the partition") {
        const auto m = model_of(std::string(parent) + "CREATE TABLE p1 PARTITION OF p (PRIMARY KEY (id), CHECK (n > 0)) "
                                                      "FOR VALUES IN ('a');");
        CHECK(m.constraints.count({{"public", "p1"}, "p1_pkey"}));
        CHECK(m.constraints.count({{"public", "p1"}, "p1_n_check"}));
        CHECK(m.tables.at({"public", "p1"}).find_column("id")->not_null);
    }
}
