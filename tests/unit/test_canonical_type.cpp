// parser/canonical_type: every spelling of a type → the one format_type() prints.
#include <string>

#include <doctest/doctest.h>

#include "parser/canonical_type.hpp"
#include "parser/pg_tree.hpp"

using namespace pgshape;

namespace {

// The TypeName of `SELECT NULL::<type>`, resolved.
parser::ResolvedType resolve(const std::string& type) {
    parser::ParseTree tree("SELECT NULL::" + type);
    const auto* select = tree.stmt(0).stmt->select_stmt;
    const auto* cast = select->target_list[0]->res_target->val->type_cast;
    REQUIRE(cast != nullptr);
    return parser::canonical_type(cast->type_name);
}

} // namespace

TEST_CASE("canonical_type: spellings of built-in types") {
    struct Row {
        const char* written;
        const char* canonical;
    };
    const Row rows[] = {
        {"int4", "integer"},
        {"int", "integer"},
        {"integer", "integer"},
        {"INTEGER", "integer"},
        {"pg_catalog.int4", "integer"},
        {"int2", "smallint"},
        {"smallint", "smallint"},
        {"int8", "bigint"},
        {"bigint", "bigint"},
        {"varchar(20)", "character varying(20)"},
        {"character varying(20)", "character varying(20)"},
        {"varchar", "character varying"},
        {"char(5)", "character(5)"},
        {"character(5)", "character(5)"},
        {"numeric(10)", "numeric(10,0)"},
        {"numeric(10,2)", "numeric(10,2)"},
        {"decimal(10,2)", "numeric(10,2)"},
        {"numeric", "numeric"},
        {"timestamptz", "timestamp with time zone"},
        {"timestamp with time zone", "timestamp with time zone"},
        {"timestamp(3) with time zone", "timestamp(3) with time zone"},
        {"timestamp", "timestamp without time zone"},
        {"timestamp without time zone", "timestamp without time zone"},
        {"time", "time without time zone"},
        {"timetz", "time with time zone"},
        {"float8", "double precision"},
        {"double precision", "double precision"},
        {"float", "double precision"},
        {"float4", "real"},
        {"real", "real"},
        {"bool", "boolean"},
        {"boolean", "boolean"},
        {"text", "text"},
        {"uuid", "uuid"},
        {"jsonb", "jsonb"},
        {"date", "date"},
        {"interval", "interval"},
        {"bytea", "bytea"},
        {"inet", "inet"},
        {"char", "character(1)"},
        {"\"char\"", "\"char\""},
        {"timestamp(3)", "timestamp(3) without time zone"},
        {"time(2) with time zone", "time(2) with time zone"},
        {"float(24)", "real"},
        {"float(25)", "double precision"},
        {"dec(5,2)", "numeric(5,2)"},
        {"bit varying(5)", "bit varying(5)"},
        // interval's typmods are a field mask and a precision, printed as format_type() does.
        {"interval(3)", "interval(3)"},
        {"interval day", "interval day"},
        {"interval year to month", "interval year to month"},
        {"interval hour to minute", "interval hour to minute"},
        {"interval day to second(2)", "interval day to second(2)"},
        {"interval second(3)", "interval second(3)"},
        {"interval minute to second", "interval minute to second"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.written) {
            const auto resolved = resolve(row.written);
            CHECK(model::render_type(resolved.type) == row.canonical);
            CHECK(resolved.type.schema.empty());
            CHECK(resolved.serial == parser::Serial::none);
        }
    }
}

TEST_CASE("canonical_type: spellings that mean the same type compare equal") {
    CHECK(resolve("int4").type == resolve("integer").type);
    CHECK(resolve("varchar(20)").type == resolve("character varying(20)").type);
    CHECK(resolve("numeric(10)").type == resolve("numeric(10,0)").type);
    CHECK(resolve("timestamptz").type == resolve("timestamp with time zone").type);
    CHECK_FALSE(resolve("varchar(20)").type == resolve("varchar(21)").type);
    CHECK_FALSE(resolve("timestamp").type == resolve("timestamptz").type);
    CHECK_FALSE(resolve("integer").type == resolve("integer[]").type);
    CHECK_FALSE(resolve("interval day").type == resolve("interval hour").type);
    CHECK_FALSE(resolve("interval(3)").type == resolve("interval").type);
}

TEST_CASE("canonical_type: serial types") {
    struct Row {
        const char* written;
        const char* canonical;
    };
    const Row rows[] = {
        {"serial", "integer"},     {"serial4", "integer"},  {"bigserial", "bigint"},
        {"serial8", "bigint"},     {"smallserial", "smallint"}, {"serial2", "smallint"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.written) {
            const auto resolved = resolve(row.written);
            CHECK(model::render_type(resolved.type) == row.canonical);
            CHECK(resolved.serial == parser::Serial::serial);
        }
    }
    // Only the bare names expand: a qualified "serial" is a user type.
    CHECK(resolve("app.serial").serial == parser::Serial::none);
}

TEST_CASE("canonical_type: user-defined types carry their schema") {
    struct Row {
        const char* written;
        const char* schema;
        const char* canonical;
    };
    const Row rows[] = {
        {"mood", "public", "public.mood"},
        {"public.mood", "public", "public.mood"},
        {"shop.status", "shop", "shop.status"},
        {"\"Mood\"", "public", "public.\"Mood\""},
        {"mood[]", "public", "public.mood[]"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.written) {
            const auto resolved = resolve(row.written);
            CHECK(resolved.type.schema == row.schema);
            CHECK(model::render_type(resolved.type) == row.canonical);
        }
    }
}

TEST_CASE("canonical_type: arrays") {
    struct Row {
        const char* written;
        const char* canonical;
    };
    const Row rows[] = {
        {"int[]", "integer[]"},
        {"integer ARRAY", "integer[]"},
        {"int4[][]", "integer[]"},
        {"text[]", "text[]"},
        {"varchar(20)[]", "character varying(20)[]"},
        {"numeric(10)[]", "numeric(10,0)[]"},
        {"timestamptz[]", "timestamp with time zone[]"},
        {"interval day[]", "interval day[]"},
    };
    for (const auto& row : rows) {
        SUBCASE(row.written) {
            const auto resolved = resolve(row.written);
            CHECK(resolved.type.is_array);
            CHECK(model::render_type(resolved.type) == row.canonical);
        }
    }
}

TEST_CASE("canonical_type: type families") {
    CHECK(parser::is_string_type(resolve("varchar(3)").type));
    CHECK(parser::is_string_type(resolve("text").type));
    CHECK(parser::is_string_type(resolve("char(2)").type));
    CHECK_FALSE(parser::is_string_type(resolve("text[]").type));
    CHECK_FALSE(parser::is_string_type(resolve("uuid").type));
    CHECK(parser::is_numeric_type(resolve("int8").type));
    CHECK(parser::is_numeric_type(resolve("numeric(5,1)").type));
    CHECK(parser::is_numeric_type(resolve("float4").type));
    CHECK_FALSE(parser::is_numeric_type(resolve("int[]").type));
    CHECK_FALSE(parser::is_numeric_type(resolve("public.money_amount").type));
}
