// Runs fixture directories against the live test server:
//   fixtures/<kind>/<case>/{from.sql,to.sql,expected_up.sql,expected_down.sql}
//     expected SQL text, no false differences, convergence, reversibility
//     (and roles.txt: roles to create first, one a line; options.txt:
//     `privileges` to run the case with --privileges);
//   fixtures/<kind>/<case>/{input.sql,expected_error.txt}
//     bad input: the exact error message.
// With --versions SCHEMA_DIR MIGRATIONS_DIR it checks an example schema's
// versions instead (SCHEMA_DIR/v1, v2, ...: empty → v1 → v2 → ...), each
// step's plan compared with MIGRATIONS_DIR/NNNN_vK.{up,down}.sql.
// PGSHAPE_UPDATE_EXPECTED=1 rewrites the expected files from the current output.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "engine/model/error.hpp"
#include "engine/render/render.hpp"
#include "parser/load.hpp"
#include "tests/support/case_check.hpp"

namespace fs = std::filesystem;
using namespace pgshape;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

bool update_mode() {
    const char* v = std::getenv("PGSHAPE_UPDATE_EXPECTED");
    return v && std::string(v) == "1";
}

// Compares (or, in update mode, writes) one expected file.
void expect_text(const fs::path& file, const std::string& actual, std::vector<std::string>& failures) {
    if (update_mode()) {
        write(file, actual);
        return;
    }
    if (!fs::exists(file)) {
        failures.push_back(file.filename().string() + " is missing (run with PGSHAPE_UPDATE_EXPECTED=1 and review it)");
        return;
    }
    const std::string expected = read(file);
    if (expected != actual)
        failures.push_back(fmt::format("{} differs.\n--- expected\n{}--- actual\n{}", file.filename().string(), expected, actual));
}

// options.txt (optional): how pgshape is run on the case, one option a
// line; `privileges` is --privileges.
model::Privileges fixture_privileges(const fs::path& dir) {
    std::istringstream in(fs::exists(dir / "options.txt") ? read(dir / "options.txt") : "");
    model::Privileges out = model::Privileges::ignore;
    std::string line;
    while (std::getline(in, line)) {
        if (line == "privileges") out = model::Privileges::manage;
        else if (!line.empty()) throw std::runtime_error("options.txt: unknown option " + line);
    }
    return out;
}

std::vector<std::string> run_error_case(const fs::path& dir) {
    std::vector<std::string> failures;
    const fs::path cwd = fs::current_path();
    const auto privileges = fixture_privileges(dir);
    fs::current_path(dir);  // errors name the file as the user would: input.sql
    std::string message;
    try {
        parser::load_path("input.sql", {privileges});
        failures.push_back("input.sql loaded without error");
    } catch (const UserError& e) {
        message = std::string(e.what()) + "\n";
    }
    fs::current_path(cwd);
    if (!message.empty()) expect_text(dir / "expected_error.txt", message, failures);
    return failures;
}

// roles.txt (optional): the roles a fixture's policies name, one a line;
// created before loading, kept (roles are cluster-wide).
std::string fixture_roles(const fs::path& dir) {
    std::istringstream in(fs::exists(dir / "roles.txt") ? read(dir / "roles.txt") : "");
    std::string roles, line;
    while (std::getline(in, line))
        if (!line.empty()) roles += (roles.empty() ? "" : ",") + line;
    return roles;
}

std::vector<std::string> run_diff_case(const fs::path& dir) {
    test::CaseInput input{dir.parent_path().filename().string() + "_" + dir.filename().string(),
                          read(dir / "from.sql"), read(dir / "to.sql"), fixture_roles(dir), fixture_privileges(dir)};
    auto result = test::check_case(input);
    auto failures = result.failures;
    if (!result.valid) failures.push_back("invalid fixture: " + result.invalid_reason);
    if (result.parsed) {
        expect_text(dir / "expected_up.sql", render::plan_sql(result.plan, plan::Direction::up), failures);
        expect_text(dir / "expected_down.sql", render::plan_sql(result.plan, plan::Direction::down), failures);
    }
    return failures;
}

// All .sql files of a version directory, in name order (loadable by psql).
std::string version_text(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".sql") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string text;
    for (const auto& f : files) text += read(f) + "\n";
    return text;
}

int run_versions(const fs::path& schema_dir, const fs::path& migrations_dir) {
    std::vector<fs::path> versions;
    for (const auto& e : fs::directory_iterator(schema_dir))
        if (e.is_directory() && e.path().filename().string().rfind('v', 0) == 0) versions.push_back(e.path());
    std::sort(versions.begin(), versions.end(), [](const fs::path& a, const fs::path& b) {
        return std::stoi(a.filename().string().substr(1)) < std::stoi(b.filename().string().substr(1));
    });
    fs::create_directories(migrations_dir);
    int passed = 0, failed = 0;
    std::string previous;  // empty schema first
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const std::string name = versions[i].filename().string();
        const std::string text = version_text(versions[i]);
        test::CaseInput input{schema_dir.filename().string() + "_" + name, previous, text, ""};
        auto result = test::check_case(input);
        auto failures = result.failures;
        if (!result.valid) failures.push_back("invalid version: " + result.invalid_reason);
        const std::string stem = fmt::format("{:04}_{}", i + 1, name);
        if (result.parsed) {
            expect_text(migrations_dir / (stem + ".up.sql"), render::plan_sql(result.plan, plan::Direction::up), failures);
            expect_text(migrations_dir / (stem + ".down.sql"), render::plan_sql(result.plan, plan::Direction::down), failures);
        }
        (failures.empty() ? passed : failed)++;
        std::cout << (failures.empty() ? "ok   " : "FAIL ") << versions[i].string() << "\n";
        for (const auto& f : failures) std::cout << "    " << f << "\n";
        previous = text;
    }
    std::cout << fmt::format("versions: {} passed, {} failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--versions") return run_versions(argv[2], argv[3]);
    std::vector<fs::path> cases;
    for (int i = 1; i < argc; ++i) {
        const fs::path root(argv[i]);
        if (fs::exists(root / "from.sql") || fs::exists(root / "input.sql")) {
            cases.push_back(root);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_directory() && (fs::exists(entry.path() / "from.sql") || fs::exists(entry.path() / "input.sql")))
                cases.push_back(entry.path());
    }
    std::sort(cases.begin(), cases.end());
    int passed = 0, failed = 0;
    for (const auto& dir : cases) {
        std::vector<std::string> failures;
        try {
            failures = fs::exists(dir / "input.sql") ? run_error_case(dir) : run_diff_case(dir);
        } catch (const std::exception& e) {
            failures.push_back(std::string("exception: ") + e.what());
        }
        if (failures.empty()) {
            ++passed;
            std::cout << "ok   " << dir.string() << "\n";
        } else {
            ++failed;
            std::cout << "FAIL " << dir.string() << "\n";
            for (const auto& f : failures) std::cout << "    " << f << "\n";
        }
    }
    std::cout << fmt::format("fixtures: {} passed, {} failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
