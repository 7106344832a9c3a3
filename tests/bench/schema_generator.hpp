#pragma once
// A realistic, deterministic schema of N tables as SQL text, for benchmarks.
//
// The same (tables, seed) always gives the same text, on every platform: the
// generator uses its own small PRNG, never <random>'s distributions (whose
// results are implementation-defined). Each table draws from its own stream,
// so the `next` version differs from `base` only in the tables it changes.
#include <cstddef>
#include <cstdint>
#include <string>

namespace pgshape::bench {

enum class SchemaVersion {
    base,  // the schema as generated
    next,  // ~1% of the tables changed: a column added, a varchar widened,
           // an index added, an index dropped, a CHECK changed (in turn)
};

struct GeneratorOptions {
    std::size_t tables = 100;
    std::uint64_t seed = 1;
};

struct GeneratedSchema {
    std::string sql;               // loads as is with psql or in one transaction
    std::size_t statements = 0;
    std::size_t indexes = 0;       // CREATE INDEX statements
    std::size_t foreign_keys = 0;
    std::size_t changed_tables = 0;  // tables that differ from `base` (0 for base)
};

// Schemas `public`, `sales`, `inventory`, `billing` and `audit`; two enum
// types shared across them; tables in dependency order (foreign keys point
// only to earlier tables), so the text loads top to bottom.
GeneratedSchema generate_schema(const GeneratorOptions& options, SchemaVersion version);

} // namespace pgshape::bench
