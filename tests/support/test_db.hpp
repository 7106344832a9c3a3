#pragma once
// Throwaway databases on the test server that tests/run starts.
#include <memory>
#include <string>

#include <pqxx/connection>

namespace pgshape::test {

// libpq URL of database `name` on the test server (PGHOST/PGPORT/PGUSER).
std::string database_url(const std::string& name);

// A fresh, empty database, dropped when this goes out of scope.
class TempDatabase {
public:
    explicit TempDatabase(const std::string& prefix);
    ~TempDatabase();
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    const std::string& name() const { return m_name; }
    std::string url() const { return database_url(m_name); }
    pqxx::connection& conn();
    // Runs a whole SQL script (multi-statement); returns the error or "".
    std::string run_script(const std::string& sql);
    void close() { m_conn.reset(); }

private:
    std::string m_name;
    std::unique_ptr<pqxx::connection> m_conn;
};

// Creates roles a script needs (corpus meta.txt required_roles), ignoring existing ones.
void ensure_roles(const std::string& comma_separated);

} // namespace pgshape::test
