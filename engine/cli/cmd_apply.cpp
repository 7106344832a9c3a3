#include <iostream>

#include <fmt/format.h>

#include "engine/apply/apply.hpp"
#include "engine/cli/commands.hpp"
#include "engine/cli/dev_database_option.hpp"
#include "engine/cli/privilege_option.hpp"
#include "engine/cli/until_exit.hpp"
#include "engine/cli/hazard_options.hpp"
#include "engine/introspect/connection.hpp"
#include "engine/introspect/introspect.hpp"
#include "engine/introspect/load_source.hpp"
#include "engine/plan/planner.hpp"
#include "engine/render/render.hpp"

namespace pgshape::cli {
namespace {

struct ApplyOptions {
    std::string database;
    std::string to;
    bool dry_run = false;
    HazardOptions hazards;
    PrivilegeOption privileges;
    DevDatabaseOption dev_database;
};

int run_apply(const ApplyOptions& o) {
    const auto policy = o.hazards.policy();
    const auto& desired = until_exit(introspect::load_source(o.to, o.privileges.value(), o.dev_database.url));
    auto conn = introspect::connect(o.database);
    const auto& current = until_exit(introspect::introspect(*conn, introspect::redact(o.database), o.privileges.value()));
    const auto& plan = until_exit(plan::build_plan(current, desired));
    std::cout << render::plan_text(plan, plan::Direction::up);
    if (plan.empty()) return exit_codes::ok;
    if (!check_hazards(plan, plan::Direction::up, policy)) return exit_codes::refused;
    if (o.dry_run) {
        std::cout << "Dry run: nothing applied.\n";
        return exit_codes::ok;
    }
    apply::apply_plan(*conn, plan, plan::Direction::up);
    std::cout << fmt::format("Applied {} step{}.\n", plan.steps.size(), plan.steps.size() == 1 ? "" : "s");
    return exit_codes::ok;
}

} // namespace

void add_apply_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ApplyOptions>();
    auto* cmd = app.add_subcommand("apply", "migrate a live database to the desired schema, in one transaction");
    cmd->add_option("--database", opts->database, "postgresql:// URL of the database to change")->required()->check(non_empty);
    cmd->add_option("--to", opts->to, "desired schema: .sql file, directory, postgresql:// URL or empty")->required()->check(non_empty);
    cmd->add_flag("--dry-run", opts->dry_run, "print the plan, change nothing");
    opts->hazards.add_to(*cmd);
    opts->privileges.add_to(*cmd);
    opts->dev_database.add_to(*cmd);
    cmd->callback([opts, &exit_code] { exit_code = run_apply(*opts); });
}

} // namespace pgshape::cli
