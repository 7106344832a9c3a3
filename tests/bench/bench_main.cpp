// pgshape-bench: times each stage of pgshape on generated schemas of N
// tables and prints the figures. Never an assertion: the only verdicts it
// prints are the correctness check (re-introspection must diff empty) and
// whether a phase met its target.
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <pqxx/pqxx>

#include "engine/introspect/catalog_queries.hpp"
#include "engine/introspect/composed_answers.hpp"
#include "engine/introspect/connection.hpp"
#include "engine/introspect/introspect.hpp"
#include "engine/plan/planner.hpp"
#include "engine/render/render.hpp"
#include "parser/load.hpp"
#include "tests/bench/schema_generator.hpp"

namespace pgshape::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double k_files_target_seconds = 1.0;       // parse + plan from files, 10,000 tables
constexpr double k_introspect_target_seconds = 2.0;  // introspect, 10,000 tables
constexpr std::size_t k_target_tables = 10000;

struct Options {
    std::vector<std::size_t> tables;
    std::string database_url;
    std::uint64_t seed = 1;
    std::string write_sql;  // directory for the generated SQL, when set
};

// Peak resident set of this process so far, in MiB (Linux reports KiB).
double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// CPU time of this process (all threads), in seconds: on a shared machine
// wall time alone mixes in other people's load.
double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::string format_seconds(double s) {
    if (s < 1.0) return fmt::format("{:.1f} ms", s * 1000.0);
    return fmt::format("{:.2f} s", s);
}

std::string format_bytes(std::size_t bytes) {
    if (bytes < 100000) return fmt::format("{:.1f} kB", static_cast<double>(bytes) / 1e3);
    return fmt::format("{:.2f} MB", static_cast<double>(bytes) / 1e6);
}

struct Row {
    std::string phase;
    double seconds = 0;
    double cpu_seconds = 0;  // of this process only (not the server's)
    double peak_mib = 0;
    std::string detail;
};

class Report {
public:
    // Runs `f`, records its time and the peak RSS after it; returns its result.
    template <typename F>
    auto time(const std::string& phase, F&& f) {
        const double cpu_start = process_cpu_seconds();
        const auto start = Clock::now();
        auto result = f();
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        m_rows.push_back({phase, seconds, process_cpu_seconds() - cpu_start, peak_rss_mib(), {}});
        return result;
    }
    void detail(std::string text) { m_rows.back().detail = std::move(text); }
    double seconds_of(const std::string& phase) const {
        for (const auto& r : m_rows)
            if (r.phase == phase) return r.seconds;
        return 0;
    }
    void note(std::string line) { m_notes.push_back(std::move(line)); }

    void print(std::size_t tables) const {
        fmt::print("\n== {} tables ==\n", tables);
        fmt::print("{:<40} {:>10} {:>10} {:>12}  {}\n", "phase", "wall", "cpu", "peak RSS", "detail");
        fmt::print("{:-<40} {:->10} {:->10} {:->12}  {:-<40}\n", "", "", "", "", "");
        for (const auto& r : m_rows)
            fmt::print("{:<40} {:>10} {:>10} {:>8.1f} MiB  {}\n", r.phase, format_seconds(r.seconds),
                       format_seconds(r.cpu_seconds), r.peak_mib, r.detail);
        for (const auto& n : m_notes) fmt::print("{}\n", n);
        std::fflush(stdout);
    }

private:
    std::vector<Row> m_rows;
    std::vector<std::string> m_notes;
};

std::string model_counts(const model::SchemaModel& m) {
    return fmt::format("{} tables, {} constraints, {} indexes, {} sequences, {} enums, {} schemas", m.tables.size(),
                       m.constraints.size(), m.indexes.size(), m.sequences.size(), m.enums.size(), m.schemas.size());
}

std::size_t statement_count(const plan::Plan& p, plan::Direction d) { return plan::statements(p, d).size(); }

// Summaries of the first steps of a plan that should have been empty.
void report_steps(Report& report, const std::string& what, const plan::Plan& p) {
    if (p.empty()) return;
    report.note(fmt::format("WARNING: {}: {} steps where 0 were expected (a false difference); first ones:", what,
                            p.steps.size()));
    for (std::size_t i = 0; i < p.steps.size() && i < 8; ++i) report.note("  " + p.steps[i].summary);
}

// --- the database side -------------------------------------------------------

// The same connection parameters as `url`, for database `name`: libpq parses
// the URL (any form it accepts) and we write key='value' pairs back.
std::string url_for_database(const std::string& url, const std::string& name) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        throw std::runtime_error("cannot parse the database URL: " + why);
    }
    auto quoted = [](const std::string& value) {
        std::string out = "'";
        for (char c : value) {
            if (c == '\'' || c == '\\') out += '\\';
            out += c;
        }
        return out + "'";
    };
    std::string conninfo = "dbname=" + quoted(name);
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val || std::string(o->keyword) == "dbname") continue;
        conninfo += fmt::format(" {}={}", o->keyword, quoted(o->val));
    }
    PQconninfoFree(options);
    return conninfo;
}

// A fresh database on the server of `admin_url`, dropped on scope exit.
class BenchDatabase {
public:
    BenchDatabase(const std::string& admin_url, std::size_t tables)
        : m_admin_url(admin_url), m_name(fmt::format("bench_{}_{}", ::getpid(), tables)) {
        auto conn = introspect::connect(m_admin_url);
        pqxx::nontransaction tx(*conn);
        tx.exec("DROP DATABASE IF EXISTS " + conn->quote_name(m_name) + " WITH (FORCE)");
        tx.exec("CREATE DATABASE " + conn->quote_name(m_name) + " TEMPLATE template0");
        m_url = url_for_database(m_admin_url, m_name);
    }
    ~BenchDatabase() {
        try {
            auto conn = introspect::connect(m_admin_url);
            pqxx::nontransaction tx(*conn);
            tx.exec("DROP DATABASE IF EXISTS " + conn->quote_name(m_name) + " WITH (FORCE)");
        } catch (const std::exception& e) {
            fmt::print(stderr, "pgshape-bench: could not drop database {}: {}\n", m_name, e.what());
        }
    }
    BenchDatabase(const BenchDatabase&) = delete;
    BenchDatabase& operator=(const BenchDatabase&) = delete;
    const std::string& url() const { return m_url; }
    const std::string& name() const { return m_name; }

private:
    std::string m_admin_url;
    std::string m_name;
    std::string m_url;
};

// A label for catalog query i (the array has no names of its own).
template <std::size_t N>
std::string query_label(std::size_t i, const std::array<const char*, N>& names) {
    if (introspect::k_all_queries.size() == N) return names[i];
    return fmt::format("#{}", i + 1);
}

// Each catalog query on its own, as catalog_ddl runs them (one read-only
// transaction, the same session settings, the answers pgshape composes
// from rows composed): which one the server spends its time on.
void time_catalog_queries(Report& report, pqxx::connection& conn) {
    constexpr std::array<const char*, 21> k_names = {
        "schemas",     "extensions", "enums",    "domains",   "composite types",       "collations", "sequences",
        "sequence owners", "plain tables", "other tables", "key constraints", "check constraints", "indexes", "views", "comments", "public schema comment",
        "functions",   "triggers",   "routine comments", "table properties", "policies"};
    pqxx::read_transaction tx(conn);
    tx.exec(introspect::k_session_settings);
    introspect::ComposedReads shared;
    for (std::size_t i = 0; i < introspect::k_all_queries.size(); ++i) {
        const std::string name = query_label(i, k_names);
        const auto query = introspect::k_all_queries[i];
        report.detail(report.time("    query: " + name, [&] {
            if (const auto composed = introspect::composed_answer(tx, query, shared))
                return fmt::format("{} of DDL composed from rows", format_bytes(composed->size()));
            return fmt::format("{} rows", tx.exec(std::string(query)).size());
        }));
    }
}

void bench_database(Report& report, const Options& options, std::size_t tables, const GeneratedSchema& base_sql,
                    const model::SchemaModel& base) {
    auto db = report.time("database: create", [&] { return std::make_unique<BenchDatabase>(options.database_url, tables); });
    report.detail(db->name());
    auto conn = introspect::connect(db->url());
    report.time("database: load (one transaction)", [&] {
        pqxx::work tx(*conn);
        tx.exec(base_sql.sql);
        tx.commit();
        return 0;
    });
    report.detail(fmt::format("{} statements", base_sql.statements));

    const auto live = report.time("introspect", [&] {
        return introspect::introspect(*conn, "<bench database>", model::Privileges::ignore, introspect::Cache::bypass);
    });
    report.detail(model_counts(live));
    // The same work in its two halves, to show where introspection spends its time.
    const auto ddl = report.time("  of which: catalog queries", [&] {
        return introspect::catalog_ddl(*conn, model::Privileges::ignore, introspect::Cache::bypass);
    });
    report.detail(fmt::format("{} of DDL text (timed again, separately)", format_bytes(ddl.size())));
    time_catalog_queries(report, *conn);
    report.time("  of which: parse catalog DDL", [&] {
        return parser::load_sources({{"<bench database>", ddl}}).tables.size();
    });

    // With the catalog cache (engine/introspect/catalog_cache.hpp): the
    // first read keeps the catalog's text, the second finds it.
    report.time("introspect, keeping the catalog cache", [&] { return introspect::introspect(*conn, "<bench database>"); });
    report.detail("queries and the catalog's digest");
    const auto cached = report.time("introspect from the catalog cache", [&] {
        return introspect::introspect(*conn, "<bench database>");
    });
    report.detail(fmt::format("digest and parse only; model {}", cached == live ? "equal" : "NOT EQUAL"));

    const auto to_files = report.time("plan database → files", [&] { return plan::build_plan(live, base); });
    report.detail(fmt::format("{} steps (must be 0)", to_files.steps.size()));
    report_steps(report, "plan database → files", to_files);
    const auto to_db = report.time("plan files → database", [&] { return plan::build_plan(base, live); });
    report.detail(fmt::format("{} steps (must be 0)", to_db.steps.size()));
    report_steps(report, "plan files → database", to_db);
    if (to_files.empty() && to_db.empty())
        report.note(fmt::format("re-introspection: diff empty (models {}equal)", live == base ? "" : "NOT "));

    const double intro = report.seconds_of("introspect");
    if (tables >= k_target_tables)
        report.note(fmt::format("target: introspect {} (< {:.0f} s): {}", format_seconds(intro),
                                k_introspect_target_seconds, intro < k_introspect_target_seconds ? "met" : "MISSED"));
    conn.reset();
    report.time("database: drop", [&] {
        db.reset();
        return 0;
    });
}

// --- one size ----------------------------------------------------------------

void bench_size(const Options& options, std::size_t tables) {
    Report report;
    const GeneratorOptions gen{tables, options.seed};
    const auto base_sql = report.time("generate base", [&] { return generate_schema(gen, SchemaVersion::base); });
    report.detail(fmt::format("{} statements, {}, {} indexes, {} foreign keys", base_sql.statements,
                              format_bytes(base_sql.sql.size()), base_sql.indexes, base_sql.foreign_keys));
    const auto next_sql = report.time("generate next", [&] { return generate_schema(gen, SchemaVersion::next); });
    report.detail(fmt::format("{} tables changed", next_sql.changed_tables));
    if (!options.write_sql.empty()) {
        std::filesystem::create_directories(options.write_sql);
        std::ofstream(fmt::format("{}/base_{}.sql", options.write_sql, tables)) << base_sql.sql;
        std::ofstream(fmt::format("{}/next_{}.sql", options.write_sql, tables)) << next_sql.sql;
    }

    const auto base = report.time("parse base", [&] { return parser::load_sources({{"base.sql", base_sql.sql}}); });
    report.detail(model_counts(base));
    const auto next = report.time("parse next", [&] { return parser::load_sources({{"next.sql", next_sql.sql}}); });

    const model::SchemaModel empty;
    const auto create = report.time("plan empty → base", [&] { return plan::build_plan(empty, base); });
    report.detail(fmt::format("{} steps", create.steps.size()));
    const auto change = report.time("plan base → next", [&] { return plan::build_plan(base, next); });
    report.detail(fmt::format("{} steps", change.steps.size()));
    const auto same = report.time("plan base → base", [&] { return plan::build_plan(base, base); });
    report.detail(fmt::format("{} steps (must be 0)", same.steps.size()));
    report_steps(report, "plan base → base", same);

    const auto create_sql = report.time("render empty → base (sql, up)", [&] {
        return render::plan_sql(create, plan::Direction::up);
    });
    report.detail(fmt::format("{} statements, {}", statement_count(create, plan::Direction::up),
                              format_bytes(create_sql.size())));
    const auto change_text = report.time("render base → next (sql+text, up+down)", [&] {
        return render::plan_sql(change, plan::Direction::up) + render::plan_sql(change, plan::Direction::down) +
               render::plan_text(change, plan::Direction::up) + render::plan_text(change, plan::Direction::down);
    });
    report.detail(format_bytes(change_text.size()));
    const auto model_text = report.time("render model_sql(base)", [&] { return render::model_sql(base); });
    report.detail(format_bytes(model_text.size()));

    const double files = report.seconds_of("parse base") + report.seconds_of("parse next") +
                         report.seconds_of("plan base → next");
    report.note(fmt::format("files → plan (parse base + parse next + plan base → next): {}", format_seconds(files)));
    if (tables >= k_target_tables)
        report.note(fmt::format("target: parse + plan from files {} (< {:.0f} s): {}", format_seconds(files),
                                k_files_target_seconds, files < k_files_target_seconds ? "met" : "MISSED"));

    if (!options.database_url.empty()) bench_database(report, options, tables, base_sql, base);
    report.print(tables);
}

} // namespace
} // namespace pgshape::bench

int main(int argc, char** argv) {
    using namespace pgshape::bench;
    Options options;
    CLI::App app{"pgshape-bench: times generate, parse, plan, render (and, with a database, load, introspect and "
                 "the re-introspection diff) on generated schemas"};
    app.add_option("--tables", options.tables, "table counts, repeatable or comma-separated (default 100,1000,10000)")
        ->delimiter(',');
    app.add_option("--database-url", options.database_url,
                   "a server to create throwaway bench_* databases on (enables load and introspect)");
    app.add_option("--seed", options.seed, "generator seed (default 1)");
    app.add_option("--write-sql", options.write_sql, "also write the generated base_N.sql / next_N.sql here");
    CLI11_PARSE(app, argc, argv);
    if (options.tables.empty()) options.tables = {100, 1000, 10000};

    fmt::print("pgshape-bench: seed {}, {}; peak RSS is this process's maximum so far (getrusage)\n", options.seed,
               options.database_url.empty() ? "no database (files only)"
                                            : "database " + pgshape::introspect::redact(options.database_url));
    try {
        for (const std::size_t n : options.tables) bench_size(options, n);
    } catch (const std::exception& e) {
        std::fflush(stdout);
        fmt::print(stderr, "pgshape-bench: {}\n", e.what());
        return 1;
    }
    return 0;
}
