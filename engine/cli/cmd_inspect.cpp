#include <fstream>
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/privilege_option.hpp"
#include "engine/cli/until_exit.hpp"
#include "engine/introspect/connection.hpp"
#include "engine/introspect/introspect.hpp"
#include "engine/model/error.hpp"
#include "engine/render/render.hpp"

namespace pgshape::cli {
namespace {

struct InspectOptions {
    std::string database;
    std::string out;
    PrivilegeOption privileges;
};

int run_inspect(const InspectOptions& o) {
    auto conn = introspect::connect(o.database);
    const std::string sql = render::model_sql(until_exit(introspect::introspect(*conn, introspect::redact(o.database), o.privileges.value())));
    if (o.out.empty()) {
        std::cout << sql;
        return exit_codes::ok;
    }
    std::ofstream file(o.out);
    if (!(file << sql)) throw UserError("error: cannot write " + o.out);
    return exit_codes::ok;
}

} // namespace

void add_inspect_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<InspectOptions>();
    auto* cmd = app.add_subcommand("inspect", "write a live database's schema as SQL that pgshape reads back");
    cmd->add_option("database", opts->database, "postgresql:// URL")->required()->check(non_empty);
    cmd->add_option("--out", opts->out, "file to write (default: standard output)");
    opts->privileges.add_to(*cmd);
    cmd->callback([opts, &exit_code] { exit_code = run_inspect(*opts); });
}

} // namespace pgshape::cli
