// engine/plan/plan_column (with type_change): the hazards of column changes.
#include <algorithm>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "engine/plan/type_change.hpp"
#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using plan::HazardKind;

namespace {

// Hazard kinds of the up direction of the plan turning column definition
// `from_column` into `to_column` ("" when the column is absent on that side).
std::set<HazardKind> hazards_of(const std::string& from_column, const std::string& to_column) {
    auto table = [](const std::string& column) {
        return "CREATE TABLE t (id int" + (column.empty() ? "" : ", " + column) + ");";
    };
    const auto p = unit::plan_of(table(from_column), table(to_column));
    std::set<HazardKind> out;
    for (const auto& h : plan::hazards(p, plan::Direction::up)) out.insert(h.kind);
    return out;
}

} // namespace

TEST_CASE("column hazards") {
    struct Row {
        const char* name;
        const char* from;
        const char* to;
        std::set<HazardKind> expected;
    };
    const Row rows[] = {
        {"drop column", "c text", "", {HazardKind::data_loss}},
        {"varchar widening", "c varchar(20)", "c varchar(100)", {}},
        {"varchar to text", "c varchar(20)", "c text", {}},
        {"varchar to unlimited varchar", "c varchar(20)", "c varchar", {}},
        {"int to bigint", "c int", "c bigint", {HazardKind::table_rewrite}},
        {"smallint to int", "c smallint", "c int", {HazardKind::table_rewrite}},
        {"bigint to int", "c bigint", "c int", {HazardKind::table_rewrite, HazardKind::data_loss}},
        {"varchar narrowing", "c varchar(100)", "c varchar(20)", {HazardKind::data_loss}},
        {"text to varchar(n)", "c text", "c varchar(20)", {HazardKind::data_loss}},
        {"numeric precision grows", "c numeric(10,2)", "c numeric(12,2)", {}},
        {"numeric precision shrinks", "c numeric(12,2)", "c numeric(10,2)", {HazardKind::data_loss}},
        {"numeric to unconstrained numeric", "c numeric(10,2)", "c numeric", {}},
        {"numeric scale grows", "c numeric(10,2)", "c numeric(12,4)", {HazardKind::table_rewrite}},
        {"add nullable column", "", "c text", {}},
        {"add column with constant default", "", "c text DEFAULT 'x'", {}},
        {"add identity column", "", "c int GENERATED ALWAYS AS IDENTITY", {HazardKind::table_rewrite}},
        {"set not null", "c text", "c text NOT NULL", {HazardKind::blocking_lock}},
        {"drop not null", "c text NOT NULL", "c text", {}},
        {"change default", "c text DEFAULT 'a'", "c text DEFAULT 'b'", {}},
        {"text to integer", "c text", "c int", {HazardKind::table_rewrite, HazardKind::data_loss}},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            CHECK(hazards_of(row.from, row.to) == row.expected);
        }
    }
}

TEST_CASE("hazards of the down direction") {
    const auto p = unit::plan_of("CREATE TABLE t (id int);", "CREATE TABLE t (id int, c text);");
    CHECK(plan::hazards(p, plan::Direction::up).empty());
    const auto down = plan::hazards(p, plan::Direction::down);
    REQUIRE(down.size() == 1);
    CHECK(down[0].kind == HazardKind::data_loss);
    CHECK(down[0].message.find("public.t.c") != std::string::npos);
}

TEST_CASE("drop table is data loss, named") {
    const auto p = unit::plan_of("CREATE TABLE t (id int);", "");
    const auto h = plan::hazards(p, plan::Direction::up);
    REQUIRE(h.size() == 1);
    CHECK(h[0].kind == HazardKind::data_loss);
    CHECK(h[0].message.find("public.t") != std::string::npos);
}

TEST_CASE("type_change_cost") {
    auto t = [](std::string name, std::string mods = "") { return model::TypeRef{"", std::move(name), std::move(mods), false}; };
    struct Row {
        const char* name;
        model::TypeRef from;
        model::TypeRef to;
        bool rewrite;
        bool narrowing;
    };
    const Row rows[] = {
        {"same", t("integer"), t("integer"), false, false},
        {"varchar grows", t("character varying", "20"), t("character varying", "100"), false, false},
        {"varchar shrinks", t("character varying", "100"), t("character varying", "20"), false, true},
        {"varchar to text", t("character varying", "20"), t("text"), false, false},
        {"text to varchar", t("text"), t("character varying", "5"), false, true},
        {"int to bigint", t("integer"), t("bigint"), true, false},
        {"bigint to smallint", t("bigint"), t("smallint"), true, true},
        {"int to numeric", t("integer"), t("numeric"), true, false},
        {"int to numeric(5,0)", t("integer"), t("numeric", "5,0"), true, true},
        {"numeric same scale grows", t("numeric", "10,2"), t("numeric", "11,2"), false, false},
        {"numeric loses integer digits", t("numeric", "10,2"), t("numeric", "10,4"), true, true},
        {"unconstrained numeric gets a limit", t("numeric"), t("numeric", "10,2"), true, true},
        {"array vs scalar", t("integer"), model::TypeRef{"", "integer", "", true}, true, true},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) {
            const auto cost = plan::type_change_cost(row.from, row.to);
            CHECK(cost.rewrite == row.rewrite);
            CHECK(cost.narrowing == row.narrowing);
        }
    }
}
