#include "engine/introspect/dev_database.hpp"

#include <unistd.h>

#include <atomic>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <pqxx/pqxx>

#include "engine/apply/apply.hpp"
#include "engine/introspect/connection.hpp"
#include "engine/introspect/introspect.hpp"
#include "engine/model/error.hpp"
#include "engine/plan/planner.hpp"

namespace pgshape::introspect {
namespace {

// A libpq keyword value, quoted: 'it''s' is written 'it\'s'.
std::string conninfo_value(const char* value) {
    std::string out = "'";
    for (const char* p = value; *p; ++p) {
        if (*p == '\'' || *p == '\\') out += '\\';
        out += *p;
    }
    return out + "'";
}

// The throwaway database, dropped when this goes out of scope (WITH FORCE:
// the introspector's extra connections may still be closing).
class ThrowawayDatabase {
public:
    ThrowawayDatabase(const std::string& dev_url, const std::string& label) : m_admin(connect(dev_url)) {
        static std::atomic<int> counter{0};
        m_name = fmt::format("pgshape_dev_{}_{}", ::getpid(), counter++);
        try {
            pqxx::nontransaction tx(*m_admin);
            tx.exec("CREATE DATABASE " + m_admin->quote_name(m_name) + " TEMPLATE template0");
        } catch (const pqxx::insufficient_privilege&) {
            const std::string role = m_admin->username();
            throw UserError(fmt::format(
                "error: --dev-database {}: role {} may not create databases, and pgshape needs a throwaway one to "
                "load the {} schema into\n  help: give the role the right (ALTER ROLE {} CREATEDB), or pass a URL "
                "whose role has it; without --dev-database the schema is compared offline",
                redact(dev_url), role, label, role));
        } catch (const pqxx::sql_error& e) {
            throw UserError(fmt::format("error: --dev-database {}: CREATE DATABASE failed: {}", redact(dev_url),
                                        message_text(e.what())));
        }
        m_created = true;
    }
    ~ThrowawayDatabase() {
        if (!m_created) return;
        try {
            pqxx::nontransaction tx(*m_admin);
            tx.exec("DROP DATABASE IF EXISTS " + m_admin->quote_name(m_name) + " WITH (FORCE)");
        } catch (...) {
            // Nothing better to do while unwinding; the name says what it was.
        }
    }
    ThrowawayDatabase(const ThrowawayDatabase&) = delete;
    ThrowawayDatabase& operator=(const ThrowawayDatabase&) = delete;
    const std::string& name() const { return m_name; }

private:
    std::unique_ptr<pqxx::connection> m_admin;
    std::string m_name;
    bool m_created = false;
};

} // namespace

std::string with_database(const std::string& url, const std::string& database) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        const std::string why = error ? message_text(error) : "out of memory";
        PQfreemem(error);
        throw UserError("error: --dev-database " + redact(url) + " is not a connection URL: " + why);
    }
    std::string out;
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val || std::string_view(o->keyword) == "dbname") continue;
        out += fmt::format("{}={} ", o->keyword, conninfo_value(o->val));
    }
    PQconninfoFree(options);
    return out + "dbname=" + conninfo_value(database.c_str());
}

model::SchemaModel normalize_on_server(const model::SchemaModel& parsed, const std::string& dev_url,
                                       const std::string& label, model::Privileges privileges) {
    ThrowawayDatabase scratch(dev_url, label);
    // The plan from nothing writes the parsed schema in dependency order,
    // whatever the order of the files.
    const auto plan = plan::build_plan({}, parsed);
    std::unique_ptr<pqxx::connection> conn;
    try {
        conn = std::make_unique<pqxx::connection>(with_database(dev_url, scratch.name()));
    } catch (const std::exception& e) {
        // Not connect(): its message would show the keyword form, password and all.
        throw UserError(fmt::format("error: --dev-database {}: cannot connect to the throwaway database {}: {}",
                                    redact(dev_url), scratch.name(), message_text(e.what())));
    }
    try {
        apply::apply_plan(*conn, plan, plan::Direction::up);
    } catch (const UserError& e) {
        throw UserError(fmt::format("{}\n  help: the {} schema was being created in a throwaway database on the "
                                    "--dev-database server {}; that server must have what the schema uses "
                                    "(extensions installed, roles it names)",
                                    message_text(e.what()), label, redact(dev_url)));
    }
    return introspect(*conn, label, privileges, Cache::bypass);
}

} // namespace pgshape::introspect
