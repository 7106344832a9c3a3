#include <future>
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/dev_database_option.hpp"
#include "engine/cli/privilege_option.hpp"
#include "engine/cli/until_exit.hpp"
#include "engine/cli/hazard_options.hpp"
#include "engine/introspect/load_source.hpp"
#include "engine/plan/planner.hpp"
#include "engine/render/render.hpp"

namespace pgshape::cli {
namespace {

struct PlanOptions {
    std::string from;
    std::string to;
    std::string format = "sql";
    std::string direction = "up";
    HazardOptions hazards;
    PrivilegeOption privileges;
    DevDatabaseOption dev_database;
};

int run_plan(const PlanOptions& o) {
    const auto policy = o.hazards.policy();
    // The two sides load at the same time (files parse, databases answer).
    auto from_future = std::async(std::launch::async, [&] { return introspect::load_source(o.from, o.privileges.value(), o.dev_database.url); });
    const auto& to = until_exit(introspect::load_source(o.to, o.privileges.value(), o.dev_database.url));
    const auto& from = until_exit(from_future.get());
    const auto& plan = until_exit(plan::build_plan(from, to));
    const auto direction = o.direction == "down" ? plan::Direction::down : plan::Direction::up;
    if (!check_hazards(plan, direction, policy)) {
        std::cerr << render::plan_text(plan, direction);
        return exit_codes::refused;
    }
    std::cout << (o.format == "text" ? render::plan_text(plan, direction) : render::plan_sql(plan, direction));
    return exit_codes::ok;
}

} // namespace

void add_plan_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<PlanOptions>();
    auto* cmd = app.add_subcommand("plan", "print the migration from one schema to another");
    cmd->add_option("--from", opts->from, "current schema: .sql file, directory, postgresql:// URL or empty")->required()->check(non_empty);
    cmd->add_option("--to", opts->to, "desired schema: .sql file, directory, postgresql:// URL or empty")->required()->check(non_empty);
    cmd->add_option("--format", opts->format, "sql (default) or text")->check(CLI::IsMember({"sql", "text"}));
    cmd->add_option("--direction", opts->direction, "up (default) or down")->check(CLI::IsMember({"up", "down"}));
    opts->hazards.add_to(*cmd);
    opts->privileges.add_to(*cmd);
    opts->dev_database.add_to(*cmd);
    cmd->callback([opts, &exit_code] { exit_code = run_plan(*opts); });
}

} // namespace pgshape::cli
