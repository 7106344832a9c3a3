// parser/source_text: positions and the diagnostic format.
#include <string>

#include <doctest/doctest.h>

#include "parser/source_text.hpp"

using namespace pgshape::parser;

TEST_CASE("line_col") {
    const std::string text = "ab\ncd\n\xc3\xa9x\n";  // é is two bytes, one column
    struct Row {
        std::size_t offset;
        int line;
        int col;
    };
    const Row rows[] = {{0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 3, 1}, {8, 3, 2}, {99, 4, 1}};
    for (const auto& row : rows) {
        SUBCASE(std::to_string(row.offset).c_str()) {
            const auto pos = line_col(text, row.offset);
            CHECK(pos.line == row.line);
            CHECK(pos.col == row.col);
        }
    }
}

TEST_CASE("format_diagnostic") {
    const SourceFile file{"dir/s.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (x nope);\n"};
    SUBCASE("caret under the offset, help last") {
        CHECK(format_diagnostic(file, 43, "type nope is not defined", "define it") ==
              "dir/s.sql:2:19: error: type nope is not defined\n"
              "  CREATE TABLE b (x nope);\n"
              "                    ^\n"
              "  help: define it");
    }
    SUBCASE("no help line without help") {
        CHECK(format_diagnostic(file, 0, "bad") == "dir/s.sql:1:1: error: bad\n  CREATE TABLE a (id int);\n  ^");
    }
    SUBCASE("an offset past the end is clamped") {
        const auto text = format_diagnostic(file, 1000, "bad");
        CHECK(text.rfind("dir/s.sql:3:1: error: bad\n", 0) == 0);
    }
}

TEST_CASE("skip_blanks") {
    struct Row {
        const char* name;
        const char* text;
        std::size_t expected;
    };
    const Row rows[] = {
        {"nothing to skip", "CREATE", 0},
        {"spaces and newlines", " \n\t CREATE", 4},
        {"line comment", "-- hello\nCREATE", 9},
        {"block comment", "/* a\nb */ CREATE", 10},
        {"both", "-- x\n/* y */\n  CREATE", 15},
        {"only blanks", "  -- end", 8},
    };
    for (const auto& row : rows) {
        SUBCASE(row.name) { CHECK(skip_blanks(row.text, 0) == row.expected); }
    }
}

TEST_CASE("blank_dump_meta_commands") {
    SUBCASE("pg_dump's restrict lines become blanks, offsets kept") {
        std::string text = "--\n\\restrict abc123\r\n\nCREATE TABLE a (id int);\n\\unrestrict abc123\n";
        const std::string before = text;
        blank_dump_meta_commands(text);
        CHECK(text.size() == before.size());
        CHECK(text == "--\n" + std::string(16, ' ') + "\r\n\nCREATE TABLE a (id int);\n" + std::string(18, ' ') + "\n");
    }
    SUBCASE("other backslash commands and text mentioning them stay") {
        std::string text = "\\connect db\nCOMMENT ON TABLE a IS '\\restrict x';\n  \\restrict y\n";
        const std::string before = text;
        blank_dump_meta_commands(text);
        CHECK(text == before);
    }
}
