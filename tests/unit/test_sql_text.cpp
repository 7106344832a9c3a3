// engine/model/sql_text: identifier and literal quoting.
#include <string>

#include <doctest/doctest.h>

#include "engine/model/sql_text.hpp"

using namespace pgshape::model;

TEST_CASE("quote_ident") {
    struct Row {
        const char* in;
        const char* out;
    };
    const Row rows[] = {
        // Plain lower-case names stay bare, unreserved keywords too.
        {"users", "users"},
        {"order_items", "order_items"},
        {"_private", "_private"},
        {"col1", "col1"},
        {"name", "name"},
        {"text", "text"},
        {"type", "type"},
        {"key", "key"},
        // Reserved words and the keywords that cannot stand as every kind of name.
        {"user", "\"user\""},
        {"select", "\"select\""},
        {"order", "\"order\""},
        {"table", "\"table\""},
        {"group", "\"group\""},
        {"check", "\"check\""},
        {"default", "\"default\""},
        {"references", "\"references\""},
        {"current_user", "\"current_user\""},
        {"integer", "\"integer\""},
        {"left", "\"left\""},
        {"timestamp", "\"timestamp\""},
        // Case would fold, other characters would not lex.
        {"Users", "\"Users\""},
        {"camelCase", "\"camelCase\""},
        {"UPPER", "\"UPPER\""},
        {"1st", "\"1st\""},
        {"two words", "\"two words\""},
        {"dash-ed", "\"dash-ed\""},
        {"caf\xc3\xa9", "\"caf\xc3\xa9\""},
        {"", "\"\""},
        // Embedded quotes are doubled.
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"\"", "\"\"\"\""},
    };
    for (const auto& row : rows) {
        SUBCASE((std::string("[") + row.in + "]").c_str()) { CHECK(quote_ident(row.in) == row.out); }
    }
}

TEST_CASE("quote_name") {
    CHECK(quote_name({"public", "users"}) == "public.users");
    CHECK(quote_name({"Sales", "order"}) == "\"Sales\".\"order\"");
    CHECK(quote_name({"app", "x.y"}) == "app.\"x.y\"");
}

TEST_CASE("quote_literal") {
    struct Row {
        const char* in;
        const char* out;
    };
    const Row rows[] = {
        {"abc", "'abc'"},
        {"", "''"},
        {"it's", "'it''s'"},
        {"''", "''''''"},
        {"back\\slash", "'back\\slash'"},  // standard_conforming_strings: no escaping
        {"line\nbreak", "'line\nbreak'"},
        {"\"double\"", "'\"double\"'"},
    };
    for (const auto& row : rows) {
        SUBCASE((std::string("[") + row.in + "]").c_str()) { CHECK(quote_literal(row.in) == row.out); }
    }
}
