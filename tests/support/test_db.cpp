#include "tests/support/test_db.hpp"

#include <atomic>
#include <cstdlib>
#include <sstream>

#include <unistd.h>

#include <pqxx/pqxx>

#include "parser/source_text.hpp"

namespace pgshape::test {
namespace {

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

std::unique_ptr<pqxx::connection> admin() {
    return std::make_unique<pqxx::connection>(database_url("postgres"));
}

} // namespace

std::string database_url(const std::string& name) {
    return "postgresql:///" + name + "?host=" + env_or("PGHOST", "/var/run/postgresql") + "&port=" +
           env_or("PGPORT", "5432") + "&user=" + env_or("PGUSER", "postgres");
}

TempDatabase::TempDatabase(const std::string& prefix) {
    static std::atomic<int> counter{0};
    m_name = prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    auto conn = admin();
    pqxx::nontransaction tx(*conn);
    tx.exec("DROP DATABASE IF EXISTS " + conn->quote_name(m_name));
    tx.exec("CREATE DATABASE " + conn->quote_name(m_name) + " TEMPLATE template0");
}

TempDatabase::~TempDatabase() {
    try {
        m_conn.reset();
        auto conn = admin();
        pqxx::nontransaction tx(*conn);
        tx.exec("DROP DATABASE IF EXISTS " + conn->quote_name(m_name) + " WITH (FORCE)");
    } catch (...) {
    }
}

pqxx::connection& TempDatabase::conn() {
    if (!m_conn) m_conn = std::make_unique<pqxx::connection>(url());
    return *m_conn;
}

std::string TempDatabase::run_script(const std::string& sql) {
    try {
        // pg_dump's \restrict lines are psql's, as schema files may hold them.
        std::string script = sql;
        pgshape::parser::blank_dump_meta_commands(script);
        pqxx::nontransaction tx(conn());
        tx.exec(script);
        return "";
    } catch (const std::exception& e) {
        m_conn.reset();
        return e.what();
    }
}

void ensure_roles(const std::string& comma_separated) {
    std::stringstream in(comma_separated);
    std::string role;
    auto conn = admin();
    while (std::getline(in, role, ',')) {
        while (!role.empty() && role.front() == ' ') role.erase(role.begin());
        while (!role.empty() && (role.back() == ' ' || role.back() == '\r')) role.pop_back();
        if (role.empty()) continue;
        pqxx::nontransaction tx(*conn);
        const auto exists = tx.exec("SELECT 1 FROM pg_roles WHERE rolname = " + tx.quote(role));
        if (!exists.empty()) continue;
        try {
            tx.exec("CREATE ROLE " + conn->quote_name(role));
        } catch (const pqxx::sql_error& e) {
            // Another test run created it meanwhile (roles are cluster-wide).
            if (e.sqlstate() != "42710" && e.sqlstate() != "23505") throw;
        }
    }
}

} // namespace pgshape::test
