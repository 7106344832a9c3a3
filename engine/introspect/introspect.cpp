#include "engine/introspect/introspect.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>
#include <optional>
#include <memory>
#include <mutex>
#include <vector>

#include <pqxx/pqxx>

#include "engine/introspect/catalog_cache.hpp"
#include "engine/introspect/catalog_queries.hpp"
#include "engine/introspect/composed_answers.hpp"
#include "parser/load.hpp"

namespace pgshape::introspect {
namespace {

// Below this many relations the queries run one after the other on the
// caller's connection: opening more connections would cost more than it saves.
constexpr long k_concurrent_from_relations = 2000;
// Connections besides the caller's: the server answers each on its own
// core, while this process parses the answers that are in. One: each
// connection's backend builds its own catalog caches, and at 10,000 tables
// (on 2 cores) `inspect` took 4.9 to 5.2 s with one more connection, 5.4 to
// 6.0 s with two and 5.9 to 7.8 s with three.
constexpr int k_extra_connections = 1;

using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// The queries to run: privileges only when asked for.
std::vector<std::string_view> queries_for(model::Privileges privileges) {
    std::vector<std::string_view> out(k_all_queries.begin(), k_all_queries.end());
    if (privileges == model::Privileges::manage) out.insert(out.end(), k_privilege_queries.begin(), k_privilege_queries.end());
    return out;
}

// The queries grouped into lanes, each run on one connection in turn, the
// lanes with the catalog's largest answers first so the connections finish
// close together. Checks and indexes share a lane: the deparsers of both
// open the tables of what they deparse (a relation cache entry built per
// table in that backend), once per shape since composed_checks.cpp and
// composed_indexes.cpp, and the entries built for one serve the other.
std::vector<std::vector<std::size_t>> lanes_of(const std::vector<std::string_view>& queries) {
    auto find = [&](std::string_view q) {
        for (std::size_t i = 0; i < queries.size(); ++i)
            if (queries[i] == q) return i;
        return queries.size();
    };
    std::vector<std::vector<std::size_t>> lanes;
    std::vector<bool> placed(queries.size(), false);
    // run_queries' ExtraJob (the catalog cache's digest, about as long as
    // the keys) is a lane of its own with the large ones: last, it would
    // leave its connection finishing alone.
    const std::size_t extra = queries.size();
    // The answers the model's first passes need (k_declaring_queries) come
    // in together, the small ones before the tables, so that those passes
    // run while the server still answers the rest.
    std::vector<std::size_t> declaring;
    for (auto q : k_declaring_queries) declaring.push_back(find(q));
    for (const auto& lane : {std::vector{find(k_check_constraints), find(k_indexes)}, declaring,
                             std::vector{extra}, std::vector{find(k_key_constraints)}, std::vector{find(k_comments)}}) {
        auto& added = lanes.emplace_back();
        for (std::size_t q : lane)
            if (q == extra) added.push_back(q);
            else if (q < queries.size()) added.push_back(q), placed[q] = true;
    }
    for (std::size_t i = 0; i < queries.size(); ++i)
        if (!placed[i]) lanes.push_back({i});
    return lanes;
}

std::string run_query(pqxx::transaction_base& tx, std::string_view query, ComposedReads& shared) {
    if (auto composed = composed_answer(tx, query, shared)) return std::move(*composed);
    const pqxx::result rows = tx.exec(std::string(query));
    std::string out;
    for (const auto& row : rows) {
        out += row[0].c_str();
        out += '\n';
    }
    return out;
}

// What each query's answer becomes: its text (catalog_ddl) or its parse.
// Called again for a query whose kept answer turned out stale: the last
// call stands.
using Consume = std::function<void(std::size_t query, std::string text)>;

// Work for the same snapshot besides the queries, in a lane of its own
// (lanes_of): reading the catalog's state for the cache.
using ExtraJob = std::function<void(pqxx::dbtransaction&)>;

// Runs the lanes not yet taken from `next` on `tx`, handing each answer
// to `consume` on this thread.
void drain(pqxx::dbtransaction& tx, const std::vector<std::string_view>& queries,
           const std::vector<std::vector<std::size_t>>& lanes, std::atomic<std::size_t>& next, const Consume& consume,
           const ExtraJob& extra, ComposedReads& shared) {
    for (std::size_t i = next++; i < lanes.size(); i = next++)
        for (std::size_t q : lanes[i]) {
            if (q < queries.size()) consume(q, run_query(tx, queries[q], shared));
            else if (extra) extra(tx);
        }
}

// Runs every query in one snapshot and hands each answer to `consume`
// (from several threads on a large database, one answer at a time each).
void run_queries(Snapshot& tx, pqxx::connection& conn, long relations, const std::vector<std::string_view>& queries,
                 const Consume& consume, const ExtraJob& extra = {}) {
    const auto lanes = lanes_of(queries);
    std::atomic<std::size_t> next{0};
    ComposedReads shared;
    if (relations < k_concurrent_from_relations) {
        drain(tx, queries, lanes, next, consume, extra, shared);
        return;
    }
    const std::string snapshot = tx.exec("SELECT pg_catalog.pg_export_snapshot()")[0][0].c_str();
    std::vector<std::future<void>> workers;
    for (int w = 0; w < k_extra_connections; ++w) {
        workers.push_back(std::async(std::launch::async, [&, options = conn.options()] {
            pqxx::connection other(options);
            Snapshot extra_tx(other);
            extra_tx.exec("SET TRANSACTION SNAPSHOT " + extra_tx.quote(snapshot));
            extra_tx.exec(k_session_settings);
            drain(extra_tx, queries, lanes, next, consume, extra, shared);
        }));
    }
    // Wait for every worker before an error leaves: they use `next`.
    std::exception_ptr failure;
    try {
        drain(tx, queries, lanes, next, consume, extra, shared);
    } catch (...) {
        failure = std::current_exception();
    }
    for (auto& w : workers) {
        try {
            w.get();
        } catch (...) {
            if (!failure) failure = std::current_exception();
        }
    }
    if (failure) std::rethrow_exception(failure);
}

// Every query's answer, from the catalog cache when the catalog is as it
// was when they were kept (catalog_cache.hpp), else from the server (and
// kept for the next run).
void run_catalog_queries(pqxx::connection& conn, const std::vector<std::string_view>& queries, Cache cache_use,
                         const Consume& consume) {
    // Repeatable read: every query sees one snapshot, which the extra
    // connections share through pg_export_snapshot (as pg_dump's parallel
    // workers do), so the catalog cannot change between two queries, nor
    // after the cache has read its state.
    Snapshot tx(conn);
    tx.exec(k_session_settings);
    const long relations = tx.exec("SELECT count(*) FROM pg_catalog.pg_class")[0][0].as<long>();
    auto cache = cache_use == Cache::use && relations >= CatalogCache::min_relations()
                     ? CatalogCache::for_connection(conn, queries)
                     : std::nullopt;
    if (!cache) return run_queries(tx, conn, relations, queries, consume);
    bool state_read = false;
    if (const auto header_key = cache->kept_key()) {
        // The kept answers are read and handed on while the server works
        // out the catalog's state; they count only if it is the state they
        // were kept for. Otherwise the reading stops at the next answer and
        // the queries run, their answers replacing what was handed on.
        std::atomic<bool> stale{false};
        auto kept_read = std::async(std::launch::async, [&]() -> std::optional<std::string> {
            try {
                auto kept = cache->kept();
                if (!kept) return std::nullopt;
                // Two at a time, as the answers would come from the server.
                std::atomic<std::size_t> next{0};
                auto hand_on = [&] {
                    for (std::size_t q = next++; q < kept->answers.size() && !stale; q = next++)
                        consume(q, std::move(kept->answers[q]));
                };
                auto other = std::async(std::launch::async, hand_on);
                hand_on();
                other.get();
                if (stale) return std::nullopt;
                return std::move(kept->key);
            } catch (...) {
                return std::nullopt;  // a file that does not parse is no answer
            }
        });
        bool known = false;
        try {
            known = cache->read_state(tx);
        } catch (...) {
            stale = true;
            kept_read.wait();  // it uses `consume` and `cache`
            throw;
        }
        stale = !known || *header_key != cache->key();
        // Waited for either way: on a stale file, `consume` must not be
        // running when the queries' answers come.
        if (kept_read.get() == cache->key() && known) return cache->touch();
        state_read = true;
    }
    // Nothing kept (or kept for another state): the state, needed only to
    // keep these answers, is read beside the queries, in their snapshot.
    std::vector<std::string> answers(queries.size());  // one slot per query: each filled by one thread
    run_queries(
        tx, conn, relations, queries,
        [&](std::size_t q, std::string text) {
            answers[q] = text;
            consume(q, std::move(text));
        },
        state_read ? ExtraJob{} : ExtraJob{[&](pqxx::dbtransaction& on) { cache->read_state(on); }});
    cache->store(answers);
}

} // namespace

std::string catalog_ddl(pqxx::connection& conn, model::Privileges privileges, Cache cache) {
    const auto queries = queries_for(privileges);
    std::vector<std::string> slots(queries.size());
    run_catalog_queries(conn, queries, cache, [&](std::size_t q, std::string text) { slots[q] = std::move(text); });
    std::string text;
    std::size_t size = 0;
    for (const auto& s : slots) size += s.size();
    text.reserve(size);
    for (const auto& s : slots) text += s;
    return text;
}

model::SchemaModel introspect(pqxx::connection& conn, const std::string& label, model::Privileges privileges,
                              Cache cache) {
    // Each answer is parsed as soon as it arrives, on the thread that
    // fetched it, while the server still works on the others. Once the
    // answers that create types and tables are in, the model's first passes
    // run on them on a thread of their own (parser::StagedBuild), and the
    // rest once all are in.
    const auto queries = queries_for(privileges);
    std::vector<bool> declaring(queries.size(), false);
    for (std::size_t q = 0; q < queries.size(); ++q)
        declaring[q] = std::find(k_declaring_queries.begin(), k_declaring_queries.end(), queries[q]) != k_declaring_queries.end();
    const auto declaring_count = static_cast<std::size_t>(std::count(declaring.begin(), declaring.end(), true));

    parser::StagedBuild build({privileges, false});
    std::mutex mutex;  // guards the three below
    std::vector<std::shared_ptr<const parser::ParsedSource>> parsed(queries.size());
    std::size_t declaring_in = 0;
    std::future<void> declared;  // after `build` and `parsed`: waited for before they go
    run_catalog_queries(conn, queries, cache, [&](std::size_t q, std::string text) {
        auto source = std::make_shared<const parser::ParsedSource>(std::vector<parser::SourceFile>{{label, std::move(text)}});
        std::lock_guard lock(mutex);
        // A kept answer replaced by the server's (a stale cache file):
        // finish() sees that the first passes read another text.
        const bool first_time = !parsed[q];
        parsed[q] = std::move(source);
        if (!declaring[q] || !first_time || ++declaring_in != declaring_count) return;
        std::vector<std::shared_ptr<const parser::ParsedSource>> first;
        for (std::size_t i = 0; i < queries.size(); ++i)
            if (declaring[i]) first.push_back(parsed[i]);
        declared = std::async(std::launch::async, [&build, first = std::move(first)] {
            std::vector<const parser::ParsedSource*> texts;
            for (const auto& f : first) texts.push_back(f.get());
            build.declare(texts);
        });
    });
    std::vector<const parser::ParsedSource*> all;
    for (const auto& p : parsed) all.push_back(p.get());
    bool declared_ok = declared.valid();
    if (declared_ok) {
        try {
            declared.get();
        } catch (...) {
            declared_ok = false;  // built again below, where the same error is thrown
        }
    }
    if (declared_ok) return build.finish(all);
    return parser::build_model(all, {privileges, false});
}

} // namespace pgshape::introspect
