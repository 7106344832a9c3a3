// parser/transform/grant.cpp, alter_owner.cpp, default_privileges.cpp:
// privileges as values beyond PostgreSQL's defaults, read only when asked.
#include <string>

#include <doctest/doctest.h>

#include "tests/unit/unit_support.hpp"

using namespace pgshape;

namespace {

model::SchemaModel with_privileges(const std::string& sql) {
    return parser::load_sources({{"schema.sql", sql}}, {model::Privileges::manage});
}

const std::string k_objects = "CREATE TABLE t (id int PRIMARY KEY, name text);\n"
                              "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';\n";

model::AclTarget table_t() { return {model::AclKind::table, "public", "t", ""}; }
model::AclTarget function_f() { return {model::AclKind::function, "public", "f(integer)", ""}; }

} // namespace

TEST_CASE("grants: without --privileges they are set aside") {
    const auto m = unit::model_of(k_objects + "GRANT SELECT ON t TO app; ALTER TABLE t OWNER TO app;");
    CHECK(m.privileges.empty());
    CHECK(m.owners.empty());
}

TEST_CASE("grants: what an object has beyond its defaults") {
    SUBCASE("nothing said, or the defaults spelled out, is no entry") {
        CHECK(with_privileges(k_objects).privileges.empty());
        CHECK(with_privileges(k_objects + "REVOKE ALL ON FUNCTION f(int) FROM PUBLIC;\n"
                                          "GRANT EXECUTE ON FUNCTION f(int) TO PUBLIC;")
                  .privileges.empty());
        CHECK(with_privileges(k_objects + "GRANT SELECT ON t TO app; REVOKE SELECT ON t FROM app;").privileges.empty());
    }
    SUBCASE("ALL and REVOKE apply in file order") {
        const auto m = with_privileges(k_objects + "GRANT ALL ON t TO app; REVOKE DELETE, TRUNCATE ON t FROM app;");
        const model::Acl expected{{"app", "INSERT", false}, {"app", "REFERENCES", false}, {"app", "SELECT", false},
                                  {"app", "TRIGGER", false}, {"app", "UPDATE", false}};
        CHECK(m.privileges.at(table_t()) == expected);
    }
    SUBCASE("PUBLIC's EXECUTE goes only when revoked") {
        const auto m = with_privileges(k_objects + "REVOKE EXECUTE ON FUNCTION f FROM PUBLIC;");
        CHECK(m.privileges.at(function_f()).empty());
    }
    SUBCASE("grant options: granted, and revoked apart from the privilege") {
        const auto m = with_privileges(k_objects + "GRANT SELECT ON t TO app WITH GRANT OPTION;\n"
                                                   "GRANT UPDATE ON t TO app WITH GRANT OPTION;\n"
                                                   "REVOKE GRANT OPTION FOR UPDATE ON t FROM app;");
        const model::Acl expected{{"app", "SELECT", true}, {"app", "UPDATE", false}};
        CHECK(m.privileges.at(table_t()) == expected);
    }
    SUBCASE("column privileges are targets of their own") {
        const auto m = with_privileges(k_objects + "GRANT SELECT (id, name), UPDATE (name) ON t TO app;");
        CHECK(m.privileges.at({model::AclKind::table, "public", "t", "name"}) ==
              model::Acl{{"app", "SELECT", false}, {"app", "UPDATE", false}});
        CHECK(m.privileges.at({model::AclKind::table, "public", "t", "id"}) == model::Acl{{"app", "SELECT", false}});
        CHECK_FALSE(m.privileges.count(table_t()));
    }
    SUBCASE("ALL TABLES IN SCHEMA: every table and view of the files there") {
        const auto m = with_privileges(k_objects + "CREATE VIEW v AS SELECT id FROM t;\n"
                                                   "GRANT SELECT ON ALL TABLES IN SCHEMA public TO app;");
        CHECK(m.privileges.count(table_t()));
        CHECK(m.privileges.count({model::AclKind::table, "public", "v", ""}));
    }
}

TEST_CASE("owners and default privileges") {
    const auto m = with_privileges(k_objects + "ALTER TABLE t OWNER TO app; ALTER FUNCTION f(integer) OWNER TO app;\n"
                                               "ALTER DEFAULT PRIVILEGES FOR ROLE app GRANT SELECT ON TABLES TO reader;\n"
                                               "ALTER DEFAULT PRIVILEGES FOR ROLE app REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;");
    CHECK(m.owners.at(table_t()) == "app");
    CHECK(m.owners.at(function_f()) == "app");
    CHECK(m.default_privileges.at({"app", "", model::DefaultAclObjects::tables}) == model::Acl{{"reader", "SELECT", false}});
    CHECK(m.default_privileges.at({"app", "", model::DefaultAclObjects::functions}).empty());
    // Default privileges do not reach the objects of the files.
    CHECK_FALSE(m.privileges.count(table_t()));
}

TEST_CASE("privileges: plans both ways") {
    const auto from = with_privileges(k_objects + "GRANT SELECT ON t TO app;");
    const auto to = with_privileges(k_objects + "GRANT SELECT, INSERT ON t TO app; REVOKE EXECUTE ON FUNCTION f FROM PUBLIC;");
    const auto plan = plan::build_plan(from, to);
    const auto up = plan::statements(plan, plan::Direction::up);
    const auto down = plan::statements(plan, plan::Direction::down);
    CHECK(up == std::vector<std::string>{"REVOKE EXECUTE ON FUNCTION public.f(integer) FROM PUBLIC",
                                         "GRANT INSERT ON TABLE public.t TO app"});
    CHECK(down == std::vector<std::string>{"REVOKE INSERT ON TABLE public.t FROM app",
                                           "GRANT EXECUTE ON FUNCTION public.f(integer) TO PUBLIC"});
}
