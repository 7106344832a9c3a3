// engine/plan/policy: --allow-hazards / --refuse-hazards lists and refusal.
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "engine/model/error.hpp"
#include "engine/plan/policy.hpp"
#include "tests/unit/unit_support.hpp"

using namespace pgshape;
using plan::HazardKind;

TEST_CASE("parse_hazard_list") {
    struct Row {
        const char* text;
        std::set<HazardKind> expected;
    };
    const Row rows[] = {
        {"all", {HazardKind::data_loss, HazardKind::table_rewrite, HazardKind::blocking_lock}},
        {"data_loss", {HazardKind::data_loss}},
        {"table_rewrite,blocking_lock", {HazardKind::table_rewrite, HazardKind::blocking_lock}},
        {"data_loss,table_rewrite,blocking_lock",
         {HazardKind::data_loss, HazardKind::table_rewrite, HazardKind::blocking_lock}},
        {"data_loss,data_loss", {HazardKind::data_loss}},
        {"data_loss,,blocking_lock", {HazardKind::data_loss, HazardKind::blocking_lock}},
        {"", {}},
    };
    for (const auto& row : rows) {
        SUBCASE((std::string("[") + row.text + "]").c_str()) { CHECK(plan::parse_hazard_list(row.text) == row.expected); }
    }
}

TEST_CASE("parse_hazard_list: unknown names throw UserError naming them") {
    const char* bad[] = {"data-loss", "DATA_LOSS", "rewrite", "data_loss,oops", "all,data_loss", "none"};
    for (const char* text : bad) {
        SUBCASE(text) {
            CHECK_THROWS_AS(plan::parse_hazard_list(text), UserError);
            try {
                plan::parse_hazard_list(text);
            } catch (const UserError& e) {
                const std::string message = e.what();
                CHECK(message.find("unknown hazard") != std::string::npos);
                CHECK(message.find("data_loss, table_rewrite, blocking_lock") != std::string::npos);
            }
        }
    }
}

TEST_CASE("refused_hazards") {
    // Up: drops a column (data loss) and widens int → bigint (rewrite).
    const auto p = unit::plan_of("CREATE TABLE t (id int, a text, b int);", "CREATE TABLE t (id int, b bigint);");
    auto kinds = [&](const plan::HazardPolicy& policy, plan::Direction d) {
        std::multiset<HazardKind> out;
        for (const auto& h : plan::refused_hazards(p, d, policy)) out.insert(h.kind);
        return out;
    };
    SUBCASE("default: data loss refused, rewrites only reported") {
        CHECK(kinds({}, plan::Direction::up) == std::multiset<HazardKind>{HazardKind::data_loss});
    }
    SUBCASE("allowing data loss lets the plan through") {
        plan::HazardPolicy policy;
        policy.allowed = {HazardKind::data_loss};
        CHECK(kinds(policy, plan::Direction::up).empty());
    }
    SUBCASE("refusing all, allowing data loss") {
        plan::HazardPolicy policy;
        policy.refused = plan::parse_hazard_list("all");
        policy.allowed = plan::parse_hazard_list("data_loss");
        CHECK(kinds(policy, plan::Direction::up) == std::multiset<HazardKind>{HazardKind::table_rewrite});
    }
    SUBCASE("allow all") {
        plan::HazardPolicy policy;
        policy.refused = plan::parse_hazard_list("all");
        policy.allowed = plan::parse_hazard_list("all");
        CHECK(kinds(policy, plan::Direction::up).empty());
    }
    SUBCASE("down direction judged on its own hazards") {
        // Down re-adds column a empty (data loss) and narrows bigint → int.
        const auto down = kinds({}, plan::Direction::down);
        CHECK(down.count(HazardKind::data_loss) == 2);
    }
}
