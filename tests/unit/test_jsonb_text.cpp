// parser/jsonb_text: JSON as PostgreSQL prints the jsonb made of it.
#include <doctest/doctest.h>

#include "parser/jsonb_text.hpp"

using pgshape::parser::jsonb_text;

TEST_CASE("jsonb_text: as jsonb_out prints it") {
    struct Row {
        const char* in;
        const char* out;  // SELECT 'in'::jsonb, PostgreSQL 15
    };
    const Row rows[] = {
        {R"({"x":1})", R"({"x": 1})"},
        {R"({"bb": 1, "a": 2, "x": 3, "x": 4})", R"({"a": 2, "x": 4, "bb": 1})"},
        {R"([1,2.50, 1e2, -0, 1.5E-1, 12e-1, true, null])", R"([1, 2.50, 100, 0, 0.15, 1.2, true, null])"},
        {R"({"s": "q\"\u00e9\/\n"})", "{\"s\": \"q\\\"\xc3\xa9/\\n\"}"},
        {" { } ", "{}"},
        {"[]", "[]"},
        {R"("text")", R"("text")"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.in);
        CHECK(jsonb_text(row.in) == std::optional<std::string>(row.out));
    }
}

TEST_CASE("jsonb_text: not JSON") {
    for (const char* bad : {"{x: 1}", "[1,]", "01", "'a'", R"("\u0000")", "{\"a\" 1}"}) {
        CAPTURE(bad);
        CHECK_FALSE(jsonb_text(bad));
    }
}
