#pragma once
// libpg_query's JSON parse output → the protobuf-c tree types of
// pg_query.pb-c.h, without going through protobuf's wire format.
//
// Why: pg_query_parse_protobuf spends most of its time packing (protobuf-c
// scans all ~250 members of the Node oneof for every node, and sizes nested
// messages again at every level), and unpacking costs as much again. The
// JSON writer appends text directly: on an 8 MB schema file, JSON output plus
// this decoder takes about a third of the protobuf route. The trees are the
// same: tests/unit/test_pg_json.cpp packs both and compares the bytes.
#include <cstddef>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

namespace pgshape::parser {

struct JsonTree {
    PgQuery__ParseResult* result = nullptr;
    // Statements (indexes into result->stmts) with an integer the JSON text
    // lost and the SQL text could not give back (see integer_of_a_const):
    // parse these again with pg_query_parse_protobuf.
    std::vector<std::size_t> lossy_statements;
};

// Decodes the text pg_query_parse returns for `sql`; every message, string
// and array of the tree comes from `allocator` (its free is never called).
// Throws InternalError on text that does not follow pg_query.proto (a field
// or node type it does not name).
JsonTree decode_parse_json(std::string_view json, std::string_view sql, ProtobufCAllocator& allocator);

} // namespace pgshape::parser
