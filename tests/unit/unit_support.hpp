#pragma once
// Small helpers shared by the unit tests: schema text → model → plan,
// without a database.
#include <string>

#include "engine/model/error.hpp"
#include "engine/model/schema_model.hpp"
#include "engine/plan/planner.hpp"
#include "parser/load.hpp"

namespace pgshape::unit {

inline model::SchemaModel model_of(const std::string& sql, const std::string& file = "schema.sql") {
    return parser::load_sources({{file, sql}});
}

inline plan::Plan plan_of(const std::string& from_sql, const std::string& to_sql) {
    return plan::build_plan(model_of(from_sql), model_of(to_sql));
}

// The UserError message loading `sql` gives, or "" when it loads.
inline std::string load_error(const std::string& sql, const std::string& file = "schema.sql") {
    try {
        model_of(sql, file);
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

} // namespace pgshape::unit
