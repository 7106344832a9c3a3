#include "tests/support/case_check.hpp"

#include <cctype>

#include <pqxx/pqxx>

#include "engine/apply/apply.hpp"
#include "engine/introspect/introspect.hpp"
#include "engine/model/error.hpp"
#include "engine/plan/planner.hpp"
#include "engine/render/render.hpp"
#include "parser/load.hpp"
#include "tests/support/schema_dump.hpp"
#include "tests/support/test_db.hpp"

namespace pgshape::test {
namespace {

std::string db_prefix(const std::string& label) {
    std::string out = "pgs";
    for (char c : label) {
        if (out.size() >= 30) break;
        out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    }
    return out;
}

// pgshape's diff from `actual` to `expected`, as text ("" = none).
std::string difference(const model::SchemaModel& actual, const model::SchemaModel& expected) {
    const auto plan = plan::build_plan(actual, expected);
    return plan.empty() ? "" : render::plan_text(plan, plan::Direction::up);
}

// pgshape's diff between a model and what a database holds, as text ("" = none).
std::string model_vs_database(const model::SchemaModel& expected, TempDatabase& db, model::Privileges privileges) {
    return difference(introspect::introspect(db.conn(), db.name(), privileges), expected);
}

// `inspect` of the database holding `to` (`introspected`, already read):
// its text reads back as the same schema, and loads into PostgreSQL as the
// same schema.
void check_inspect(const std::string& prefix, const model::SchemaModel& introspected, model::Privileges privileges,
                   CaseResult& r) {
    const std::string text = render::model_sql(introspected);
    model::SchemaModel reread;
    try {
        reread = parser::load_sources({{"inspected.sql", text}}, {privileges});
    } catch (const UserError& e) {
        r.failures.push_back(std::string("inspect output does not read back: ") + e.what());
        return;
    }
    const auto reread_difference = difference(introspected, reread);
    if (!reread_difference.empty())
        r.failures.push_back("inspect output reads back differently:\n" + reread_difference);
    TempDatabase copy(prefix + "_i");
    if (auto err = copy.run_script(text); !err.empty()) {
        r.failures.push_back("inspect output does not load into PostgreSQL: " + err);
        return;
    }
    // Judged by pgshape's diff, not by pg_dump: the catalog's text is not a
    // fixpoint (a CHECK with `IN` over varchar, loaded from its catalog text,
    // comes back with the casts moved inside the ARRAY), so the witness would
    // report a difference PostgreSQL itself makes on every dump and restore.
    const auto loaded = model_vs_database(introspected, copy, privileges);
    if (!loaded.empty()) r.failures.push_back("inspect output loads as a different database:\n" + loaded);
    r.inspected = reread_difference.empty() && loaded.empty();
}

} // namespace

CaseResult check_case(const CaseInput& input) {
    CaseResult r;
    if (!input.required_roles.empty()) ensure_roles(input.required_roles);
    TempDatabase db(db_prefix(input.label) + "_f");
    TempDatabase db_to(db_prefix(input.label) + "_t");
    if (auto err = db.run_script(input.from_sql); !err.empty()) {
        r.invalid_reason = "from.sql does not load: " + err;
        return r;
    }
    if (auto err = db_to.run_script(input.to_sql); !err.empty()) {
        r.invalid_reason = "to.sql does not load: " + err;
        return r;
    }
    r.valid = true;
    const auto privileges = input.privileges;
    const std::string dump_from = normalized_dump(db.url(), privileges);
    const std::string dump_to = normalized_dump(db_to.url(), privileges);

    model::SchemaModel from, to;
    try {
        from = parser::load_sources({{"from.sql", input.from_sql}}, {privileges});
        to = parser::load_sources({{"to.sql", input.to_sql}}, {privileges});
        r.parsed = true;
    } catch (const UserError& e) {
        r.failures.push_back(std::string("pgshape cannot read it: ") + e.what());
        return r;
    }
    try {
        const auto d_from = model_vs_database(from, db, privileges);
        const auto loaded_to = introspect::introspect(db_to.conn(), db_to.name(), privileges);
        const auto d_to = difference(loaded_to, to);
        r.no_false_diff = d_from.empty() && d_to.empty();
        if (!d_from.empty()) r.failures.push_back("false difference, from.sql parsed vs loaded:\n" + d_from);
        if (!d_to.empty()) r.failures.push_back("false difference, to.sql parsed vs loaded:\n" + d_to);

        check_inspect(db_prefix(input.label), loaded_to, privileges, r);

        r.plan = plan::build_plan(from, to);
        apply::apply_plan(db.conn(), r.plan, plan::Direction::up);
        const auto after_up = model_vs_database(to, db, privileges);
        const auto dump_up = normalized_dump(db.url(), privileges);
        r.converged = after_up.empty() && dump_up == dump_to;
        if (!after_up.empty()) r.failures.push_back("up plan did not converge (pgshape sees):\n" + after_up);
        if (dump_up != dump_to) r.failures.push_back("up plan did not converge (pg_dump sees):\n" + dump_difference(dump_up, dump_to));

        apply::apply_plan(db.conn(), r.plan, plan::Direction::down);
        const auto after_down = model_vs_database(from, db, privileges);
        const auto dump_down = normalized_dump(db.url(), privileges);
        r.reversed = after_down.empty() && dump_down == dump_from;
        if (!after_down.empty()) r.failures.push_back("down plan did not restore from (pgshape sees):\n" + after_down);
        if (dump_down != dump_from)
            r.failures.push_back("down plan did not restore from (pg_dump sees):\n" + dump_difference(dump_down, dump_from));
    } catch (const std::exception& e) {
        r.failures.push_back(e.what());
    }
    return r;
}

} // namespace pgshape::test
