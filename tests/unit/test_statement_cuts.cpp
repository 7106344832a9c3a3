// parser/statement_cuts: a large text is cut only where a statement starts,
// checked against libpg_query's own split (the grammar's, which knows
// BEGIN ATOMIC bodies).
#include <set>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <pg_query.h>

#include "parser/statement_cuts.hpp"
#include "unit_support.hpp"

using namespace pgshape;

namespace {

// Statement starts as libpg_query's parser splits `sql` (offsets just after
// each `;`), with the first word of the statement there.
std::set<std::size_t> parser_statement_starts(const std::string& sql) {
    PgQuerySplitResult split = pg_query_split_with_parser(sql.c_str());
    REQUIRE(split.error == nullptr);
    std::set<std::size_t> out;
    for (int i = 1; i < split.n_stmts; ++i) out.insert(static_cast<std::size_t>(split.stmts[i]->stmt_location));
    pg_query_free_split_result(split);
    return out;
}

// Every `;` below that is not a statement's end sits where a lexer-only
// split, or one that ignores quoting, would cut: before CREATE, ALTER or
// COMMENT. Each `@` becomes `suffix`, so that the text can repeat.
std::string tricky(const std::string& suffix) {
    std::string text = R"SQL(CREATE TABLE "semi@;
CREATE" (id int, note text DEFAULT 'it''s; CREATE TABLE x', e text DEFAULT E'\'; CREATE TABLE y');
-- a comment; CREATE TABLE z (a int);
/* a block /* nested; */ CREATE TABLE w; */
CREATE FUNCTION f@(a int) RETURNS int LANGUAGE sql AS $$ SELECT 1; CREATE TABLE v (a int); $$;
CREATE FUNCTION g@(a int) RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN $1; END; $body$;
ALTER TABLE "semi@;
CREATE" ADD COLUMN a$b int;
CREATE FUNCTION h@(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC
  SELECT a + 1;
  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
END;
COMMENT ON FUNCTION h@(int) IS 'x; ALTER TABLE t';
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE u@ (x text DEFAULT U&'d\0061t\+000061; CREATE', y text DEFAULT $tag$ $$; CREATE $tag$);
create table lower_case@ (a int);
)SQL";
    for (auto at = text.find('@'); at != std::string::npos; at = text.find('@', at + suffix.size())) text.replace(at, 1, suffix);
    return text;
}

} // namespace

TEST_CASE("statement_cuts: cuts only where the parser starts a statement") {
    const std::string text = tricky("");
    const auto starts = parser_statement_starts(text);
    const auto cuts = parser::statement_cuts(text, 1);
    for (std::size_t cut : cuts) CHECK_MESSAGE(starts.count(cut), "cut at ", cut, ": ", text.substr(cut, 30));
    // Every statement start but the SELECT one: ALTER, FUNCTION g, h, COMMENT, u, lower_case, f.
    CHECK(cuts.size() == starts.size() - 1);
}

TEST_CASE("statement_cuts: cuts keep their spacing") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += fmt::format("CREATE TABLE t{} (id int);\n", i);
    const auto cuts = parser::statement_cuts(text, 1000);
    REQUIRE(!cuts.empty());
    std::size_t last = 0;
    for (std::size_t cut : cuts) {
        CHECK(cut - last >= 1000);
        CHECK(text[cut - 1] == ';');
        last = cut;
    }
    CHECK(cuts.size() == text.size() / 1000);  // each piece at most one statement longer than the spacing
    CHECK(parser::statement_cuts("CREATE TABLE a (x int); CREATE TABLE b (x int);", 1000).empty());
}

TEST_CASE("statement_cuts: a large file cut into pieces loads whole") {
    // Over 1 MiB, so that the loader cuts it (parser/load.cpp), with the
    // tricky statements repeated under new names in every few kilobytes.
    std::string text;
    int repeats = 0;
    while (text.size() < 3u << 20) text += tricky(std::to_string(repeats++));
    const auto m = unit::model_of(text);
    CHECK(m.tables.size() == static_cast<std::size_t>(3 * repeats));
    CHECK(m.functions.size() == static_cast<std::size_t>(3 * repeats));
}
