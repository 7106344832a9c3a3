// Runs the public test cases of other diff tools (../shared/corpus) through
// the same checks as the fixtures and prints, per source: cases, valid,
// parsed, no-false-diff, inspected, converged, reversed. Informational: it exits 0
// whatever the figures; `--failures FILE` writes each failing case's reasons.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>

#include <fmt/format.h>

#include "tests/support/case_check.hpp"
#include "tests/support/test_db.hpp"

namespace fs = std::filesystem;
using namespace pgshape;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// required_roles: ["a", "b"] → "a,b"
std::string required_roles(const fs::path& meta) {
    std::istringstream in(read(meta));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("required_roles:", 0) != 0) continue;
        std::string out, current;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted && c == '\\' && i + 1 < line.size()) current += line[++i];
            else if (c == '"') {
                if (quoted) out += (out.empty() ? "" : ",") + current;
                current.clear();
                quoted = !quoted;
            } else if (quoted) current += c;
        }
        return out;
    }
    return "";
}

struct Tally {
    int cases = 0, valid = 0, parsed = 0, no_false_diff = 0, inspected = 0, converged = 0, reversed = 0;
};

// The first line of a failure, with names stripped, as a cause to count.
std::string cause_of(const std::string& failure) {
    std::string first = failure.substr(0, failure.find('\n'));
    const auto colon = first.find(": error: ");
    if (colon != std::string::npos) first = first.substr(colon + 9);
    if (first.size() > 90) first = first.substr(0, 90);
    return first;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pgshape-corpus CORPUS_DIR [--failures FILE] [--only SOURCE]\n";
        return 1;
    }
    const fs::path root(argv[1]);
    std::string failures_file, only;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--failures") failures_file = argv[i + 1];
        if (std::string(argv[i]) == "--only") only = argv[i + 1];
    }
    std::vector<fs::path> cases;
    for (const auto& source : fs::directory_iterator(root)) {
        if (!source.is_directory() || (!only.empty() && source.path().filename() != only)) continue;
        for (const auto& c : fs::directory_iterator(source.path()))
            if (c.is_directory() && fs::exists(c.path() / "from.sql") && fs::exists(c.path() / "to.sql"))
                cases.push_back(c.path());
    }
    std::sort(cases.begin(), cases.end());
    // Roles are the cluster's, and some cases' meta.txt leaves out a role
    // another case lists (four or five apgdiff cases loaded only when a case
    // naming it had run before them: 81 to 86 valid on fresh servers): every
    // listed role is created before any case runs, so the figures are the
    // same on every fresh server, whatever order the two workers take.
    std::string all_roles;
    for (const auto& dir : cases)
        if (fs::exists(dir / "meta.txt"))
            if (const auto roles = required_roles(dir / "meta.txt"); !roles.empty())
                all_roles += (all_roles.empty() ? "" : ",") + roles;
    if (!all_roles.empty()) test::ensure_roles(all_roles);

    std::map<std::string, Tally> tallies;
    std::map<std::string, int> causes;
    std::mutex lock;
    std::ostringstream report;
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < cases.size(); i = next++) {
            const auto& dir = cases[i];
            const std::string source = dir.parent_path().filename().string();
            test::CaseInput input{source + "_" + dir.filename().string(), read(dir / "from.sql"),
                                  read(dir / "to.sql"),
                                  fs::exists(dir / "meta.txt") ? required_roles(dir / "meta.txt") : ""};
            test::CaseResult r;
            try {
                r = test::check_case(input);
            } catch (const std::exception& e) {
                r.failures.push_back(std::string("exception: ") + e.what());
            }
            std::lock_guard<std::mutex> guard(lock);
            auto& t = tallies[source];
            ++t.cases;
            t.valid += r.valid;
            t.parsed += r.parsed;
            t.no_false_diff += r.valid && r.no_false_diff;
            t.inspected += r.valid && r.inspected;
            t.converged += r.valid && r.converged;
            t.reversed += r.valid && r.reversed;
            if (r.valid && !r.passed()) {
                report << "== " << source << "/" << dir.filename().string() << "\n";
                for (const auto& f : r.failures) report << f << "\n";
                if (!r.failures.empty()) ++causes[cause_of(r.failures.front())];
            }
        }
    };
    std::vector<std::future<void>> workers;
    for (int w = 0; w < 2; ++w) workers.push_back(std::async(std::launch::async, worker));
    for (auto& w : workers) w.get();

    std::cout << fmt::format("{:<16} {:>6} {:>6} {:>7} {:>13} {:>9} {:>10} {:>9}\n", "corpus source", "cases", "valid",
                             "parsed", "no-false-diff", "inspected", "converged", "reversed");
    Tally total;
    for (const auto& [source, t] : tallies) {
        std::cout << fmt::format("{:<16} {:>6} {:>6} {:>7} {:>13} {:>9} {:>10} {:>9}\n", source, t.cases, t.valid,
                                 t.parsed, t.no_false_diff, t.inspected, t.converged, t.reversed);
        total.cases += t.cases;
        total.valid += t.valid;
        total.parsed += t.parsed;
        total.no_false_diff += t.no_false_diff;
        total.inspected += t.inspected;
        total.converged += t.converged;
        total.reversed += t.reversed;
    }
    std::cout << fmt::format("{:<16} {:>6} {:>6} {:>7} {:>13} {:>9} {:>10} {:>9}\n", "total", total.cases, total.valid,
                             total.parsed, total.no_false_diff, total.inspected, total.converged, total.reversed);
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [cause, n] : causes) ranked.emplace_back(n, cause);
    std::sort(ranked.rbegin(), ranked.rend());
    std::cout << "main causes of failure (valid cases, first failure of each):\n";
    for (std::size_t i = 0; i < ranked.size() && i < 15; ++i)
        std::cout << fmt::format("  {:>4}  {}\n", ranked[i].first, ranked[i].second);
    if (!failures_file.empty()) std::ofstream(failures_file) << report.str();
    return 0;
}
