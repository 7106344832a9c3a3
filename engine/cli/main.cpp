// pgshape's entry point: parses argv, runs one subcommand, maps errors to
// exit codes. Nothing below this file exits the process.
#include <iostream>

#include <CLI/CLI.hpp>

#include "engine/cli/commands.hpp"
#include "engine/model/error.hpp"

int main(int argc, char** argv) {
    using namespace pgshape::cli;
    CLI::App app{"pgshape: declarative PostgreSQL schema diff and migration"};
    app.require_subcommand(1);
    app.footer("Environment:\n"
               "  PGSHAPE_CACHE_DIR   where a database's catalog is kept between runs (default ~/.cache/pgshape);\n"
               "                      off: always read the catalog from the server (docs/commands.md#catalog-cache)");
    int exit_code = exit_codes::ok;
    add_plan_command(app, exit_code);
    add_diff_command(app, exit_code);
    add_apply_command(app, exit_code);
    add_inspect_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_codes::ok : exit_codes::error;
    } catch (const pgshape::UserError& e) {
        std::cerr << e.what() << "\n";
        return exit_codes::error;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return exit_codes::error;
    }
    return exit_code;
}
