#include <future>
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/dev_database_option.hpp"
#include "engine/cli/privilege_option.hpp"
#include "engine/cli/until_exit.hpp"
#include "engine/introspect/load_source.hpp"
#include "engine/plan/planner.hpp"
#include "engine/render/render.hpp"

namespace pgshape::cli {
namespace {

struct DiffOptions {
    std::string from;
    std::string to;
    bool exit_code = false;
    PrivilegeOption privileges;
    DevDatabaseOption dev_database;
};

int run_diff(const DiffOptions& o) {
    auto from = std::async(std::launch::async, [&] { return introspect::load_source(o.from, o.privileges.value(), o.dev_database.url); });
    const auto& to = until_exit(introspect::load_source(o.to, o.privileges.value(), o.dev_database.url));
    const auto& plan = until_exit(plan::build_plan(until_exit(from.get()), to));
    std::cout << render::plan_text(plan, plan::Direction::up);
    return o.exit_code && !plan.empty() ? exit_codes::differences : exit_codes::ok;
}

} // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand("diff", "summarize the differences between two schemas");
    cmd->add_option("--from", opts->from, "current schema: .sql file, directory, postgresql:// URL or empty")->required()->check(non_empty);
    cmd->add_option("--to", opts->to, "desired schema: .sql file, directory, postgresql:// URL or empty")->required()->check(non_empty);
    cmd->add_flag("--exit-code", opts->exit_code, "exit 2 when there are differences, 0 when there are none");
    opts->privileges.add_to(*cmd);
    opts->dev_database.add_to(*cmd);
    cmd->callback([opts, &exit_code] { exit_code = run_diff(*opts); });
}

} // namespace pgshape::cli
