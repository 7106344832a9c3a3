// parser/pg_json and parser/pb_encode: the tree read from libpg_query's JSON
// output is the tree its protobuf output carries, byte for byte, and the
// encoder writes what protobuf-c writes. Checked on every SQL file of the
// repository (fixtures, example schemas, migrations) and of the corpus of
// other tools' cases beside it, when present.
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <pg_query.h>

#include "parser/pb_encode.hpp"
#include "parser/pg_tree.hpp"

namespace fs = std::filesystem;
using namespace pgshape;

namespace {

// What pg_query_parse_protobuf writes for `sql`, or nullopt on a syntax error.
std::optional<std::string> protobuf_of(const std::string& sql) {
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(sql.c_str());
    std::unique_ptr<PgQueryProtobufParseResult, void (*)(PgQueryProtobufParseResult*)> guard(
        &parsed, [](PgQueryProtobufParseResult* r) { pg_query_free_protobuf_parse_result(*r); });
    if (parsed.error) return std::nullopt;
    return std::string(parsed.parse_tree.data, parsed.parse_tree.len);
}

// The JSON route's tree for `sql`, packed by our encoder.
std::string json_route_of(const std::string& sql) {
    parser::ParseTree tree(sql);
    return parser::encode_message(&tree.result().base);
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> sql_files() {
    std::vector<fs::path> out;
    const fs::path root(PGSHAPE_SOURCE_DIR);
    for (const auto* dir : {"fixtures", "schemas", "migrations", "../shared/corpus"}) {
        const fs::path d = root / dir;
        if (!fs::is_directory(d)) continue;
        for (const auto& e : fs::recursive_directory_iterator(d))
            if (e.is_regular_file() && e.path().extension() == ".sql") out.push_back(e.path());
    }
    return out;
}

} // namespace

TEST_CASE("pg_json: the JSON route gives the protobuf route's tree") {
    SUBCASE("integers the JSON text leaves out") {
        for (const char* sql : {"SELECT -1, 0, 1, - 1, -(1), -2147483647, 2147483647",
                                "CREATE TABLE t (a int DEFAULT -1 CHECK (a > -5), b numeric DEFAULT -1.5)",
                                "CREATE SEQUENCE s INCREMENT BY -1 MINVALUE -10 MAXVALUE 0 START -1",
                                "ALTER TABLE t ALTER COLUMN a SET STATISTICS -1",
                                "CREATE TABLE p (a int) PARTITION BY RANGE (a); "
                                "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (-10) TO (0)",
                                "SELECT 1; SELECT -1; ALTER SEQUENCE s INCREMENT -2; SELECT 0",
                                "SELECT NULL::text[], NULL::int[3][], ARRAY[1]::numeric(10,2)[]"}) {
            CAPTURE(sql);
            const auto expected = protobuf_of(sql);
            REQUIRE(expected);
            CHECK(json_route_of(sql) == *expected);
        }
    }
    SUBCASE("escapes and non-ASCII text") {
        for (const char* sql : {"SELECT 'a\\b\"c' || E'\\n\\x01\\t', $$é ü 漢字 😀$$, \"we\"\"ird\"",
                                "COMMENT ON TABLE t IS 'line 1\nline 2 </script> & <'"}) {
            CAPTURE(sql);
            const auto expected = protobuf_of(sql);
            REQUIRE(expected);
            CHECK(json_route_of(sql) == *expected);
        }
    }
    SUBCASE("every SQL file of the repository and the corpus") {
        const auto files = sql_files();
        CHECK(files.size() > 500);
        std::size_t compared = 0;
        for (const auto& file : files) {
            const std::string sql = read(file);
            const auto expected = protobuf_of(sql);
            if (!expected) continue;  // bad-input fixtures and invalid corpus cases
            CAPTURE(file.string());
            CHECK(json_route_of(sql) == *expected);
            ++compared;
        }
        MESSAGE(compared << " files compared");
    }
}

TEST_CASE("pb_encode: the encoder writes what protobuf-c writes") {
    for (const char* sql : {"CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, n numeric(10,2) DEFAULT -1.5 NOT NULL)",
                            "SELECT a.x, -1, NULL::int[], ARRAY[1,2] FROM a JOIN b USING (id) WHERE a.y IN ('p', 'q')",
                            "CREATE SEQUENCE s INCREMENT BY -1 MINVALUE -10"}) {
        CAPTURE(sql);
        const auto packed = protobuf_of(sql);
        REQUIRE(packed);
        auto* tree = pg_query__parse_result__unpack(nullptr, packed->size(), reinterpret_cast<const uint8_t*>(packed->data()));
        REQUIRE(tree != nullptr);
        std::string reference(pg_query__parse_result__get_packed_size(tree), '\0');
        pg_query__parse_result__pack(tree, reinterpret_cast<uint8_t*>(reference.data()));
        CHECK(parser::encode_message(&tree->base) == reference);
        pg_query__parse_result__free_unpacked(tree, nullptr);
    }
}
