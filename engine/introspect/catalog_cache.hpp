#pragma once
// The catalog's DDL text kept between runs, keyed by the catalog's state.
//
// Reading a large catalog costs the server seconds of CPU (its deparsers
// and caches, see docs/performance.md), while the catalog seldom changes
// between two plans of the same database. Every catalog change writes a new
// row version, with a new (ctid, xmin), into a catalog table, so a digest of
// those pairs over every catalog table a database has says whether anything
// pgshape reads can have changed. It is one scan of the catalogs
// (0.3 to 0.5 s of server CPU at 10,000 tables) against every deparser
// call (4 to 5 s).
//
// The key also holds what else shapes the text: the server's version, the
// settings that change how constants print, the role (what it may see) and
// the queries themselves (a new pgshape writes new text). A file that does
// not match is ignored and replaced; the cache is only an optimization, so
// a directory that cannot be written is no error.
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

namespace pgshape::introspect {

class CatalogCache {
public:
    // Below this many relations (pg_class rows) the queries cost little more
    // than the digest, and nothing is cached: 2,000, or
    // $PGSHAPE_CACHE_MIN_RELATIONS (the test suite sets 0, so that every
    // test database goes through the cache).
    static long min_relations();

    // The cache of the database `conn` is connected to, for the given
    // queries (by their text); nullopt when caching is off
    // (PGSHAPE_CACHE_DIR=off) or there is no directory to put it in.
    static std::optional<CatalogCache> for_connection(pqxx::connection& conn,
                                                      const std::vector<std::string_view>& queries);

    // What the file holds: the state it was kept for and the answers.
    struct Kept {
        std::string key;
        std::vector<std::string> answers;
    };
    // The file's answers for these queries, whatever the catalog's state
    // (nullopt without a file, or for other queries): they may be read
    // while the server works out the state, and used if the keys match.
    std::optional<Kept> kept() const;
    // The key of the file for these queries, if there is one (its first
    // lines only).
    std::optional<std::string> kept_key() const;

    // Reads the catalog's state in `tx` (the snapshot the queries see);
    // false when the server cannot tell it (then nothing is kept).
    bool read_state(pqxx::dbtransaction& tx);
    // The queries' digest and, once read, the catalog's state.
    const std::string& key() const { return m_key; }
    // Keeps the answers for the state read; failures are ignored. A
    // directory keeps the files of the 16 databases used last.
    void store(const std::vector<std::string>& answers) const;
    // Marks the file used (for the eviction above).
    void touch() const;

private:
    bool read_header(std::istream& in, std::string& key) const;

    CatalogCache(std::string path, std::string queries_digest) : m_path(std::move(path)), m_key(std::move(queries_digest)) {}

    std::string m_path;
    std::string m_key;  // the queries' digest, then the state once read
    std::size_t m_query_count = 0;
    std::size_t m_queries_digest = 0;  // m_key's length before the state
    bool m_state_read = false;
};

// Where caches go: $PGSHAPE_CACHE_DIR, else $XDG_CACHE_HOME/pgshape, else
// $HOME/.cache/pgshape; empty when off or unknown.
std::string cache_directory();

} // namespace pgshape::introspect
