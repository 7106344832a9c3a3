#pragma once
// One file per subcommand; each registers itself on the app and reports its
// exit code through `exit_code` (mapped in main.cpp, the only place that exits).
#include <CLI/CLI.hpp>

namespace pgshape::cli {

namespace exit_codes {
constexpr int ok = 0;
constexpr int error = 1;
constexpr int differences = 2;
constexpr int refused = 3;
} // namespace exit_codes

// Rejects "" (an unset shell variable would otherwise reach libpq's defaults).
inline const CLI::Validator non_empty{[](std::string& value) {
    return value.empty() ? std::string("must not be empty") : std::string();
}, "NONEMPTY"};

void add_plan_command(CLI::App& app, int& exit_code);
void add_diff_command(CLI::App& app, int& exit_code);
void add_apply_command(CLI::App& app, int& exit_code);
void add_inspect_command(CLI::App& app, int& exit_code);

} // namespace pgshape::cli
