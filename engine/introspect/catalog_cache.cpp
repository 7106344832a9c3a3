#include "engine/introspect/catalog_cache.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>

#include <fmt/format.h>

#include "engine/introspect/catalog_queries.hpp"
#include "engine/introspect/composed_answers.hpp"

namespace pgshape::introspect {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_format = "pgshape catalog cache 1";
// Files kept per directory, one per database: the least recently used go
// first (tests and benchmarks read many short-lived databases).
constexpr std::size_t k_files_kept = 16;

// FNV-1a, 64 bits: stable across builds and machines (std::hash is not
// promised to be), for file names and the queries' digest.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// The catalog tables whose rows are digested: every one of this database
// the role may read, but the statistics (ANALYZE rewrites them all the
// time, and nothing pgshape reads comes from them) and large objects'
// data; of the tables shared by every database of the server, the two
// pgshape reads (tablespaces, role memberships). The roles themselves are
// digested through pg_roles: pg_authid is for superusers only.
constexpr const char* k_catalog_tables =
    "SELECT c.relname FROM pg_catalog.pg_class c "
    "WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace AND c.relkind = 'r' "
    "AND (NOT c.relisshared OR c.relname IN ('pg_auth_members', 'pg_tablespace')) "
    "AND c.relname NOT IN ('pg_statistic', 'pg_statistic_ext_data', 'pg_largeobject') "
    "AND pg_catalog.has_table_privilege(c.oid, 'SELECT') ORDER BY c.relname";

// Settings that change how the deparsers print a constant or a name, and
// what the server is: the session's own (search_path, TimeZone, ...) are
// fixed by k_session_settings.
constexpr const char* k_settings =
    "SELECT 'session:' || pg_catalog.current_setting('server_version_num') || ':' || current_user || ':' "
    "|| (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()) || ':' "
    "|| (SELECT pg_catalog.string_agg(s.name || '=' || s.setting, ',' ORDER BY s.name) FROM pg_catalog.pg_settings s "
    "WHERE s.name IN ('bytea_output', 'client_encoding', 'extra_float_digits', 'lc_monetary', 'lc_numeric', "
    "'quote_all_identifiers', 'server_encoding', 'standard_conforming_strings', 'xmlbinary', 'xmloption'))";

// One table's rows, digested: their count and the XOR of a hash of each
// row version's place and creating transaction. pg_index's validity flags
// are changed in place by CREATE INDEX CONCURRENTLY (no new row version),
// so they go into its hash too.
std::string table_digest(const pqxx::transaction_base& tx, const std::string& table) {
    const std::string seed = table == "pg_index"
                                 ? "(xmin::text::bigint # (indisvalid::int + 2 * indisready::int + 4 * indislive::int))"
                                 : "xmin::text::bigint";
    return fmt::format("SELECT {} || ':' || count(*) || ':' || coalesce(bit_xor(pg_catalog.hashtidextended(ctid, {})), 0) "
                       "FROM pg_catalog.{}",
                       tx.quote(table), seed, tx.quote_name(table));
}

std::string state_query(const pqxx::transaction_base& tx, const std::vector<std::string>& tables) {
    std::string query = "SELECT pg_catalog.string_agg(d, ';') FROM (";
    query += k_settings;
    for (const auto& table : tables) query += " UNION ALL " + table_digest(tx, table);
    query += " UNION ALL SELECT 'pg_roles:' || count(*) || ':' "
             "|| coalesce(bit_xor(pg_catalog.hashtextextended(r::text, 0)), 0) FROM pg_catalog.pg_roles r";
    query += ") AS s(d)";
    return query;
}

// Writes `bytes` to `path` through a file only its owner may read, renamed
// into place so that a reader never sees half of it.
bool write_file(const std::string& path, const std::string& bytes) {
    // Unique per write: both sides of one plan may read the same database.
    static std::atomic<unsigned> writes{0};
    const std::string temporary = fmt::format("{}.{}.{}.tmp", path, ::getpid(), writes++);
    // A new file, never one that is there already (nor a link someone left
    // in a shared directory).
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = ::close(fd) == 0 && done == bytes.size();
    if (ok && ::rename(temporary.c_str(), path.c_str()) == 0) return true;
    ::unlink(temporary.c_str());
    return false;
}

// Removes the least recently used files of `dir` beyond k_files_kept.
void evict(const fs::path& dir) {
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("catalog-", 0) != 0) continue;
        const auto time = entry.last_write_time(ec);
        if (!ec) files.emplace_back(time, entry.path());
    }
    if (files.size() <= k_files_kept) return;
    std::sort(files.begin(), files.end());
    for (std::size_t i = 0; i + k_files_kept < files.size(); ++i) fs::remove(files[i].second, ec);
}

} // namespace

std::string cache_directory() {
    if (const char* dir = std::getenv("PGSHAPE_CACHE_DIR"); dir && *dir) return std::string_view(dir) == "off" ? "" : dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/pgshape";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/pgshape";
    return "";
}

long CatalogCache::min_relations() {
    if (const char* value = std::getenv("PGSHAPE_CACHE_MIN_RELATIONS"); value && *value) {
        char* end = nullptr;
        const long n = std::strtol(value, &end, 10);
        if (*end == '\0' && n >= 0) return n;
    }
    return 2000;
}

std::optional<CatalogCache> CatalogCache::for_connection(pqxx::connection& conn,
                                                         const std::vector<std::string_view>& queries) {
    const std::string dir = cache_directory();
    if (dir.empty()) return std::nullopt;
    const char* host = conn.hostname();
    const char* port = conn.port();
    const std::string database = fmt::format("{}\n{}\n{}\n{}", host ? host : "", port ? port : "", conn.dbname(),
                                             conn.username());
    std::uint64_t digest = fnv1a(k_format);
    digest = fnv1a(k_session_settings, digest);
    for (const auto q : queries) digest = fnv1a(q, fnv1a("\n", digest));
    digest = fnv1a(k_composed_revision, digest);
    for (const auto q : k_composing_queries) digest = fnv1a(q, fnv1a("\n", digest));
    // One file per database and set of queries (with --privileges or not).
    CatalogCache cache(fmt::format("{}/catalog-{:016x}-{:016x}", dir, fnv1a(database), digest),
                       fmt::format("queries:{:016x}", digest));
    cache.m_query_count = queries.size();
    cache.m_queries_digest = cache.m_key.size();
    return cache;
}

bool CatalogCache::read_state(pqxx::dbtransaction& tx) {
    // In a savepoint: a server where the digest fails (before PostgreSQL
    // 14, bit_xor does not exist; a role may not read a catalog) is read
    // without the cache, and the snapshot's transaction goes on.
    try {
        pqxx::subtransaction digest(tx, "pgshape_catalog_state");
        std::vector<std::string> tables;
        for (const auto& row : digest.exec(k_catalog_tables)) tables.emplace_back(row[0].c_str());
        const pqxx::result state = digest.exec(state_query(digest, tables));
        digest.commit();
        m_key += ';';
        // One line in the file: a role's name may hold a line break.
        for (const char* c = state[0][0].c_str(); *c; ++c) m_key += *c == '\n' ? ' ' : *c;
        m_state_read = true;
    } catch (const pqxx::sql_error&) {
        m_state_read = false;
    }
    return m_state_read;
}

// Reads a file's format line, its key and its count of answers, and
// whether they are for these queries.
bool CatalogCache::read_header(std::istream& in, std::string& key) const {
    std::string format;
    std::size_t count = 0;
    return std::getline(in, format) && format == k_format && std::getline(in, key) &&
           key.compare(0, m_queries_digest, m_key, 0, m_queries_digest) == 0 && (in >> count) && count == m_query_count;
}

std::optional<std::string> CatalogCache::kept_key() const {
    std::ifstream in(m_path, std::ios::binary);
    std::string key;
    if (in && read_header(in, key)) return key;
    return std::nullopt;
}

std::optional<CatalogCache::Kept> CatalogCache::kept() const {
    std::ifstream in(m_path, std::ios::binary);
    Kept out;
    if (!in || !read_header(in, out.key)) return std::nullopt;
    const std::size_t count = m_query_count;
    out.answers.resize(count);
    for (auto& text : out.answers) {
        std::size_t size = 0;
        if (!(in >> size) || in.get() != '\n') return std::nullopt;
        text.resize(size);
        if (!in.read(text.data(), static_cast<std::streamsize>(size))) return std::nullopt;
    }
    return out;
}

void CatalogCache::store(const std::vector<std::string>& answers) const {
    if (!m_state_read) return;
    std::error_code ec;
    const fs::path dir = fs::path(m_path).parent_path();
    if (!fs::is_directory(dir, ec) && fs::create_directories(dir, ec))
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    std::size_t size = 0;
    for (const auto& a : answers) size += a.size() + 24;
    std::string bytes;
    bytes.reserve(m_key.size() + size + 64);
    bytes += k_format;
    bytes += '\n';
    bytes += m_key;
    bytes += '\n';
    bytes += std::to_string(answers.size());
    for (const auto& a : answers) {
        bytes += '\n';
        bytes += std::to_string(a.size());
        bytes += '\n';
        bytes += a;
    }
    if (write_file(m_path, bytes)) evict(dir);
}

void CatalogCache::touch() const {
    std::error_code ec;
    fs::last_write_time(m_path, fs::file_time_type::clock::now(), ec);
}

} // namespace pgshape::introspect
